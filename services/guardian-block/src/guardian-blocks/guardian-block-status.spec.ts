import { GUARDIAN_BLOCK_STATUSES } from '@accessdesk/contracts';
import { STATUS_TEXT, canMove } from './guardian-block-status';

describe('guardian block status (R18–R20)', () => {
  it('moves a block forward through execution, and an unblock back to BLOCKED only from UNBLOCKING', () => {
    expect(canMove('RECEIVED', 'EXECUTING')).toBe(true);
    expect(canMove('EXECUTING', 'BLOCKED')).toBe(true);
    expect(canMove('BLOCKED', 'UNBLOCKING')).toBe(true);
    expect(canMove('UNBLOCKING', 'UNBLOCKED')).toBe(true);
    expect(canMove('UNBLOCKING', 'BLOCKED')).toBe(true);
  });

  it('never moves out of UNBLOCKED or ALREADY_IN_EFFECT but to CLOSED, nor back from BLOCKED to EXECUTING', () => {
    for (const to of GUARDIAN_BLOCK_STATUSES.filter((s) => s !== 'CLOSED')) {
      expect(canMove('UNBLOCKED', to)).toBe(false);
      expect(canMove('ALREADY_IN_EFFECT', to)).toBe(false);
    }
    expect(canMove('BLOCKED', 'EXECUTING')).toBe(false);
    expect(canMove('BLOCKED', 'FAILED')).toBe(false);
    expect(canMove('EXECUTING', 'UNBLOCKED')).toBe(false);
  });

  it('a failed block moves on when its action is completed after all', () => {
    expect(canMove('FAILED', 'BLOCKED')).toBe(true);
    expect(canMove('FAILED', 'FAILED')).toBe(false);
  });

  it('R20: a protected child 0–12 is registered straight as already in effect', () => {
    expect(canMove('RECEIVED', 'ALREADY_IN_EFFECT')).toBe(true);
  });

  it('R8 closes a block in effect, lifted or never needed; a closed block in effect still takes an unblock (R19), nothing else', () => {
    for (const from of ['BLOCKED', 'UNBLOCKED', 'ALREADY_IN_EFFECT'] as const) expect(canMove(from, 'CLOSED')).toBe(true);
    for (const from of ['RECEIVED', 'EXECUTING', 'FAILED', 'NOT_APPLICABLE', 'UNBLOCKING'] as const) expect(canMove(from, 'CLOSED')).toBe(false);
    expect(GUARDIAN_BLOCK_STATUSES.filter((to) => canMove('CLOSED', to))).toEqual(['UNBLOCKING']);
  });

  it('has a Swedish text for every status', () => {
    for (const s of GUARDIAN_BLOCK_STATUSES) expect(STATUS_TEXT[s].length).toBeGreaterThan(0);
  });
});
