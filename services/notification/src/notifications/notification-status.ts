/** PENDING until the mail server accepted the e-mail (SENT) or the attempts ran out (FAILED); never back. */
export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** What an e-mail is about: the kinds are those of the `EmailSentV1` event that tells it was sent. */
export { NOTIFICATION_KINDS, NotificationKind } from '@accessdesk/contracts';
