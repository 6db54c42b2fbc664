import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { CHANNELS, Channel, DECISION_ROLES, DecisionRole, INTAKE_CASE_TYPES, IntakeCaseType, PAPERWORK_SENDERS, PaperworkSender } from '../common/vocabulary';
import { ResidentRef, SignatureDto } from './case-request';

export class DecidedByRef {
  @IsString() @Length(1, 100) hsaId!: string;
  @IsIn(DECISION_ROLES) role!: DecisionRole;
}

/** A case was registered and awaits the checks on receipt (R4). */
export class CaseReceivedV1 {
  static readonly type = 'intake.case.received.v1';
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(INTAKE_CASE_TYPES) caseType!: IntakeCaseType;
  @IsIn(CHANNELS) channel!: Channel;
  @IsObject() @ValidateNested() @Type(() => ResidentRef) resident!: ResidentRef;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SignatureDto) signature!: SignatureDto | null;
  @IsObject() @ValidateNested() @Type(() => DecidedByRef) decidedBy!: DecidedByRef;
  @IsString() @Length(1, 100) requestingUnitHsaId!: string;
  @IsISO8601({ strict: true }) receivedAt!: string;
  /**
   * R12: set when what is to be checked is the form that followed an emergency lock, and who sent
   * it: staff's form gets the full checks on receipt (R1, R4), the resident's the resident's part.
   */
  @IsOptional() @IsIn(PAPERWORK_SENDERS) paperworkSender?: PaperworkSender | null;
}
