import { IsISO8601, IsUUID } from 'class-validator';

/** An executed lock has its three-month review date stored (R9). */
export class ReviewScheduledV1 {
  static readonly type = 'review-scheduler.review.scheduled.v1';
  @IsUUID() caseId!: string;
  @IsUUID() reviewId!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
}
