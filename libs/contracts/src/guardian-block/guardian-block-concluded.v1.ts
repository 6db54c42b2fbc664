import { IsInt, Max, Min, ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export const GUARDIAN_BLOCK_KINDS = ['BLOCK', 'UNBLOCK'] as const;
export type GuardianBlockKind = (typeof GUARDIAN_BLOCK_KINDS)[number];

export const GUARDIAN_BLOCK_OUTCOMES = ['EXECUTED', 'NOT_APPLICABLE', 'FAILED', 'ALREADY_IN_EFFECT'] as const;
export type GuardianBlockOutcome = (typeof GUARDIAN_BLOCK_OUTCOMES)[number];

/**
 * R18, R19, R20: a guardian block or unblock is concluded; the confirmation goes to the e-mail
 * addresses given in the request. Carries no personal identity number and no name.
 */
export class GuardianBlockConcludedV1 {
  static readonly type = 'guardian-block.concluded.v1';
  @IsUUID() guardianBlockId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(GUARDIAN_BLOCK_KINDS) kind!: GuardianBlockKind;
  @IsIn(GUARDIAN_BLOCK_OUTCOMES) outcome!: GuardianBlockOutcome;
  /** How many guardians the block or unblock concerns. */
  @IsInt() @Min(0) @Max(2) guardianCount!: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsEmail({}, { each: true }) confirmationEmails!: string[];
  @IsString() @Length(1, 200) requestingUnitName!: string;
  @IsBoolean() urgent!: boolean;
  @IsArray() @IsString({ each: true }) effects!: string[];
  /** The child's linked LOGIN_LOCK case, when one was opened (R18). */
  @IsOptional() @IsString() @Length(1, 40) linkedLockRegistryNumber?: string | null;
  @IsISO8601({ strict: true }) concludedAt!: string;
}
