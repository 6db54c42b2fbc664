import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { INTAKE_CASE_TYPES, IntakeCaseType } from '../common/vocabulary';
import { FeedbackRecipient } from './case-concluded.v1';

/**
 * R8 every end of a case is told to the requester. The endings that no other event tells:
 * - CLOSED_UNEXECUTED  the staff tool failed (FAILED) and the service desk closed the case: nothing changed on 1177
 * - VOIDED             the service desk voided (makulerade) a wrongly registered case before it reached the staff tool
 * An executed or not applicable case is told by `intake.case.concluded.v1`, a refused one by
 * `intake.case.refused.v1`, a return by `intake.case.returned.v1`. A new ending is added here, and
 * to intake's rules/r8-every-outcome-told.ts, and notification must then write its e-mail (a
 * `Record<CaseEnding, …>` there does not compile without it).
 */
export const CASE_ENDINGS = ['CLOSED_UNEXECUTED', 'VOIDED'] as const;
export type CaseEnding = (typeof CASE_ENDINGS)[number];

/** R8: a case ended without reaching its effect on 1177; the requesting unit's head is told. No personal identity number. */
export class CaseEndedV1 {
  static readonly type = 'intake.case.ended.v1';
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(INTAKE_CASE_TYPES) caseType!: IntakeCaseType;
  @IsIn(CASE_ENDINGS) ending!: CaseEnding;
  @IsISO8601({ strict: true }) endedAt!: string;
  @IsObject() @ValidateNested() @Type(() => FeedbackRecipient) requestingUnit!: FeedbackRecipient;
  /** The service desk's own words on why (the void reason, the note on closing), Swedish free text; may be empty. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) reasons!: string[];
  /** The population register marks the resident with a protected identity: nothing that locates them goes out. */
  @IsOptional() @IsBoolean() protectedIdentity?: boolean | null;
}
