import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { INTAKE_CASE_TYPES, IntakeCaseType } from '../common/vocabulary';
import { FeedbackRecipient } from './case-concluded.v1';

/** What the requester is told when a case goes back: the reasons as Swedish text, no personal data. */
export class CaseSentBack {
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(INTAKE_CASE_TYPES) caseType!: IntakeCaseType;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) reasons!: string[];
  @IsObject() @ValidateNested() @Type(() => FeedbackRecipient) requestingUnit!: FeedbackRecipient;
  @IsISO8601({ strict: true }) at!: string;
  /** The population register marks the resident with a protected identity: nothing that locates them goes out. */
  @IsOptional() @IsBoolean() protectedIdentity?: boolean | null;
}

/** R4: the case was returned for completion (retur för komplettering); the requester is told why. */
export class CaseReturnedV1 extends CaseSentBack {
  static readonly type = 'intake.case.returned.v1';
  /**
   * R12: what went back is the form that followed an emergency lock, not the case: the lock stays in
   * effect and a corrected form goes to the service desk.
   */
  @IsOptional() @IsBoolean() followUpForm?: boolean | null;
}

/** R4: the case was refused (a private care provider not on the region's list); it ends here. */
export class CaseRefusedV1 extends CaseSentBack {
  static readonly type = 'intake.case.refused.v1';
}
