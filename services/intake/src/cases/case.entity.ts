import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import {
  Actor,
  CaseRequest,
  CaseStatus,
  Channel,
  ExecutionOutcome,
  IntakeCaseType,
  PaperworkState,
} from '@accessdesk/contracts';

/** One request to restrict (or lift a restriction of) a resident's access, and where it stands. */
@Entity({ name: 'cases' })
@Index('cases_idempotency', ['idempotencyOwner', 'idempotencyKey'], { unique: true })
@Index('cases_resident', ['residentPersonnummer'])
export class CaseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'registry_number', type: 'text', unique: true }) registryNumber!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ type: 'text' }) type!: IntakeCaseType;
  @Column({ type: 'text' }) status!: CaseStatus;
  @Column({ type: 'text' }) channel!: Channel;
  @Column({ name: 'resident_personnummer', type: 'text' }) residentPersonnummer!: string;
  /** The request as filed; its personal data is cut down once the case is closed (R8). */
  @Column({ type: 'jsonb' }) request!: CaseRequest;
  @Column({ name: 'requested_by', type: 'jsonb' }) requestedBy!: Actor;
  @Column({ name: 'requesting_unit_hsa_id', type: 'text' }) requestingUnitHsaId!: string;
  @Column({ type: 'text', nullable: true }) outcome!: ExecutionOutcome | null;
  @Column({ type: 'text' }) paperwork!: PaperworkState;
  @Column({ type: 'jsonb', default: () => "'[]'" }) effects!: string[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) advice!: string[];
  @Column({ name: 'action_id', type: 'uuid', nullable: true }) actionId!: string | null;
  @Column({ name: 'feedback_sent_at', type: 'timestamptz', nullable: true }) feedbackSentAt!: Date | null;
  @Column({ name: 'review_scheduled_at', type: 'timestamptz', nullable: true }) reviewScheduledAt!: Date | null;
  @Column({ name: 'idempotency_owner', type: 'text' }) idempotencyOwner!: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** One step in a case's life. */
@Entity({ name: 'case_timeline' })
@Index('case_timeline_case', ['caseId', 'seq'])
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) status!: CaseStatus;
  @Column({ type: 'text' }) by!: string;
  @Column({ type: 'text' }) note!: string;
}
