import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { DecisionDto, EmergencyCallDto, PatientInformedDto, ResidentRef, SignatureDto } from './case-request';

/**
 * `POST /cases/{id}/completion` (R4): what a return for completion asked for. Any of the form's
 * parts may be given again; what is given replaces the part, and the checks on receipt run again.
 */
export class CompletionRequest {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ResidentRef) resident?: ResidentRef;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SignatureDto) signature?: SignatureDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DecisionDto) decision?: DecisionDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PatientInformedDto) patientInformed?: PatientInformedDto;
  @IsOptional() @IsString() @Length(0, 2000) comment?: string;
  /** R12: an emergency lock not executed on is completed by the desk: a new call back, or the caller named right. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => EmergencyCallDto) emergencyCall?: EmergencyCallDto;
}

/**
 * `POST /cases/{id}/paperwork` (R12): the form that follows an emergency lock, recorded by the
 * service desk. From staff it carries the documented decision (R2), the patient information (R3)
 * and the signature; from the resident (a lock at the resident's own request) the receipt only.
 */
export class PaperworkRequest {
  @IsISO8601({ strict: true }) receivedAt!: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SignatureDto) signature?: SignatureDto | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DecisionDto) decision?: DecisionDto | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PatientInformedDto) patientInformed?: PatientInformedDto | null;
  @IsOptional() @IsString() @Length(0, 2000) note?: string;
  /**
   * R4: the resident as written on the form: the name is checked against the population register;
   * the personnummer must be the case's. Without it, the case's own is checked.
   */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ResidentRef) resident?: ResidentRef | null;
}

export const VERIFICATION_OUTCOMES = ['VERIFIED', 'NOT_VERIFIED'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** `POST /cases/{id}/verification` (R4): the outcome of the service desk's phone call to the signer. */
export class VerificationRequest {
  @IsIn(VERIFICATION_OUTCOMES) outcome!: VerificationOutcome;
  /** When the desk phoned; not asked when it acts on its own judgement (`judgement`). */
  @ValidateIf((o: VerificationRequest) => !o.judgement || o.calledAt !== undefined)
  @IsISO8601({ strict: true })
  calledAt?: string;
  @IsString() @Length(1, 2000) note!: string;
  /**
   * R12: the staff directory could not answer for an emergency lock, and the desk executes on its own
   * documented judgement: why (the who is the operator of the token). Only with outcome VERIFIED.
   */
  @IsOptional() @IsString() @Length(1, 2000) judgement?: string;
}

/** `POST /cases/{id}/void`: a wrongly registered case is voided (makuleras), which is not an unlock (R11). */
export class VoidRequest {
  @IsString() @Length(1, 2000) reason!: string;
}


/** Supply a completion (gateway → intake). */
export class CompleteCaseV1 {
  static readonly type = 'intake.complete-case.v1';
  @IsUUID() caseId!: string;
  @IsObject() @ValidateNested() @Type(() => CompletionRequest) request!: CompletionRequest;
}

/** Record the follow-up form of an emergency lock (gateway → intake). */
export class RecordPaperworkV1 {
  static readonly type = 'intake.record-paperwork.v1';
  @IsUUID() caseId!: string;
  @IsObject() @ValidateNested() @Type(() => PaperworkRequest) request!: PaperworkRequest;
}

/** Record a manual verification (gateway → intake). */
export class RecordVerificationV1 {
  static readonly type = 'intake.record-verification.v1';
  @IsUUID() caseId!: string;
  @IsObject() @ValidateNested() @Type(() => VerificationRequest) request!: VerificationRequest;
}

/** Void a case (gateway → intake). */
export class VoidCaseV1 {
  static readonly type = 'intake.void-case.v1';
  @IsUUID() caseId!: string;
  @IsObject() @ValidateNested() @Type(() => VoidRequest) request!: VoidRequest;
}
