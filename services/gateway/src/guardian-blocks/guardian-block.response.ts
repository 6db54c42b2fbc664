import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CHANNELS, Channel, GUARDIAN_BLOCK_STATUSES, GuardianBlockStatus, GuardianBlockView, GuardianTaskView, TASK_STATUSES, TaskStatus } from '@accessdesk/contracts';
import { UnitRefResponse } from '../cases/case.response';

// The guardian-block answer (R18–R20) as OpenAPI sees it; each class implements the contract type
// it documents, so the two cannot drift apart unnoticed.

/** The parts of GuardianBlockView the contract types inline. */
type GuardianOfBlock = GuardianBlockView['guardians'][number];
type LinkedLock = NonNullable<GuardianBlockView['linkedLock']>;
type Unblock = NonNullable<GuardianBlockView['unblock']>;
type ThreatCheck = Unblock['threatCheck'];
type GuardianBlockTimelineEntry = GuardianBlockView['timeline'][number];

/** R18: a guardian the block names, and whether their access is blocked now. */
@ApiSchema({ name: 'GuardianOfBlock' })
export class GuardianOfBlockResponse implements GuardianOfBlock {
  @ApiProperty({ description: 'The guardian’s personnummer', example: '197001012385' }) personnummer!: string;
  @ApiProperty() blocked!: boolean;
}

/** R18: the child's login lock, a LOGIN_LOCK case of its own. */
@ApiSchema({ name: 'LinkedLock' })
export class LinkedLockResponse implements LinkedLock {
  @ApiProperty({ format: 'uuid', description: 'As `GET /cases/{id}` shows it' }) caseId!: string;
  @ApiProperty({ example: 'JONKOPING-2026-000004' }) registryNumber!: string;
}

/** R19: the unit head's check that no threat remains. */
@ApiSchema({ name: 'ThreatCheck' })
export class ThreatCheckResponse implements ThreatCheck {
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty() summary!: string;
}

/** R19: the lifting of the block. */
@ApiSchema({ name: 'GuardianUnblock' })
export class GuardianUnblockResponse implements Unblock {
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: () => ThreatCheckResponse }) threatCheck!: ThreatCheckResponse;
  @ApiProperty({ description: 'The EHR note of the unblock, drafted in Swedish' }) ehrNote!: string;
}

/** A follow-up task of a guardian block, for the contact centre (R18). */
@ApiSchema({ name: 'GuardianTaskView' })
export class GuardianTaskResponse implements GuardianTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EHR_SMS_REMINDERS', description: 'e.g. `EHR_SMS_REMINDERS`, `DENTAL_SMS_REMINDERS`, `EHR_NOTE`' }) kind!: string;
  @ApiProperty({ description: 'Swedish, for the contact centre' }) title!: string;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) doneAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'HSA-id of who did it' }) doneBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

/** One step in a guardian block's life. */
@ApiSchema({ name: 'GuardianBlockTimelineEntry' })
export class GuardianBlockTimelineEntryResponse implements GuardianBlockTimelineEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: GUARDIAN_BLOCK_STATUSES }) status!: GuardianBlockStatus;
  @ApiProperty({ description: 'HSA-id of the person, or `system:<service>`' }) by!: string;
  @ApiProperty() note!: string;
}

/** A guardian block with its follow-up tasks, EHR note, linked lock and timeline (R18–R20). */
@ApiSchema({ name: 'GuardianBlockView', description: 'A guardian block (R18–R20) with its follow-up tasks, EHR note, linked lock and timeline' })
export class GuardianBlockResponse implements GuardianBlockView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'JONKOPING-2026-VB-000001' }) registryNumber!: string;
  @ApiProperty({ example: 'JONKOPING' }) region!: string;
  @ApiProperty({ enum: GUARDIAN_BLOCK_STATUSES, description: 'ALREADY_IN_EFFECT: a protected child 0–12, nothing executed (R20)' }) status!: GuardianBlockStatus;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ description: 'Phoned to the contact centre' }) urgent!: boolean;
  @ApiProperty({ type: () => [GuardianOfBlockResponse] }) guardians!: GuardianOfBlockResponse[];
  @ApiProperty({ type: () => UnitRefResponse }) requestingUnit!: UnitRefResponse;
  @ApiProperty({ type: () => LinkedLockResponse, nullable: true, description: 'R18: the child’s login lock, a LOGIN_LOCK case of its own' }) linkedLock!: LinkedLockResponse | null;
  @ApiProperty({ description: 'R18: "Administrativ anteckning", sökord "Åtgärd", drafted in Swedish' }) ehrNote!: string;
  @ApiProperty({ type: [String], description: 'What the block does (Swedish)' }) effects!: string[];
  @ApiProperty({ type: () => [GuardianTaskResponse] }) tasks!: GuardianTaskResponse[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) confirmationSentAt!: string | null;
  @ApiProperty({ type: () => GuardianUnblockResponse, nullable: true, description: 'R19: once the block is being lifted' }) unblock!: GuardianUnblockResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: () => [GuardianBlockTimelineEntryResponse] }) timeline!: GuardianBlockTimelineEntryResponse[];
}
