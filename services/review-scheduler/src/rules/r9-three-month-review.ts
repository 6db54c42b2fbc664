// R9 Three-month review (omprövning, 000 §9, 003): a lock is reviewed by the requesting staff a
// review period (three months unless configured otherwise, R24) after it was executed: first a
// reminder at the due date, then, still undecided a further period later, an escalation to the
// unit head. A decision (KEEP_LOCKED or UNLOCK) ends it.
import { ExecutionOutcome, IntakeCaseType, OverdueStage, ReviewStatus } from '@accessdesk/contracts';
import { IsoDuration, addIsoDuration } from '@accessdesk/platform';

/**
 * Only an executed LOGIN_LOCK is reviewed; an unlock, a seal or a lock that did not happen is not.
 * Nor is a lock that found the login already locked at another region's request (R10: the case
 * carries `lockedByRegion`): nothing of its own region is in effect to keep or lift, and only the
 * other region can unlock, so its review is that region's.
 */
export function needsReview(caseType: IntakeCaseType, outcome: ExecutionOutcome, lockedByRegion: string | null = null, region: string | null = null): boolean {
  if (lockedByRegion !== null && lockedByRegion !== region) return false;
  return caseType === 'LOGIN_LOCK' && outcome === 'EXECUTED';
}

/** The review is due one review period after execution, on the calendar: 30 November + P3M is 28 February. */
export function reviewDueAt(executedAt: Date, period: IsoDuration): Date {
  return addIsoDuration(executedAt, period);
}

/** An undecided review escalates to the unit head one escalation period after its due date. */
export function reviewEscalationDueAt(dueAt: Date, escalationAfter: IsoDuration): Date {
  return addIsoDuration(dueAt, escalationAfter);
}

/** What a due review moves to, and which `review-scheduler.review.due.v1` stage that sends. */
export interface ReviewStep {
  stage: OverdueStage;
  status: ReviewStatus;
}

/**
 * The next step of a review whose next due date passed: SCHEDULED is reminded, REMINDED is
 * escalated; an escalated or decided review has no further step, so nothing is ever sent twice.
 */
export function nextReviewStep(status: ReviewStatus): ReviewStep | null {
  switch (status) {
    case 'SCHEDULED':
      return { stage: 'REMINDER', status: 'REMINDED' };
    case 'REMINDED':
      return { stage: 'ESCALATION', status: 'ESCALATED' };
    case 'ESCALATED':
    case 'DECIDED':
    case 'LIFTED':
      return null;
  }
}

/** The statuses the reminder worker looks at, in the order their steps come. */
export const REVIEW_STATUSES_WITH_A_NEXT_STEP: readonly ReviewStatus[] = ['SCHEDULED', 'REMINDED'];

/**
 * A decision is taken once: the first one recorded stands, a later or repeated one changes nothing.
 * A lock lifted by an unlock of its own (LIFTED) has nothing left to decide.
 */
export function mayDecide(status: ReviewStatus): boolean {
  return status !== 'DECIDED' && status !== 'LIFTED';
}

/** Overdue: the due date passed and nobody decided yet. */
export function isOverdue(status: ReviewStatus, dueAt: Date, now: Date): boolean {
  return mayDecide(status) && now.getTime() > dueAt.getTime();
}
