/** PENDING until the mail server accepted the e-mail (SENT) or the attempts ran out (FAILED); never back. */
export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** What an e-mail is about; one of each kind per case. Confirmations and reminders come later. */
export const NOTIFICATION_KINDS = ['FEEDBACK'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
