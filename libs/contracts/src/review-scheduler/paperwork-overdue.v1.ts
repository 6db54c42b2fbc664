import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { OVERDUE_STAGES, OverdueStage, PAPERWORK_SENDERS, PaperworkSender } from '../common/vocabulary';
import { FeedbackRecipient } from '../intake/case-concluded.v1';

/**
 * R12: the form of an emergency lock has not arrived. REMINDER after the region's first period, to the
 * requesting unit; ESCALATION after the second, to the unit head and the region's service desk.
 */
export class PaperworkOverdueV1 {
  static readonly type = 'review-scheduler.paperwork.overdue.v1';
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(OVERDUE_STAGES) stage!: OverdueStage;
  @IsIn(PAPERWORK_SENDERS) sender!: PaperworkSender;
  @IsObject() @ValidateNested() @Type(() => FeedbackRecipient) requestingUnit!: FeedbackRecipient;
  @IsISO8601({ strict: true }) pendingSince!: string;
}
