import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CURSOR } from '../common/cursor';
import { DecisionDto, PatientInformedDto, SignatureDto } from '../intake/case-request';
import { REVIEW_OUTCOMES, ReviewOutcome, ReviewStatus } from '../common/vocabulary';

/**
 * `POST /reviews/{id}/decision` (R9, R11): KEEP_LOCKED needs the documented decision and nothing
 * more happens; UNLOCK is a new assessment as for a lock and opens the LOGIN_UNLOCK case, so it
 * carries what that case needs: the decision (R2), the patient information (R3), the signature and
 * the resident's name as written on the form (checked against the population register, R4).
 */
export class ReviewDecisionRequest {
  @IsIn(REVIEW_OUTCOMES) outcome!: ReviewOutcome;
  @IsObject() @ValidateNested() @Type(() => DecisionDto) decision!: DecisionDto;
  @ValidateIf((o: ReviewDecisionRequest) => o.outcome === 'UNLOCK' || o.patientInformed !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => PatientInformedDto)
  patientInformed?: PatientInformedDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SignatureDto) signature?: SignatureDto | null;
  @ValidateIf((o: ReviewDecisionRequest) => o.outcome === 'UNLOCK' || o.residentName !== undefined) @IsString() @Length(1, 200) residentName?: string;
}

/** Decide a review (gateway → intake, which knows the lock and opens the unlock). */
export class DecideReviewV1 {
  static readonly type = 'intake.decide-review.v1';
  @IsUUID() reviewId!: string;
  @IsObject() @ValidateNested() @Type(() => ReviewDecisionRequest) request!: ReviewDecisionRequest;
  @IsString() @Length(1, 200) idempotencyKey!: string;
}

/** A page of reviews holds 500 unless asked for fewer. */
export const REVIEW_PAGE_MAX = 500;

export class ReviewFilter {
  /** `open` (default): not decided yet; `all`: decided ones too. */
  @IsOptional() @IsIn(['open', 'all']) state?: 'open' | 'all';
  /** Reviews per page, at most 500 (the default). A query string carries text: converted here, explicitly. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(REVIEW_PAGE_MAX) limit?: number;
  /** `nextCursor` of the page before. */
  @IsOptional() @IsString() @Matches(CURSOR, { message: 'cursor must be the nextCursor of an earlier page' }) cursor?: string;
}

/** The reviews of the caller's unit (gateway → review-scheduler). */
export class ListReviewsV1 {
  static readonly type = 'review-scheduler.list-reviews.v1';
  @IsObject() @ValidateNested() @Type(() => ReviewFilter) filter!: ReviewFilter;
}

export interface ReviewView {
  id: string;
  caseId: string;
  registryNumber: string;
  region: string;
  requestingUnitHsaId: string;
  decidedByHsaId: string;
  executedAt: string;
  dueAt: string;
  status: ReviewStatus;
  overdue: boolean;
  remindedAt: string | null;
  escalatedAt: string | null;
  outcome: ReviewOutcome | null;
  decidedAt: string | null;
}

/** A page of the unit's reviews by due date: `nextCursor` fetches the next, null on the last page; `truncated` says there is one. */
export interface ReviewList {
  reviews: ReviewView[];
  nextCursor: string | null;
  truncated: boolean;
}

export interface ReviewDecisionView {
  reviewId: string;
  lockCaseId: string;
  outcome: ReviewOutcome;
  /** The LOGIN_UNLOCK case that UNLOCK opened (as `GET /cases/{id}` shows it). */
  unlockCaseId: string | null;
  unlockRegistryNumber: string | null;
}
