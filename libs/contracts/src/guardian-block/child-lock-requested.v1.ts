import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { CHANNELS, Channel } from '../common/vocabulary';
import { DecisionDto, RequestingUnitDto, ResidentRef, SignatureDto } from '../intake/case-request';

/**
 * R18: blocking a guardian also locks the child's login. guardian-block asks intake to register
 * that lock as its own LOGIN_LOCK case (once per guardian block), unlocked separately later.
 */
export class ChildLockRequestedV1 {
  static readonly type = 'guardian-block.child-lock.requested.v1';
  @IsUUID() guardianBlockId!: string;
  @IsString() @Length(1, 40) guardianBlockRegistryNumber!: string;
  @IsObject() @ValidateNested() @Type(() => ResidentRef) child!: ResidentRef;
  @IsIn(CHANNELS) channel!: Channel;
  @IsObject() @ValidateNested() @Type(() => DecisionDto) decision!: DecisionDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SignatureDto) signature?: SignatureDto | null;
  @IsObject() @ValidateNested() @Type(() => RequestingUnitDto) requestingUnit!: RequestingUnitDto;
  @IsISO8601({ strict: true }) requestedAt!: string;
}
