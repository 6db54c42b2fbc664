import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { SealScopeDto } from '../intake/case-request';
import { IsIdentityNumber } from '../common/validators';
import { MANUAL_RESULTS, ManualResult, STAFF_TOOL_ACTIONS, StaffToolAction, WORK_QUEUES, WorkQueue } from '../common/vocabulary';

/**
 * Manual adapter mode (DESIGN.md "The staff-tool adapter"): an action waits for an operator to
 * execute it in the staff tool. intake opens the work item in `queue`'s inbox. It carries the
 * numbers the operator needs; the work item drops them once done.
 */
export class ManualActionOpenedV1 {
  static readonly type = 'execution.manual-action.opened.v1';
  @IsUUID() actionId!: string;
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(STAFF_TOOL_ACTIONS) action!: StaffToolAction;
  @IsIn(WORK_QUEUES) queue!: WorkQueue;
  @IsIdentityNumber() personnummer!: string;
  @IsOptional() @IsIdentityNumber({ each: true }) guardianPersonnummer?: string[] | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SealScopeDto) sealScope?: SealScopeDto | null;
  @IsISO8601({ strict: true }) openedAt!: string;
}

export class Operator {
  @IsString() @Length(1, 100) hsaId!: string;
  @IsString() @Length(1, 200) name!: string;
}

/** The operator executed a manual action and says what the staff tool showed (intake → execution). */
export class RecordManualResultV1 {
  static readonly type = 'execution.record-manual-result.v1';
  @IsUUID() actionId!: string;
  @IsUUID() caseId!: string;
  @IsIn(MANUAL_RESULTS) result!: ManualResult;
  @IsObject() @ValidateNested() @Type(() => Operator) executedBy!: Operator;
  @IsISO8601({ strict: true }) executedAt!: string;
  @IsString() @Length(1, 2000) observed!: string;
  /** R10: for a login lock or unlock, the region the staff tool showed the lock in effect for ("låst på begäran av Region X"). */
  @IsOptional() @IsString() @Length(1, 40) lockedByRegion?: string | null;
}
