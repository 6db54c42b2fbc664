/**
 * Where a review (R9) stands. A review is SCHEDULED when its lock is executed; reminders,
 * escalation to the unit head and the decision (KEEP_LOCKED / UNLOCK) add their states later.
 */
export const REVIEW_STATUSES = ['SCHEDULED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
