import { IsInt, IsISO8601, IsUUID, Min } from 'class-validator';

/** The feedback e-mail about a case was accepted by the mail server (R8). */
export class FeedbackSentV1 {
  static readonly type = 'notification.feedback.sent.v1';
  @IsUUID() caseId!: string;
  @IsUUID() notificationId!: string;
  @IsInt() @Min(1) recipients!: number;
  @IsISO8601({ strict: true }) sentAt!: string;
}
