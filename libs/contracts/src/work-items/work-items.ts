import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CURSOR } from '../common/cursor';
import {
  MANUAL_RESULTS,
  ManualResult,
  StaffToolAction,
  WORK_ITEM_KINDS,
  WORK_ITEM_STATUSES,
  WorkItemKind,
  WorkItemStatus,
  WorkQueue,
} from '../common/vocabulary';

export const FAILED_EXECUTION_RESOLUTIONS = ['RETRY', 'CLOSE'] as const;
export type FailedExecutionResolution = (typeof FAILED_EXECUTION_RESOLUTIONS)[number];

/**
 * `POST /work-items/{id}/complete`. A MANUAL_EXECUTION item is completed with what the staff tool
 * showed (`result`, `executedAt`, `observed`; who executed is the caller). A FAILED_EXECUTION item
 * with `resolution`: RETRY sends the action to the staff tool again, CLOSE ends the case as failed.
 * An UNKNOWN_EXECUTION item (issue 9: the staff tool's answer lost, its state unreadable) takes what
 * the staff tool shows now (`result`, `executedAt`: when the operator looked, `observed`,
 * `lockedByRegion` for a login lock as for manual execution) or RETRY; CLOSE is refused (409
 * `execution-outcome-unknown`) until a `result` of FAILED has made it an ordinary FAILED_EXECUTION.
 * Verification and paperwork items are completed by their own endpoints on the case.
 */
export class WorkItemCompletionRequest {
  @ValidateIf((o: WorkItemCompletionRequest) => o.resolution === undefined) @IsIn(MANUAL_RESULTS) result?: ManualResult;
  @ValidateIf((o: WorkItemCompletionRequest) => o.result !== undefined) @IsISO8601({ strict: true }) executedAt?: string;
  /** What the staff tool showed, in the operator's words. */
  @ValidateIf((o: WorkItemCompletionRequest) => o.result !== undefined) @IsString() @Length(1, 2000) observed?: string;
  /**
   * R10: for a LOGIN_LOCK, the region whose lock the staff tool showed ("låst på begäran av Region
   * X"), as a region code (e.g. `KRONOBERG`): required with ALREADY_IN_STATE, the case's own region
   * (or left out) with DONE, and not given otherwise.
   */
  @IsOptional() @IsString() @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'lockedByRegion must be a region code: upper-case letters, digits and _' }) lockedByRegion?: string;
  @ValidateIf((o: WorkItemCompletionRequest) => o.result === undefined) @IsIn(FAILED_EXECUTION_RESOLUTIONS) resolution?: FailedExecutionResolution;
  @IsOptional() @IsString() @Length(0, 2000) note?: string;
}

/** A page of the inbox holds 500 items unless asked for fewer (the size the inbox always answered with). */
export const WORK_ITEM_PAGE_MAX = 500;

export class WorkItemFilter {
  @IsOptional() @IsIn(WORK_ITEM_STATUSES) status?: WorkItemStatus;
  @IsOptional() @IsIn(WORK_ITEM_KINDS) kind?: WorkItemKind;
  /** Items per page, at most 500 (the default). A query string carries text: converted here, explicitly. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(WORK_ITEM_PAGE_MAX) limit?: number;
  /** `nextCursor` of the page before. */
  @IsOptional() @IsString() @Matches(CURSOR, { message: 'cursor must be the nextCursor of an earlier page' }) cursor?: string;
}

/** The desk's inbox (gateway → intake): the caller's region, the caller's desk. */
export class ListWorkItemsV1 {
  static readonly type = 'intake.list-work-items.v1';
  @IsObject() @ValidateNested() @Type(() => WorkItemFilter) filter!: WorkItemFilter;
}

/** Complete one work item (gateway → intake). */
export class CompleteWorkItemV1 {
  static readonly type = 'intake.complete-work-item.v1';
  @IsUUID() workItemId!: string;
  @IsObject() @ValidateNested() @Type(() => WorkItemCompletionRequest) request!: WorkItemCompletionRequest;
}

/** A page of the desk's inbox, oldest first: `nextCursor` fetches the next, null on the last page; `truncated` says there is one. */
export interface WorkItemList {
  items: WorkItemView[];
  nextCursor: string | null;
  truncated: boolean;
}

/** One item in a desk's inbox, as shown to the operator. */
export interface WorkItemView {
  id: string;
  kind: WorkItemKind;
  queue: WorkQueue;
  status: WorkItemStatus;
  region: string;
  caseId: string;
  registryNumber: string;
  /** The staff-tool action, for MANUAL_EXECUTION and FAILED_EXECUTION. */
  action: StaffToolAction | null;
  /** Swedish, for the operator. */
  title: string;
  details: string[];
  escalated: boolean;
  /**
   * What the operator needs to act in the staff tool (MANUAL_EXECUTION only, while open): the
   * resident's number and the guardians'. Removed once the item is done.
   */
  subject: { personnummer: string; guardianPersonnummer?: string[]; sealScope?: object | null } | null;
  /** The resident of the item's case has a protected identity (skyddad identitet): handle with care, tell nothing that locates them. */
  protectedIdentity?: boolean;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  resolution: string | null;
}
