import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEmail, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { EXECUTION_OUTCOMES, ExecutionOutcome, INTAKE_CASE_TYPES, IntakeCaseType } from '../common/vocabulary';

export class FeedbackRecipient {
  @IsString() @Length(1, 100) hsaId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsEmail() headEmail!: string;
}

/**
 * The staff tool's answer is recorded on the case: feedback goes to the requesting unit's head (R8),
 * and an executed LOGIN_LOCK gets its review date (R9). Carries no personal identity number.
 */
export class CaseConcludedV1 {
  static readonly type = 'intake.case.concluded.v1';
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(INTAKE_CASE_TYPES) caseType!: IntakeCaseType;
  @IsIn(EXECUTION_OUTCOMES) outcome!: ExecutionOutcome;
  @IsISO8601({ strict: true }) concludedAt!: string;
  @IsObject() @ValidateNested() @Type(() => FeedbackRecipient) requestingUnit!: FeedbackRecipient;
  @IsString() @Length(1, 100) decidedByHsaId!: string;
  /** Where the review reminder goes (R9): the decision maker's address when the form gave one. */
  @IsOptional() @IsEmail() requesterEmail?: string | null;
  @IsArray() @IsString({ each: true }) effects!: string[];
  @IsArray() @IsString({ each: true }) advice!: string[];
  /** An executed unlock or unseal: the lock or seal it lifted (R10), whose review then ends (R9). */
  @IsOptional() @IsUUID() liftsCaseId?: string | null;
  /** The population register marks the resident with a protected identity: nothing that locates them goes out. */
  @IsOptional() @IsBoolean() protectedIdentity?: boolean | null;
  /**
   * R10: the region whose login lock the staff tool showed in effect, when that is not the case's own
   * region (a lock filed on a resident another region had already locked). Only that region can lift it.
   */
  @IsOptional() @IsString() @Length(1, 40) lockedByRegion?: string | null;
}
