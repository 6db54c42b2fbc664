import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Actor, Channel, ExecutionOutcome, GuardianBlockRequest, GuardianBlockStatus, GuardianUnblockRequest, TaskStatus } from '@accessdesk/contracts';

/** One guardian as the case holds them: blocked once the staff tool has done it (R18), until an unblock (R19). */
export interface GuardianState {
  personnummer: string;
  blocked: boolean;
}

/** R18: a request to block one or both guardians from a child's journal and e-services, and where it stands. */
@Entity({ name: 'guardian_blocks' })
@Index('guardian_blocks_idempotency', ['idempotencyOwner', 'idempotencyKey'], { unique: true })
export class GuardianBlockEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'registry_number', type: 'text', unique: true }) registryNumber!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ type: 'text' }) status!: GuardianBlockStatus;
  @Column({ name: 'child_personnummer', type: 'text' }) childPersonnummer!: string;
  @Column({ type: 'boolean' }) urgent!: boolean;
  @Column({ type: 'text' }) channel!: Channel;
  @Column({ type: 'jsonb' }) request!: GuardianBlockRequest;
  @Column({ name: 'requested_by', type: 'jsonb' }) requestedBy!: Actor;
  @Column({ name: 'requesting_unit_hsa_id', type: 'text' }) requestingUnitHsaId!: string;
  @Column({ type: 'jsonb' }) guardians!: GuardianState[];
  /** R18: "Administrativ anteckning", sökord "Åtgärd", drafted for the staff to put in the EHR. */
  @Column({ name: 'ehr_note', type: 'text' }) ehrNote!: string;
  @Column({ type: 'jsonb' }) effects!: string[];
  /** What the staff tool answered for the block itself. */
  @Column({ type: 'text', nullable: true }) outcome!: ExecutionOutcome | null;
  /** The action the case waits for (block or unblock); a completion of any other action is not ours. */
  @Column({ name: 'action_id', type: 'uuid', nullable: true }) actionId!: string | null;
  @Column({ name: 'linked_lock_case_id', type: 'uuid', nullable: true }) linkedLockCaseId!: string | null;
  @Column({ name: 'linked_lock_registry_number', type: 'text', nullable: true }) linkedLockRegistryNumber!: string | null;
  @Column({ name: 'confirmation_sent_at', type: 'timestamptz', nullable: true }) confirmationSentAt!: Date | null;
  @Column({ name: 'idempotency_owner', type: 'text' }) idempotencyOwner!: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One step in a guardian block's life. */
@Entity({ name: 'guardian_block_timeline' })
export class GuardianBlockTimelineEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq!: string;
  @Column({ name: 'guardian_block_id', type: 'uuid' }) guardianBlockId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) status!: GuardianBlockStatus;
  @Column({ type: 'text' }) by!: string;
  @Column({ type: 'text' }) note!: string;
}

/** R18: a follow-up the contact centre does outside the staff tool, tracked until done. */
@Entity({ name: 'guardian_block_tasks' })
export class GuardianTaskEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'guardian_block_id', type: 'uuid' }) guardianBlockId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) status!: TaskStatus;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ name: 'done_by', type: 'text', nullable: true }) doneBy!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** R19: lifting the block of some or all of the blocked guardians, after the unit head's threat check. */
@Entity({ name: 'guardian_block_unblocks' })
@Index('guardian_block_unblocks_idempotency', ['idempotencyOwner', 'idempotencyKey'], { unique: true })
export class GuardianUnblockEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'guardian_block_id', type: 'uuid' }) guardianBlockId!: string;
  @Column({ name: 'action_id', type: 'uuid', unique: true }) actionId!: string;
  @Column({ type: 'jsonb' }) request!: GuardianUnblockRequest;
  /** The guardians this unblock lifts the block of. */
  @Column({ type: 'jsonb' }) guardians!: string[];
  @Column({ name: 'ehr_note', type: 'text' }) ehrNote!: string;
  @Column({ name: 'requested_by', type: 'jsonb' }) requestedBy!: Actor;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ type: 'text', nullable: true }) outcome!: ExecutionOutcome | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'confirmation_sent_at', type: 'timestamptz', nullable: true }) confirmationSentAt!: Date | null;
  @Column({ name: 'idempotency_owner', type: 'text' }) idempotencyOwner!: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
}
