import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CheckFinding, CheckVerdict, ResidentFacts } from '@accessdesk/contracts';

/**
 * The latest result of the checks on receipt (R4) for one case. Holds no personnummer and no name:
 * the verdict, the finding codes and the resident facts as booleans are all later steps need.
 */
@Entity({ name: 'checks' })
export class CheckEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ name: 'registry_number', type: 'text' }) registryNumber!: string;
  @Column({ type: 'text' }) verdict!: CheckVerdict;
  @Column({ type: 'jsonb' }) findings!: CheckFinding[];
  @Column({ name: 'resident_facts', type: 'jsonb' }) residentFacts!: ResidentFacts;
  @Column({ name: 'signer_care_provider', type: 'text', nullable: true }) signerCareProvider!: string | null;
  /** The `intake.case.received.v1` message this result answers. */
  @Column({ name: 'message_id', type: 'uuid' }) messageId!: string;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt!: Date;
}
