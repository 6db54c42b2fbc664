import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { IsPersonnummer } from '../http/validation';
import { SealScope, STAFF_TOOL_ACTIONS, StaffToolAction } from './account-state';
import { ActionRequest, StaffToolKnobs } from './staff-tool.service';

const GUARDIAN_ACTIONS: readonly StaffToolAction[] = ['GUARDIAN_BLOCK', 'GUARDIAN_UNBLOCK'];

export class AccountQueryRequest {
  @IsPersonnummer()
  personnummer!: string;
}

export class OperatorDto {
  @IsString()
  @Length(1, 64)
  hsaId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;
}

export class SealScopeDto implements SealScope {
  @IsOptional()
  @IsBoolean()
  whole?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  careProviders?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  careUnits?: string[];

  @IsOptional()
  @IsISO8601()
  from?: string | null;

  @IsOptional()
  @IsISO8601()
  to?: string | null;
}

/** A seal covers the whole journal or at least one named care provider or unit (R21). */
function HasSealTarget(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasSealTarget',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'sealScope must have whole: true or at least one of careProviders, careUnits' },
      validator: {
        validate: (scope: unknown) => {
          if (typeof scope !== 'object' || scope === null) return true; // reported by the other constraints
          const { whole, careProviders, careUnits } = scope as SealScope;
          return whole === true || (careProviders?.length ?? 0) > 0 || (careUnits?.length ?? 0) > 0;
        },
      },
    });
}

export class ActionRequestDto implements ActionRequest {
  @IsIn(STAFF_TOOL_ACTIONS)
  action!: StaffToolAction;

  @IsPersonnummer()
  personnummer!: string;

  @IsString()
  @Length(1, 50)
  region!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => OperatorDto)
  operator!: OperatorDto;

  @ValidateIf((request: ActionRequestDto) => GUARDIAN_ACTIONS.includes(request.action) || request.guardianPersonnummer !== undefined)
  @IsArray({ message: 'guardianPersonnummer must list the guardians for GUARDIAN_BLOCK and GUARDIAN_UNBLOCK' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsPersonnummer({ each: true })
  guardianPersonnummer?: string[];

  @ValidateIf((request: ActionRequestDto) => request.action === 'JOURNAL_SEAL' || request.sealScope !== undefined)
  @IsDefined({ message: 'sealScope is required for JOURNAL_SEAL' })
  @ValidateNested()
  @HasSealTarget()
  @Type(() => SealScopeDto)
  sealScope?: SealScopeDto;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}

export class KnobsRequest implements Partial<StaffToolKnobs> {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  latencyMs?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  failureRate?: number;
}

export class CallsQuery {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  idempotencyKey?: string;
}
