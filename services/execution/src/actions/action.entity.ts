import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { AdapterMode, ExecutionOutcome, Operator, SealScopeDto, StaffToolAction } from '@accessdesk/contracts';
import { ActionStatus } from './action-status';

/** One action in the staff tool (R7), executed exactly once: `action_id` is the staff tool's idempotency key. */
@Entity({ name: 'actions' })
@Index('actions_due', ['nextAttemptAt'], { where: `status = 'PENDING'` })
@Index('actions_case', ['caseId'])
export class ActionEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid' }) actionId!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'registry_number', type: 'text' }) registryNumber!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ type: 'text' }) action!: StaffToolAction;
  /** The region's adapter mode when the action was accepted (R24); a later change of the regions file does not move it. */
  @Column({ type: 'text' }) mode!: AdapterMode;
  /** Needed to act (by the adapter, or shown to the operator); set to NULL once the action is DONE (data minimisation). */
  @Column({ type: 'text', nullable: true }) personnummer!: string | null;
  @Column({ name: 'seal_scope', type: 'jsonb', nullable: true }) sealScope!: SealScopeDto | null;
  /** As `personnummer`: NULL once the action is finished. */
  @Column({ name: 'guardian_personnummer', type: 'jsonb', nullable: true }) guardianPersonnummer!: string[] | null;
  @Column({ type: 'text' }) status!: ActionStatus;
  @Column({ type: 'text', nullable: true }) outcome!: ExecutionOutcome | null;
  @Column({ name: 'staff_tool_reference', type: 'text', nullable: true }) staffToolReference!: string | null;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  /** The id of the `execution.execute-action.v1` message, the cause of the completion event. */
  @Column({ name: 'causation_id', type: 'uuid' }) causationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** Manual mode: the operator who executed in the staff tool, when, and what it showed. */
  @Column({ name: 'executed_by', type: 'jsonb', nullable: true }) executedBy!: Operator | null;
  @Column({ name: 'executed_at', type: 'timestamptz', nullable: true }) executedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) observed!: string | null;
  /** R10: for a login action, the region whose lock the staff tool showed in effect afterwards (null: not locked). */
  @Column({ name: 'locked_by_region', type: 'text', nullable: true }) lockedByRegion!: string | null;
}
