// R9 Three-month review (omprövning, 000 §9, 003): a lock is reviewed by the requesting staff a
// review period (three months unless configured otherwise, R24) after it was executed.
import { ExecutionOutcome, IntakeCaseType } from '@accessdesk/contracts';
import { IsoDuration, addIsoDuration } from '@accessdesk/platform';

/** Only an executed LOGIN_LOCK is reviewed; an unlock, a seal or a lock that did not happen is not. */
export function needsReview(caseType: IntakeCaseType, outcome: ExecutionOutcome): boolean {
  return caseType === 'LOGIN_LOCK' && outcome === 'EXECUTED';
}

/** The review is due one review period after execution, on the calendar: 30 November + P3M is 28 February. */
export function reviewDueAt(executedAt: Date, period: IsoDuration): Date {
  return addIsoDuration(executedAt, period);
}
