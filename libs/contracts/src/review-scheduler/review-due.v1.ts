import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { OVERDUE_STAGES, OverdueStage } from '../common/vocabulary';
import { FeedbackRecipient } from '../intake/case-concluded.v1';

/**
 * R9: a lock's review is due. REMINDER at the due date, to the requester (or the unit head when the
 * form gave no address); ESCALATION when it is still undecided a further period later, to the unit head.
 */
export class ReviewDueV1 {
  static readonly type = 'review-scheduler.review.due.v1';
  @IsUUID() reviewId!: string;
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(OVERDUE_STAGES) stage!: OverdueStage;
  @IsObject() @ValidateNested() @Type(() => FeedbackRecipient) requestingUnit!: FeedbackRecipient;
  @IsOptional() @IsEmail() requesterEmail?: string | null;
  @IsISO8601({ strict: true }) dueAt!: string;
}
