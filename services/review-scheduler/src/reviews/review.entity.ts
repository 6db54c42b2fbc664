import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { ReviewStatus } from './review-status';

/**
 * The three-month review of one executed lock (R9, omprövning): when it is due and who must do it.
 * The due date lives here, not in a timer, so a restart loses nothing.
 */
@Entity({ name: 'reviews' })
@Index('reviews_due', ['dueAt'], { where: `status = 'SCHEDULED'` })
export class ReviewEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid', unique: true }) caseId!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ name: 'registry_number', type: 'text' }) registryNumber!: string;
  @Column({ name: 'requesting_unit_hsa_id', type: 'text' }) requestingUnitHsaId!: string;
  /** Where an overdue review escalates to (the unit head). */
  @Column({ name: 'head_email', type: 'text' }) headEmail!: string;
  /** The requesting staff member, who reviews the lock. */
  @Column({ name: 'decided_by_hsa_id', type: 'text' }) decidedByHsaId!: string;
  @Column({ name: 'executed_at', type: 'timestamptz' }) executedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'text' }) status!: ReviewStatus;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt!: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
