import { CASE_STATUSES } from '@accessdesk/contracts';
import { canMove, isTerminal } from './case-status';

describe('case status transitions', () => {
  it('follows the life of a lock that goes through', () => {
    const path = ['RECEIVED', 'VERIFYING', 'READY', 'EXECUTING', 'EXECUTED', 'CLOSED'] as const;
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1], path[i])).toBe(true);
  });

  it('never moves backwards', () => {
    expect(canMove('EXECUTED', 'EXECUTING')).toBe(false);
    expect(canMove('CLOSED', 'EXECUTED')).toBe(false);
    expect(canMove('READY', 'VERIFYING')).toBe(false);
    expect(canMove('EXECUTING', 'READY')).toBe(false);
  });

  it('does not void a case that reached the staff tool (R11: that is an unlock)', () => {
    expect(canMove('EXECUTING', 'VOIDED')).toBe(false);
    expect(canMove('EXECUTED', 'VOIDED')).toBe(false);
  });

  it('lets an execution whose outcome was unknown be concluded from what the operator saw in the staff tool (issue 9)', () => {
    expect(canMove('FAILED', 'EXECUTED')).toBe(true);
    expect(canMove('FAILED', 'NOT_APPLICABLE')).toBe(true);
    expect(canMove('EXECUTED', 'FAILED')).toBe(false);
  });

  it('ends in CLOSED, VOIDED or REFUSED only', () => {
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(['CLOSED', 'VOIDED', 'REFUSED']);
  });
});
