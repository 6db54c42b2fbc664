import { EXECUTION_OUTCOMES, INTAKE_CASE_TYPES } from '@accessdesk/contracts';
import { parseIsoDuration } from '@accessdesk/platform';
import { needsReview, reviewDueAt } from './r9-three-month-review';

describe('R9 three-month review', () => {
  it('reviews an executed lock only', () => {
    const reviewed = INTAKE_CASE_TYPES.flatMap((type) => EXECUTION_OUTCOMES.filter((o) => needsReview(type, o)).map((o) => `${type}/${o}`));
    expect(reviewed).toEqual(['LOGIN_LOCK/EXECUTED']);
  });

  it('is due three months after execution, on the calendar', () => {
    const p3m = parseIsoDuration('P3M');
    expect(reviewDueAt(new Date('2026-11-20T09:05:00Z'), p3m).toISOString()).toBe('2027-02-20T09:05:00.000Z');
    expect(reviewDueAt(new Date('2026-11-30T09:05:00Z'), p3m).toISOString()).toBe('2027-02-28T09:05:00.000Z');
  });

  it('follows a configured period', () => {
    expect(reviewDueAt(new Date('2026-11-20T09:05:00Z'), parseIsoDuration('PT5S')).toISOString()).toBe('2026-11-20T09:05:05.000Z');
  });
});
