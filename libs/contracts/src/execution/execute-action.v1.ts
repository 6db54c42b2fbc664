import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { SealScopeDto } from '../intake/case-request';
import { IsIdentityNumber } from '../common/validators';
import { STAFF_TOOL_ACTIONS, StaffToolAction } from '../common/vocabulary';

/** Execute one action in the staff tool (R7), exactly once per `actionId`. */
export class ExecuteActionV1 {
  static readonly type = 'execution.execute-action.v1';
  /** Stable per action: it is the staff tool's idempotency key. */
  @IsUUID() actionId!: string;
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(STAFF_TOOL_ACTIONS) action!: StaffToolAction;
  @IsIdentityNumber() personnummer!: string;
  @IsOptional() @IsIdentityNumber({ each: true }) guardianPersonnummer?: string[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SealScopeDto) sealScope?: SealScopeDto | null;
}
