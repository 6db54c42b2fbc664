import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';

/**
 * An e-mail about a case was accepted by the mail server: the feedback (R8), or with `kind` another
 * one (a guardian-block confirmation, a reminder). `caseId` is the case or guardian block it is about.
 */
export class FeedbackSentV1 {
  static readonly type = 'notification.feedback.sent.v1';
  @IsUUID() caseId!: string;
  @IsUUID() notificationId!: string;
  @IsInt() @Min(1) recipients!: number;
  @IsISO8601({ strict: true }) sentAt!: string;
  /** The notification kind; absent means FEEDBACK. */
  @IsOptional() @IsString() @Length(1, 60) kind?: string;
}
