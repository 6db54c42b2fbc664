import { IsIn, IsISO8601, IsInt, IsUUID, Min } from 'class-validator';

/**
 * What an e-mail is about; one of each kind per case (or guardian block), apart from what the
 * notification service's `occurrence` tells apart.
 * - FEEDBACK                       R8 a case concluded, to the unit head (and the region's copy addresses, R24)
 * - RETURN_FOR_COMPLETION          R4 retur för komplettering, to the unit head
 * - REFUSAL                        R4 the case was refused (avvisat), to the unit head
 * - CASE_ENDED                     R8 the case ended without reaching 1177 (voided, failed and closed), to the unit head
 * - REVIEW_REMINDER                R9 the lock is due for omprövning, to the requester or the unit head
 * - REVIEW_ESCALATION              R9 the review is overdue, to the unit head
 * - PAPERWORK_REMINDER             R12 the form of an emergency lock is missing, to the unit head
 * - PAPERWORK_ESCALATION           R12 still missing, to the unit head and the region's service desk
 * - GUARDIAN_BLOCK_CONFIRMATION    R18/R20 to the addresses given in the request
 * - GUARDIAN_UNBLOCK_CONFIRMATION  R19 to the addresses given in the request
 */
export const NOTIFICATION_KINDS = [
  'FEEDBACK',
  'RETURN_FOR_COMPLETION',
  'REFUSAL',
  'CASE_ENDED',
  'REVIEW_REMINDER',
  'REVIEW_ESCALATION',
  'PAPERWORK_REMINDER',
  'PAPERWORK_ESCALATION',
  'GUARDIAN_BLOCK_CONFIRMATION',
  'GUARDIAN_UNBLOCK_CONFIRMATION',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * An e-mail about a case or a guardian block was accepted by the mail server. `kind` says which
 * e-mail it was; `caseId` is the case or guardian block it is about.
 */
export class EmailSentV1 {
  static readonly type = 'notification.email-sent.v1';
  @IsUUID() caseId!: string;
  @IsUUID() notificationId!: string;
  @IsIn(NOTIFICATION_KINDS) kind!: NotificationKind;
  @IsInt() @Min(1) recipients!: number;
  @IsISO8601({ strict: true }) sentAt!: string;
}
