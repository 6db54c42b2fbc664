import { IsIn, IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { WORK_ITEM_KINDS, WorkItemKind } from '../common/vocabulary';
import { FAILED_EXECUTION_RESOLUTIONS, FailedExecutionResolution } from './work-items';

/**
 * A desk resolved a work item about a case intake does not own (a guardian block whose action
 * failed in the staff tool, R7): RETRY asks the case's owner to send the action again, CLOSE to stop
 * waiting for it.
 */
export class WorkItemResolvedV1 {
  static readonly type = 'intake.work-item.resolved.v1';
  @IsUUID() workItemId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() actionId!: string;
  @IsIn(WORK_ITEM_KINDS) kind!: WorkItemKind;
  @IsIn(FAILED_EXECUTION_RESOLUTIONS) resolution!: FailedExecutionResolution;
  @IsString() @Length(1, 100) resolvedBy!: string;
  @IsISO8601({ strict: true }) resolvedAt!: string;
}
