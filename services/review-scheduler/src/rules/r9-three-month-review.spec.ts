import { EXECUTION_OUTCOMES, INTAKE_CASE_TYPES, REVIEW_STATUSES } from '@accessdesk/contracts';
import { parseIsoDuration } from '@accessdesk/platform';
import { REVIEW_STATUSES_WITH_A_NEXT_STEP, isOverdue, mayDecide, needsReview, nextReviewStep, reviewDueAt, reviewEscalationDueAt } from './r9-three-month-review';

describe('R9 three-month review', () => {
  it('R9 reviews an executed lock only', () => {
    const reviewed = INTAKE_CASE_TYPES.flatMap((type) => EXECUTION_OUTCOMES.filter((o) => needsReview(type, o)).map((o) => `${type}/${o}`));
    expect(reviewed).toEqual(['LOGIN_LOCK/EXECUTED']);
  });

  it('R9 R10 reviews no lock that found the login locked at another region\'s request', () => {
    expect(needsReview('LOGIN_LOCK', 'EXECUTED', 'KRONOBERG', 'VGR')).toBe(false);
    expect(needsReview('LOGIN_LOCK', 'EXECUTED', 'VGR', 'VGR')).toBe(true);
    expect(needsReview('LOGIN_LOCK', 'EXECUTED', null, 'VGR')).toBe(true);
  });

  it('R9 is due three months after execution, on the calendar', () => {
    const p3m = parseIsoDuration('P3M');
    expect(reviewDueAt(new Date('2026-11-20T09:05:00Z'), p3m).toISOString()).toBe('2027-02-20T09:05:00.000Z');
    expect(reviewDueAt(new Date('2026-11-30T09:05:00Z'), p3m).toISOString()).toBe('2027-02-28T09:05:00.000Z');
  });

  it('R9 R24 follows a configured period', () => {
    expect(reviewDueAt(new Date('2026-11-20T09:05:00Z'), parseIsoDuration('PT5S')).toISOString()).toBe('2026-11-20T09:05:05.000Z');
  });

  it('R9 escalates one escalation period after the due date', () => {
    expect(reviewEscalationDueAt(new Date('2027-02-28T09:05:00Z'), parseIsoDuration('P14D')).toISOString()).toBe('2027-03-14T09:05:00.000Z');
  });

  it('R9 reminds, then escalates, then sends nothing more', () => {
    expect(nextReviewStep('SCHEDULED')).toEqual({ stage: 'REMINDER', status: 'REMINDED' });
    expect(nextReviewStep('REMINDED')).toEqual({ stage: 'ESCALATION', status: 'ESCALATED' });
    expect(nextReviewStep('ESCALATED')).toBeNull();
    expect(nextReviewStep('DECIDED')).toBeNull();
    expect(nextReviewStep('LIFTED')).toBeNull();
    expect(REVIEW_STATUSES.filter((s) => nextReviewStep(s) !== null)).toEqual([...REVIEW_STATUSES_WITH_A_NEXT_STEP]);
  });

  it('R9 takes a decision once, at any stage before it', () => {
    expect(REVIEW_STATUSES.filter(mayDecide)).toEqual(['SCHEDULED', 'REMINDED', 'ESCALATED']);
  });

  it('R9 is overdue once the due date passed, until decided', () => {
    const dueAt = new Date('2027-02-28T09:05:00Z');
    expect(isOverdue('SCHEDULED', dueAt, new Date('2027-02-28T09:05:00Z'))).toBe(false);
    expect(isOverdue('SCHEDULED', dueAt, new Date('2027-02-28T09:05:01Z'))).toBe(true);
    expect(isOverdue('ESCALATED', dueAt, new Date('2027-04-01T00:00:00Z'))).toBe(true);
    expect(isOverdue('DECIDED', dueAt, new Date('2027-04-01T00:00:00Z'))).toBe(false);
    expect(isOverdue('LIFTED', dueAt, new Date('2027-04-01T00:00:00Z'))).toBe(false);
  });
});
