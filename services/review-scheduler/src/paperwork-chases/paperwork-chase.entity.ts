import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { PaperworkSender } from '@accessdesk/contracts';
import { PaperworkChaseStatus } from '../rules/r12-emergency-paperwork';

/**
 * R12: the chase of one emergency lock's missing form. The fields from `intake.paperwork.pending.v1`
 * are null only on a row that the form's arrival created before that event came (status RECEIVED);
 * the table's check constraint holds them present otherwise.
 */
@Entity({ name: 'paperwork_chases' })
@Index('paperwork_chases_next_due', ['status', 'nextAttemptAt'], { where: `status IN ('PENDING', 'REMINDED')` })
export class PaperworkChaseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid', unique: true }) caseId!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ type: 'text' }) status!: PaperworkChaseStatus;
  @Column({ name: 'registry_number', type: 'text', nullable: true }) registryNumber!: string | null;
  /** Who owes the form: staff, or the resident who asked for the lock. */
  @Column({ type: 'text', nullable: true }) sender!: PaperworkSender | null;
  @Column({ name: 'requesting_unit_hsa_id', type: 'text', nullable: true }) requestingUnitHsaId!: string | null;
  @Column({ name: 'requesting_unit_name', type: 'text', nullable: true }) requestingUnitName!: string | null;
  @Column({ name: 'head_email', type: 'text', nullable: true }) headEmail!: string | null;
  @Column({ name: 'pending_since', type: 'timestamptz', nullable: true }) pendingSince!: Date | null;
  @Column({ name: 'reminder_due_at', type: 'timestamptz', nullable: true }) reminderDueAt!: Date | null;
  @Column({ name: 'escalation_due_at', type: 'timestamptz', nullable: true }) escalationDueAt!: Date | null;
  /** When the next step (reminder, escalation) is due; only read while PENDING or REMINDED. */
  @Column({ name: 'next_due_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt!: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt!: Date | null;
  /** R12: forms that failed the checks on receipt and went back; the chase went on after each. */
  @Column({ type: 'integer', default: 0 }) returns!: number;
  @Column({ name: 'last_returned_at', type: 'timestamptz', nullable: true }) lastReturnedAt!: Date | null;
  /** When the chase ended: the form's arrival (RECEIVED), or the lock's end unexecuted (WAIVED). */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  /** The message that started the chase (or closed it first): what its reminders were caused by. */
  @Column({ name: 'causation_id', type: 'text' }) causationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
