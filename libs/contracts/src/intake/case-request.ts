import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HSA_ID, IsIdentityNumber } from '../common/validators';
import {
  CHANNELS,
  Channel,
  DECISION_ROLES,
  DecisionRole,
  INITIATOR_KINDS,
  INTAKE_CASE_TYPES,
  InitiatorKind,
  IntakeCaseType,
  DECISION_REASONS,
  DecisionReason,
} from '../common/vocabulary';

export class ResidentRef {
  @IsIdentityNumber() personnummer!: string;
  @IsString() @Length(1, 200) name!: string;
}

export class InitiatorDto {
  @IsIn(INITIATOR_KINDS) kind!: InitiatorKind;
  @IsOptional() @IsString() @Length(0, 2000) description?: string;
}

export class DecisionMaker {
  @Matches(HSA_ID, { message: 'hsaId must be an HSA-id' }) hsaId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsIn(DECISION_ROLES) role!: DecisionRole;
  /** Where the three-month review reminder goes (R9); without it, to the unit head. */
  @IsOptional() @IsEmail() email?: string | null;
}

export class DecisionDto {
  @IsObject() @ValidateNested() @Type(() => DecisionMaker) decidedBy!: DecisionMaker;
  @IsISO8601({ strict: true }) decidedAt!: string;
  /** R2 lock reasons for LOGIN_LOCK and JOURNAL_SEAL, R11 unlock reasons for LOGIN_UNLOCK and JOURNAL_UNSEAL (intake checks which). */
  @IsArray() @ArrayMaxSize(DECISION_REASONS.length) @ArrayUnique() @IsIn(DECISION_REASONS, { each: true }) reasons!: DecisionReason[];
  @IsString() @Length(0, 4000) motivation!: string;
  /** R2: reference to the journal note that documents assessment, motive and decision. */
  @IsOptional() @IsString() @Length(0, 200) journalNoteRef?: string | null;
  /** R2: when the chief medical officer (chefläkare) was informed. */
  @IsOptional() @IsISO8601({ strict: true }) chiefPhysicianInformedAt?: string | null;
}

export class PatientInformedDto {
  @IsBoolean() informed!: boolean;
  @IsOptional() @IsString() @Length(0, 2000) reasonIfNot?: string | null;
}

/** The decision maker's signature on the form (vidimering); absent → returned for completion (R4). */
export class SignatureDto {
  @Matches(HSA_ID, { message: 'signedBy must be an HSA-id' }) signedBy!: string;
  @IsISO8601({ strict: true }) signedAt!: string;
}

export class RequestingUnitDto {
  @Matches(HSA_ID, { message: 'hsaId must be an HSA-id' }) hsaId!: string;
  @IsString() @Length(1, 200) name!: string;
  /** R8: where the feedback e-mail goes (the unit head). */
  @IsEmail() headEmail!: string;
}

/** R21: the whole journal, or named care providers and units, optionally for a period. */
export class SealScopeDto {
  @IsOptional() @IsBoolean() whole?: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(HSA_ID, { each: true }) careProviders?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(HSA_ID, { each: true }) careUnits?: string[];
  @IsOptional() @IsISO8601({ strict: true }) from?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) to?: string | null;
}

/** R12: who phoned the emergency line, as they stated it. */
export class EmergencyCallerDto {
  @Matches(HSA_ID, { message: 'hsaId must be an HSA-id' }) hsaId!: string;
  @IsString() @Length(1, 200) name!: string;
}

/** A phone number as dialled: digits, an optional leading +, spaces and dashes. */
export const PHONE_NUMBER = /^\+?[0-9][0-9 -]{4,24}$/;

/**
 * R12: how the desk verified the caller: it called back a number it took from the staff directory
 * (HSA), never one the caller gave. The number called and when.
 */
export class CallBackDto {
  @IsString() @Matches(PHONE_NUMBER, { message: 'number must be a phone number' }) number!: string;
  @IsISO8601({ strict: true }) calledAt!: string;
}

/** R12: the emergency call (KSD nödtelefon): who phoned, and the call back that verified them. */
export class EmergencyCallDto {
  @IsObject() @ValidateNested() @Type(() => EmergencyCallerDto) caller!: EmergencyCallerDto;
  @IsObject() @ValidateNested() @Type(() => CallBackDto) callBack!: CallBackDto;
}

/** The body of `POST /api/v1/cases` (DESIGN.md). Field names are the public contract. */
export class CaseRequest {
  @IsIn(INTAKE_CASE_TYPES) type!: IntakeCaseType;
  @IsObject() @ValidateNested() @Type(() => ResidentRef) resident!: ResidentRef;
  @IsIn(CHANNELS) channel!: Channel;
  @IsObject() @ValidateNested() @Type(() => InitiatorDto) initiator!: InitiatorDto;
  @IsObject() @ValidateNested() @Type(() => DecisionDto) decision!: DecisionDto;
  @IsObject() @ValidateNested() @Type(() => PatientInformedDto) patientInformed!: PatientInformedDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SignatureDto) signature?: SignatureDto | null;
  @IsObject() @ValidateNested() @Type(() => RequestingUnitDto) requestingUnit!: RequestingUnitDto;
  @IsOptional() @IsUUID() relatedCaseId?: string | null;
  @ValidateIf((o: CaseRequest) => o.sealScope !== null && o.sealScope !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => SealScopeDto)
  sealScope?: SealScopeDto | null;
  /** R12: required when `channel` is EMERGENCY_PHONE, refused otherwise. */
  @ValidateIf((o: CaseRequest) => o.emergencyCall !== null && o.emergencyCall !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => EmergencyCallDto)
  emergencyCall?: EmergencyCallDto | null;
}

/** Submit a new case (gateway → intake, request/reply). */
export class SubmitCaseV1 {
  static readonly type = 'intake.submit-case.v1';
  @IsObject() @ValidateNested() @Type(() => CaseRequest) request!: CaseRequest;
  /** The caller's `Idempotency-Key`: the same key from the same caller returns the same case. */
  @IsString() @Length(1, 200) idempotencyKey!: string;
}

/** Read one case with its timeline (gateway → intake, request/reply). */
export class GetCaseV1 {
  static readonly type = 'intake.get-case.v1';
  @IsUUID() caseId!: string;
}
