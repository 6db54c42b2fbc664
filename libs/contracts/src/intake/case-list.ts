import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CURSOR } from '../common/cursor';
import { HSA_ID } from '../common/validators';
import { CASE_STATUSES, CaseStatus, Channel, ExecutionOutcome, IntakeCaseType } from '../common/vocabulary';

/** A page of `GET /cases` holds 50 cases unless asked otherwise, and never more than 200. */
export const CASE_LIST_DEFAULT_LIMIT = 50;
export const CASE_LIST_MAX_LIMIT = 200;

/** A registry number as R6 gives them (`VGR-2026-000001`). */
export const REGISTRY_NUMBER = /^[A-Z][A-Z0-9_]{1,39}-\d{4}-(?:[A-Z]{1,4}-)?\d{1,9}$/;

/**
 * `GET /cases`: the cases the caller may see, newest first, narrowed by any of the filters. A query
 * string carries text, so `limit` is converted to a number here, explicitly.
 */
export class CaseListFilter {
  /** Exact match (R6), e.g. `VGR-2026-000001`. */
  @IsOptional() @IsString() @Matches(REGISTRY_NUMBER, { message: 'registryNumber must look like VGR-2026-000001' }) registryNumber?: string;
  /** HSA-id of the requesting unit. */
  @IsOptional() @IsString() @Matches(HSA_ID, { message: 'unit must be an HSA-id' }) unit?: string;
  @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(CASE_LIST_MAX_LIMIT) limit?: number;
  /** `nextCursor` of the page before. */
  @IsOptional() @IsString() @Matches(CURSOR, { message: 'cursor must be the nextCursor of an earlier page' }) cursor?: string;
}

/** The cases the caller may see, a page at a time (gateway → intake). */
export class ListCasesV1 {
  static readonly type = 'intake.list-cases.v1';
  @IsObject() @ValidateNested() @Type(() => CaseListFilter) filter!: CaseListFilter;
}

/** One case in a list: what tells cases apart, never the resident's personnummer or name. */
export interface CaseSummaryView {
  id: string;
  registryNumber: string;
  type: IntakeCaseType;
  status: CaseStatus;
  region: string;
  channel: Channel;
  outcome: ExecutionOutcome | null;
  requestingUnit: { hsaId: string; name: string };
  /** The resident has a protected identity (skyddad identitet). */
  protectedIdentity: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A page of cases: `nextCursor` fetches the next, null on the last page; `truncated` says there is one. */
export interface CaseListView {
  items: CaseSummaryView[];
  nextCursor: string | null;
  truncated: boolean;
}
