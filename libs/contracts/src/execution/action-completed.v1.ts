import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Operator } from './manual-action.v1';
import { EXECUTION_OUTCOMES, ExecutionOutcome, STAFF_TOOL_ACTIONS, StaffToolAction } from '../common/vocabulary';

export const ADAPTER_MODES = ['http', 'manual'] as const;
export type AdapterMode = (typeof ADAPTER_MODES)[number];

/** The staff tool has answered for one action: done, not applicable (no 1177 account, R16) or failed. */
export class ActionCompletedV1 {
  static readonly type = 'execution.action.completed.v1';
  @IsUUID() actionId!: string;
  @IsUUID() caseId!: string;
  @IsIn(STAFF_TOOL_ACTIONS) action!: StaffToolAction;
  @IsIn(EXECUTION_OUTCOMES) outcome!: ExecutionOutcome;
  @IsIn(ADAPTER_MODES) mode!: AdapterMode;
  /** The staff tool's own reference for the call, when it gave one. */
  @IsOptional() @IsString() @Length(1, 200) staffToolReference?: string | null;
  /** A short machine-readable reason: `NO_ACCOUNT`, `ALREADY_IN_STATE`, `STAFF_TOOL_UNAVAILABLE`… */
  @IsOptional() @IsString() @Length(1, 200) detail?: string | null;
  @IsISO8601({ strict: true }) completedAt!: string;
  /** The case's registry number, so a failure can be put in a desk's inbox by name (R7). */
  @IsOptional() @IsString() @Length(1, 40) registryNumber?: string | null;
  /** Manual mode: who executed in the staff tool, and what it showed. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => Operator) executedBy?: Operator | null;
  @IsOptional() @IsString() @Length(1, 2000) observed?: string | null;
  /**
   * R10: the region whose login lock the staff tool showed in effect after the action ("låst på
   * begäran av Region X"), read by the adapter (http) or recorded by the operator (manual); null
   * when the login is not locked or the action is not about the login.
   */
  @IsOptional() @IsString() @Length(1, 40) lockedByRegion?: string | null;
}
