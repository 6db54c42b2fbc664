import { parseIsoDuration } from '@accessdesk/platform';
import { PAPERWORK_CHASE_STATUSES, PAPERWORK_STATUSES_WITH_A_NEXT_STEP, nextPaperworkStep, paperworkDueDates } from './r12-emergency-paperwork';

describe('R12 emergency paperwork chase', () => {
  it('R12 R24 reminds and escalates after the region’s periods, counted from when the form became pending', () => {
    const dates = paperworkDueDates(new Date('2026-11-20T22:15:00Z'), parseIsoDuration('P3D'), parseIsoDuration('P7D'));
    expect(dates.reminderDueAt.toISOString()).toBe('2026-11-23T22:15:00.000Z');
    expect(dates.escalationDueAt.toISOString()).toBe('2026-11-27T22:15:00.000Z');
  });

  it('R12 reminds, then escalates, then sends nothing more', () => {
    expect(nextPaperworkStep('PENDING')).toEqual({ stage: 'REMINDER', status: 'REMINDED' });
    expect(nextPaperworkStep('REMINDED')).toEqual({ stage: 'ESCALATION', status: 'ESCALATED' });
    expect(nextPaperworkStep('ESCALATED')).toBeNull();
    expect(PAPERWORK_CHASE_STATUSES.filter((s) => nextPaperworkStep(s) !== null)).toEqual([...PAPERWORK_STATUSES_WITH_A_NEXT_STEP]);
  });

  it('R12 sends nothing once the form arrived, or once it is no longer owed', () => {
    expect(nextPaperworkStep('RECEIVED')).toBeNull();
    expect(nextPaperworkStep('WAIVED')).toBeNull();
  });
});
