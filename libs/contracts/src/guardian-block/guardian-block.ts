import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsIdentityNumber } from '../common/validators';
import { CHANNELS, Channel, GuardianBlockStatus, TaskStatus } from '../common/vocabulary';
import { DecisionDto, RequestingUnitDto, ResidentRef, SignatureDto } from '../intake/case-request';

export class GuardianRef {
  @IsIdentityNumber() personnummer!: string;
}

/** The period a block is meant for, when the decision names one (for the EHR note, R18). */
export class PeriodDto {
  @IsOptional() @IsISO8601({ strict: true }) from?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) to?: string | null;
}

/**
 * `POST /guardian-blocks` (R18, 002): block one or both guardians from a child's journal and
 * e-services. Decided by the unit head (`decision.decidedBy.role` UNIT_HEAD); `urgent` marks a
 * request phoned to the contact centre; confirmations go to `confirmationEmails`.
 */
export class GuardianBlockRequest {
  @IsObject() @ValidateNested() @Type(() => ResidentRef) child!: ResidentRef;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => GuardianRef) guardians!: GuardianRef[];
  @IsIn(CHANNELS) channel!: Channel;
  @IsBoolean() urgent!: boolean;
  @IsObject() @ValidateNested() @Type(() => DecisionDto) decision!: DecisionDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SignatureDto) signature?: SignatureDto | null;
  @IsObject() @ValidateNested() @Type(() => RequestingUnitDto) requestingUnit!: RequestingUnitDto;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @IsEmail({}, { each: true }) confirmationEmails!: string[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto) period?: PeriodDto | null;
  /** Who informed the guardian, or why nobody did (for the EHR note). */
  @IsString() @Length(1, 500) guardianInformedBy!: string;
  /**
   * A report of concern to social services (orosanmälan) was made: part of the decision's basis,
   * written into the drafted EHR note (002 "vad som legat till grund för beslutet").
   */
  @IsOptional() @IsBoolean() concernReported?: boolean;
}

/** R19: the unit head's check that no threat remains, with other units treating the child and social services. */
export class ThreatCheckDto {
  @Equals(true, { message: 'otherUnitsConsulted must be true: the unit head checks with the other units treating the child' })
  otherUnitsConsulted!: boolean;
  @Equals(true, { message: 'socialServicesConsulted must be true: the unit head checks with social services' })
  socialServicesConsulted!: boolean;
  @IsISO8601({ strict: true }) checkedAt!: string;
  @IsString() @Length(1, 2000) summary!: string;
}

/** `POST /guardian-blocks/{id}/unblock` (R19): lift the block of the named guardians (all when none named). */
export class GuardianUnblockRequest {
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => GuardianRef) guardians?: GuardianRef[];
  @IsObject() @ValidateNested() @Type(() => ThreatCheckDto) threatCheck!: ThreatCheckDto;
  @IsObject() @ValidateNested() @Type(() => DecisionDto) decision!: DecisionDto;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @IsEmail({}, { each: true }) confirmationEmails?: string[];
}

/** `PATCH /guardian-blocks/{id}/tasks/{taskId}`: a follow-up task is done. */
export class GuardianTaskUpdateRequest {
  @IsIn(['DONE']) status!: 'DONE';
  @IsOptional() @IsString() @Length(0, 2000) note?: string;
}

export class SubmitGuardianBlockV1 {
  static readonly type = 'guardian-block.submit.v1';
  @IsObject() @ValidateNested() @Type(() => GuardianBlockRequest) request!: GuardianBlockRequest;
  @IsString() @Length(1, 200) idempotencyKey!: string;
}

export class GetGuardianBlockV1 {
  static readonly type = 'guardian-block.get.v1';
  @IsUUID() guardianBlockId!: string;
}

export class UnblockGuardianV1 {
  static readonly type = 'guardian-block.unblock.v1';
  @IsUUID() guardianBlockId!: string;
  @IsObject() @ValidateNested() @Type(() => GuardianUnblockRequest) request!: GuardianUnblockRequest;
  @IsString() @Length(1, 200) idempotencyKey!: string;
}

export class CompleteGuardianTaskV1 {
  static readonly type = 'guardian-block.complete-task.v1';
  @IsUUID() guardianBlockId!: string;
  @IsUUID() taskId!: string;
  @IsObject() @ValidateNested() @Type(() => GuardianTaskUpdateRequest) request!: GuardianTaskUpdateRequest;
}

export interface GuardianTaskView {
  id: string;
  /** e.g. `EHR_SMS_REMINDERS`, `DENTAL_SMS_REMINDERS`, `EHR_NOTE` */
  kind: string;
  /** Swedish, for the contact centre. */
  title: string;
  status: TaskStatus;
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
}

export interface GuardianBlockView {
  id: string;
  registryNumber: string;
  region: string;
  status: GuardianBlockStatus;
  channel: Channel;
  urgent: boolean;
  guardians: Array<{ personnummer: string; blocked: boolean }>;
  requestingUnit: { hsaId: string; name: string };
  /** R18: the child's login is locked as its own LOGIN_LOCK case, unlocked separately later. */
  linkedLock: { caseId: string; registryNumber: string } | null;
  /** R18: the EHR note ("Administrativ anteckning", keyword "Åtgärd"), drafted in Swedish. */
  ehrNote: string;
  effects: string[];
  tasks: GuardianTaskView[];
  confirmationSentAt: string | null;
  unblock: { requestedAt: string; threatCheck: { checkedAt: string; summary: string }; ehrNote: string } | null;
  createdAt: string;
  updatedAt: string;
  timeline: Array<{ at: string; status: GuardianBlockStatus; by: string; note: string }>;
}
