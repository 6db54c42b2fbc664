import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import {
  Actor,
  CaseRequest,
  CaseStatus,
  Channel,
  ExecutionOutcome,
  IntakeCaseType,
  PaperworkSender,
  PaperworkState,
  RegistryCategory,
  RegistryReference,
  ReviewOutcome,
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
  /** R9: the review of this lock, once scheduled. */
  @Column({ name: 'review_id', type: 'uuid', nullable: true }) reviewId!: string | null;
  /** R10: the lock (or seal) this unlock (or unseal) lifts. */
  @Column({ name: 'lifts_case_id', type: 'uuid', nullable: true }) liftsCaseId!: string | null;
  /** R10: the unlock that lifted this lock, once executed. */
  @Column({ name: 'lifted_by_case_id', type: 'uuid', nullable: true }) liftedByCaseId!: string | null;
  /** R12: who owes the form of an emergency lock. */
  @Column({ name: 'paperwork_sender', type: 'text', nullable: true }) paperworkSender!: PaperworkSender | null;
  /** R18: the guardian block this child lock belongs to. */
  @Column({ name: 'guardian_block_id', type: 'uuid', nullable: true }) guardianBlockId!: string | null;
  @Column({ name: 'void_reason', type: 'text', nullable: true }) voidReason!: string | null;
  /**
   * R10: for a login lock or unlock, the region whose lock the staff tool showed in effect when the
   * action completed ("låst på begäran av Region X"; null: not locked). A LOGIN_LOCK whose value is
   * another region's is no lock of this region: it gives no right to unlock.
   */
  @Column({ name: 'locked_by_region', type: 'text', nullable: true }) lockedByRegion!: string | null;
  /** R10: when the staff tool showed it; the latest of a resident's cases is what `POST /residents/status` reports. */
  @Column({ name: 'login_seen_at', type: 'timestamptz', nullable: true }) loginSeenAt!: Date | null;
  /** R9: how the review of this lock was decided, and the unlock it opened. */
  @Column({ name: 'review_outcome', type: 'text', nullable: true }) reviewOutcome!: ReviewOutcome | null;
  @Column({ name: 'review_unlock_case_id', type: 'uuid', nullable: true }) reviewUnlockCaseId!: string | null;
  /**
   * The population register marks the resident with a protected identity (skyddad identitet): once
   * seen, the mark stays, so that nothing written about the case before a completion shows again.
   */
  @Column({ name: 'protected_identity', type: 'boolean', default: false }) protectedIdentity!: boolean;
  /** R6 (000 §6.7): överkategori and underkategori in the region's registry. */
  @Column({ name: 'registry_category', type: 'jsonb', nullable: true }) registryCategory!: RegistryCategory | null;
  /** R6 (000 §6.11): the region's own registry reference, e.g. the Plexus number, recorded by the desk. */
  @Column({ name: 'registry_reference', type: 'jsonb', nullable: true }) registryReference!: RegistryReference | null;
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
  /**
   * What the step quotes from a person (a comment, a reason, what the staff tool showed): kept apart
   * from the note, so that it is withheld when the resident has a protected identity.
   */
  @Column({ name: 'free_text', type: 'text', nullable: true }) freeText!: string | null;
}
