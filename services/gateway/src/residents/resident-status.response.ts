import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CaseStatus,
  CaseType,
  GUARDIAN_BLOCK_STATUSES,
  GuardianBlockStatus,
  GuardianBlockStatusPart,
  IdentityNumberKindName,
  LoginAndSealStatus,
  ResidentStatusView,
  StatusCaseRef,
} from '@accessdesk/contracts';

// The answer of `POST /residents/status` as OpenAPI sees it; each class implements the contract
// type it documents.

/** The parts of the status the contract types inline. */
type LoginStatus = LoginAndSealStatus['login'];
type SealStatus = LoginAndSealStatus['seal'];
type SealScope = NonNullable<SealStatus['scope']>;
type GuardianBlockOfResident = GuardianBlockStatusPart['guardianBlocks'][number];

/** A resident's case or guardian block, of those the caller may see. */
@ApiSchema({ name: 'StatusCaseRef' })
export class StatusCaseResponse implements StatusCaseRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VGR-2026-000123' }) registryNumber!: string;
  @ApiProperty({ enum: CASE_TYPES }) type!: CaseType;
  @ApiProperty({ enum: [...new Set([...CASE_STATUSES, ...GUARDIAN_BLOCK_STATUSES])], description: 'A case’s status, or a guardian block’s' }) status!: CaseStatus | GuardianBlockStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** The resident's 1177 login, as the staff tool last showed it. */
@ApiSchema({ name: 'LoginStatus' })
export class LoginStatusResponse implements LoginStatus {
  @ApiProperty() locked!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'VGR',
    description: 'R10: only this region may lift the lock; named even when the caller’s region is another ("låst på begäran av Region X")',
  })
  lockedByRegion!: string | null;
  @ApiProperty({ type: () => StatusCaseResponse, nullable: true, description: 'The executed lock, when the caller may see it' }) lockCase!: StatusCaseResponse | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'R10: when the staff tool last showed the login; null: never' }) seenAt?: string | null;
}

/** R21: what a journal seal covers. */
@ApiSchema({ name: 'SealScope' })
export class SealScopeResponse implements SealScope {
  @ApiPropertyOptional({ description: 'The whole journal' }) whole?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'HSA-ids of care providers' }) careProviders?: string[];
  @ApiPropertyOptional({ type: [String], description: 'HSA-ids of care units' }) careUnits?: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'ISO 8601 as the request gave it: a date or a date-time', example: '2026-01-01' }) from?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'ISO 8601 as the request gave it: a date or a date-time' }) to?: string | null;
}

/** The resident's online journal: sealed or not (R21). */
@ApiSchema({ name: 'SealStatus' })
export class SealStatusResponse implements SealStatus {
  @ApiProperty() sealed!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'R21: only this region may lift the seal' }) sealedByRegion!: string | null;
  @ApiProperty({ type: () => SealScopeResponse, nullable: true }) scope!: SealScopeResponse | null;
  @ApiProperty({ type: () => StatusCaseResponse, nullable: true, description: 'The executed seal, when the caller may see it' }) sealCase!: StatusCaseResponse | null;
}

/** R18: a block of the resident's guardians, for every block of the caller's region. */
@ApiSchema({ name: 'GuardianBlockOfResident' })
export class GuardianBlockOfResidentResponse implements GuardianBlockOfResident {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Only for a caller who may read the block' }) guardianBlockId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Only for a caller who may read the block' }) registryNumber!: string | null;
  @ApiProperty({ example: 'VGR' }) region!: string;
  @ApiProperty({ enum: GUARDIAN_BLOCK_STATUSES }) status!: GuardianBlockStatus;
  @ApiProperty({ type: [String], description: 'Personnummer of the guardians blocked now: staff acting on the child must not turn to them' }) blockedGuardians!: string[];
}

/** The parts of the answer a service may fail to give while the rest is still worth showing. */
export const OPTIONAL_PARTS = ['guardian-block'] as const;
export type OptionalPart = (typeof OPTIONAL_PARTS)[number];

/** The status as far as it could be gathered: the contract's view, and which parts are missing. */
export type ResidentStatusAnswer = ResidentStatusView & { incomplete?: OptionalPart[] };

/** A resident's current lock, seal and guardian blocks, with the cases the caller may see. */
@ApiSchema({ name: 'ResidentStatusView', description: 'A resident’s current lock, seal and guardian blocks, with the cases the caller may see' })
export class ResidentStatusResponse implements ResidentStatusAnswer {
  @ApiProperty({ enum: ['PERSONNUMMER', 'SAMORDNINGSNUMMER'], description: 'A samordningsnummer cannot log in to 1177 (R16)' }) identityNumberKind!: IdentityNumberKindName;
  @ApiProperty({ type: () => LoginStatusResponse }) login!: LoginStatusResponse;
  @ApiProperty({ type: () => SealStatusResponse }) seal!: SealStatusResponse;
  @ApiProperty({ type: () => [StatusCaseResponse], description: 'The resident’s cases the caller may see' }) cases!: StatusCaseResponse[];
  @ApiPropertyOptional({ description: 'More cases than `cases` lists (it lists the newest 200): find the rest with GET /cases' }) casesTruncated?: boolean;
  @ApiProperty({ type: () => [GuardianBlockOfResidentResponse], description: 'Empty when `incomplete` names guardian-block' }) guardianBlocks!: GuardianBlockOfResidentResponse[];
  @ApiPropertyOptional({ enum: OPTIONAL_PARTS, isArray: true, description: 'The parts missing because their service did not answer; absent when the answer is whole' })
  incomplete?: OptionalPart[];
}
