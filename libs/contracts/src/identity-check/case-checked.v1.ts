import { Type } from 'class-transformer';
import { PAPERWORK_SENDERS, PaperworkSender } from '../common/vocabulary';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';

/** REFUSED: a private care provider not on the region's list signed (R4, 000 §6.10); the case ends. */
export const CHECK_VERDICTS = ['PASSED', 'RETURN_FOR_COMPLETION', 'MANUAL_VERIFICATION', 'REFUSED'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

/** Findings of the checks on receipt (R4), as codes; intake turns them into Swedish text. */
export const CHECK_FINDINGS = [
  'RESIDENT_NOT_FOUND',
  'NAME_MISMATCH',
  'RESIDENT_DECEASED',
  'COORDINATION_NUMBER',
  'UNSIGNED',
  /** No longer found (the routines do not ask the decision maker to sign); kept for messages in flight. */
  'SIGNER_NOT_DECISION_MAKER',
  /** 000 §6.4: the form is not attested by health care staff. */
  'SIGNER_NOT_CARE_STAFF',
  'SIGNER_UNKNOWN',
  'SIGNER_WITHOUT_REGIONAL_STAFF_ID',
  'PRIVATE_PROVIDER_NOT_APPROVED',
  /** R1: the staff directory does not give the decision maker a role that may decide. */
  'DECIDER_WITHOUT_AUTHORITY',
] as const;
export type CheckFinding = (typeof CHECK_FINDINGS)[number];

export class ResidentFacts {
  @IsBoolean() found!: boolean;
  @IsBoolean() nameMatches!: boolean;
  @IsBoolean() protectedIdentity!: boolean;
  @IsBoolean() deceased!: boolean;
  @IsBoolean() coordinationNumber!: boolean;
}

/** identity-check has looked the case up in the population register and the staff directory. */
export class CaseCheckedV1 {
  static readonly type = 'identity-check.case.checked.v1';
  @IsUUID() caseId!: string;
  @IsIn(CHECK_VERDICTS) verdict!: CheckVerdict;
  @IsArray() @ArrayMaxSize(CHECK_FINDINGS.length) @IsIn(CHECK_FINDINGS, { each: true }) findings!: CheckFinding[];
  @IsObject() @ValidateNested() @Type(() => ResidentFacts) resident!: ResidentFacts;
  @IsOptional() @IsString() signerCareProvider?: string | null;
  @IsISO8601({ strict: true }) checkedAt!: string;
  /** R12: the result is for the follow-up form of an emergency lock (echoes `CaseReceivedV1.paperworkSender`). */
  @IsOptional() @IsIn(PAPERWORK_SENDERS) paperworkSender?: PaperworkSender | null;
}
