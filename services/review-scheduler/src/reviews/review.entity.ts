import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { ReviewOutcome, ReviewStatus } from '@accessdesk/contracts';

/**
 * The three-month review of one executed lock (R9, omprövning): when it is due, who must do it, how
 * far the reminders went and what was decided. Due dates live here, not in timers, so a restart
 * loses nothing. Status moves SCHEDULED → REMINDED → ESCALATED, and to DECIDED from any of them.
 */
@Entity({ name: 'reviews' })
@Index('reviews_next_due', ['status', 'nextAttemptAt'], { where: `status IN ('SCHEDULED', 'REMINDED')` })
@Index('reviews_of_unit', ['region', 'requestingUnitHsaId', 'dueAt'])
export class ReviewEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid', unique: true }) caseId!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ name: 'registry_number', type: 'text' }) registryNumber!: string;
  @Column({ name: 'requesting_unit_hsa_id', type: 'text' }) requestingUnitHsaId!: string;
  @Column({ name: 'requesting_unit_name', type: 'text' }) requestingUnitName!: string;
  /** Where an overdue review escalates to (the unit head). */
  @Column({ name: 'head_email', type: 'text' }) headEmail!: string;
  /** The requesting staff member, who reviews the lock. */
  @Column({ name: 'decided_by_hsa_id', type: 'text' }) decidedByHsaId!: string;
  /** Where the reminder goes when the form gave an address; otherwise to the unit head. */
  @Column({ name: 'requester_email', type: 'text', nullable: true }) requesterEmail!: string | null;
  @Column({ name: 'executed_at', type: 'timestamptz' }) executedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  /** Null only for reviews scheduled before escalations existed; then worked out when the reminder goes. */
  @Column({ name: 'escalation_due_at', type: 'timestamptz', nullable: true }) escalationDueAt!: Date | null;
  /** When the next step (reminder, escalation) is due; only read while SCHEDULED or REMINDED. */
  @Column({ name: 'next_due_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ type: 'text' }) status!: ReviewStatus;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt!: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) outcome!: ReviewOutcome | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  /** HSA-id of who decided the review. */
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy!: string | null;
  /** The LOGIN_UNLOCK case an UNLOCK outcome opened (R11), or for LIFTED the unlock filed outside the review. */
  @Column({ name: 'unlock_case_id', type: 'uuid', nullable: true }) unlockCaseId!: string | null;
  /** The message that scheduled the review: what its reminders were caused by. */
  @Column({ name: 'causation_id', type: 'text' }) causationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
