import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsIdentityNumber } from '../common/validators';
import { DECISION_ROLES, DecisionRole } from '../common/vocabulary';
import { CallBackDto, EmergencyCallerDto } from '../intake/case-request';

export class EmergencyDeciderRef {
  @IsString() @Length(1, 100) hsaId!: string;
  @IsIn(DECISION_ROLES) role!: DecisionRole;
}

/**
 * R12: an emergency lock was phoned in; before the staff tool is called, identity-check looks the
 * caller and the named decision maker up in the staff directory (intake → identity-check).
 */
export class EmergencyCallReceivedV1 {
  static readonly type = 'intake.emergency-call.received.v1';
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsObject() @ValidateNested() @Type(() => EmergencyDeciderRef) decidedBy!: EmergencyDeciderRef;
  @IsObject() @ValidateNested() @Type(() => EmergencyCallerDto) caller!: EmergencyCallerDto;
  @IsObject() @ValidateNested() @Type(() => CallBackDto) callBack!: CallBackDto;
  @IsISO8601({ strict: true }) receivedAt!: string;
  /** The resident, asked of the population register within the same short deadline: a protected identity is marked at once. */
  @IsOptional() @IsIdentityNumber() residentPersonnummer?: string;
}

/**
 * PASSED: caller verified and decision maker with authority; NOT_VERIFIED: not executed on (the
 * findings say why); DIRECTORY_UNAVAILABLE: the directory did not answer in time, the desk decides.
 */
export const EMERGENCY_CALL_VERDICTS = ['PASSED', 'NOT_VERIFIED', 'DIRECTORY_UNAVAILABLE'] as const;
export type EmergencyCallVerdict = (typeof EMERGENCY_CALL_VERDICTS)[number];

export const EMERGENCY_CALL_FINDINGS = [
  /** R1: the directory has no person with the decision maker's HSA-id. */
  'DECIDER_UNKNOWN',
  /** R1: the directory gives the decision maker no role that may decide. */
  'DECIDER_WITHOUT_AUTHORITY',
  /** R12: the directory has no person with the caller's HSA-id. */
  'CALLER_UNKNOWN',
  /** R12: the directory lists no work phone number for the caller. */
  'CALLER_WITHOUT_PHONE_NUMBER',
  /** R12: the number called back is not the directory's number for the caller. */
  'CALL_BACK_NOT_DIRECTORY_NUMBER',
] as const;
export type EmergencyCallFinding = (typeof EMERGENCY_CALL_FINDINGS)[number];

/** R12: the staff directory's answer on an emergency call (identity-check → intake). */
export class EmergencyCallCheckedV1 {
  static readonly type = 'identity-check.emergency-call.checked.v1';
  @IsUUID() caseId!: string;
  @IsIn(EMERGENCY_CALL_VERDICTS) verdict!: EmergencyCallVerdict;
  @IsArray() @ArrayMaxSize(EMERGENCY_CALL_FINDINGS.length) @IsIn(EMERGENCY_CALL_FINDINGS, { each: true }) findings!: EmergencyCallFinding[];
  @IsISO8601({ strict: true }) checkedAt!: string;
  /**
   * What the population register says of a protected identity (skyddad identitet); null when it did
   * not answer within the deadline or does not know the resident. It never holds the lock back.
   */
  @IsOptional() @IsBoolean() protectedIdentity?: boolean | null;
}
