import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { REVIEW_OUTCOMES, ReviewOutcome } from '../common/vocabulary';

/** R9: a review was decided; KEEP_LOCKED ends it, UNLOCK opened `unlockCaseId`. Reminders stop. */
export class ReviewDecidedV1 {
  static readonly type = 'intake.review.decided.v1';
  @IsUUID() reviewId!: string;
  @IsUUID() caseId!: string;
  @IsIn(REVIEW_OUTCOMES) outcome!: ReviewOutcome;
  @IsString() @Length(1, 100) decidedBy!: string;
  @IsISO8601({ strict: true }) decidedAt!: string;
  @IsOptional() @IsUUID() unlockCaseId?: string | null;
}
