import { CASE_STATUSES, CaseEndedV1 } from '@accessdesk/contracts';
import { canMove, isTerminal } from '../domain/case/case-status';
import { endingToTell, tellingOf } from './r8-every-outcome-told';

describe('R8 every outcome told', () => {
  it('R8 tells every move into a final state by some event, so no ending is silent', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        if (!canMove(from, to) || !isTerminal(to)) continue;
        expect({ from, to, telling: tellingOf(from, to) }).toEqual({ from, to, telling: expect.any(Object) });
      }
    }
  });

  it('R8 a lock that failed and was closed by the desk is told as CLOSED_UNEXECUTED', () => {
    expect(endingToTell('FAILED', 'CLOSED')).toBe('CLOSED_UNEXECUTED');
    expect(tellingOf('FAILED', 'CLOSED')).toEqual({ event: CaseEndedV1.type, ending: 'CLOSED_UNEXECUTED' });
  });

  it('R8 a void is told as VOIDED, from every state a case can be voided in', () => {
    const voidable = CASE_STATUSES.filter((s) => canMove(s, 'VOIDED'));
    expect(voidable.length).toBeGreaterThan(0);
    for (const from of voidable) expect(endingToTell(from, 'VOIDED')).toBe('VOIDED');
  });

  it('R8 an executed or not applicable case is told once, by the concluded event, not again when it closes', () => {
    expect(tellingOf('EXECUTING', 'EXECUTED')).toEqual({ event: 'intake.case.concluded.v1' });
    expect(tellingOf('EXECUTING', 'NOT_APPLICABLE')).toEqual({ event: 'intake.case.concluded.v1' });
    expect(endingToTell('EXECUTED', 'CLOSED')).toBeNull();
    expect(endingToTell('NOT_APPLICABLE', 'CLOSED')).toBeNull();
  });

  it('R4 R8 refusals and returns are told by their own events, with their reasons', () => {
    expect(tellingOf('VERIFYING', 'REFUSED')).toEqual({ event: 'intake.case.refused.v1' });
    expect(tellingOf('VERIFYING', 'RETURNED_FOR_COMPLETION')).toEqual({ event: 'intake.case.returned.v1' });
    expect(endingToTell('VERIFYING', 'REFUSED')).toBeNull();
  });

  it('says nothing for a move in the middle of a case', () => {
    expect(tellingOf('RECEIVED', 'VERIFYING')).toBeNull();
    expect(tellingOf('FAILED', 'EXECUTING')).toBeNull();
  });
});
