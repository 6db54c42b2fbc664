import { DirectoryPerson } from './r4-checks-on-receipt';
import { emergencyCallFindings, emergencyCallVerdict, phoneDigits, samePhoneNumber } from './r12-emergency-call';

const DR_A: DirectoryPerson = { careProvider: 'SE2321000131-E000000000000', region: 'VGR', regionalStaffId: true, roles: ['clinician'], workPhone: '031-100 11 11' };
const DESK: DirectoryPerson = { ...DR_A, roles: ['service_desk'], workPhone: '031-100 14 14' };

describe('R12 emergency call: caller verified by a call back to the directory’s number, decision maker looked up (R1)', () => {
  it('R12 passes a caller called back on the directory’s number, naming a decision maker with authority', () => {
    const findings = emergencyCallFindings({ caseType: 'LOGIN_LOCK', decider: DR_A, caller: DR_A, callBackNumber: '+46 31 100 11 11' });
    expect(findings).toEqual([]);
    expect(emergencyCallVerdict(findings)).toBe('PASSED');
  });

  it('R12 R1 does not execute on a decision maker the directory does not know', () => {
    const findings = emergencyCallFindings({ caseType: 'LOGIN_LOCK', decider: null, caller: DR_A, callBackNumber: '031-100 11 11' });
    expect(findings).toEqual(['DECIDER_UNKNOWN']);
    expect(emergencyCallVerdict(findings)).toBe('NOT_VERIFIED');
  });

  it('R12 R1 does not execute on a decision maker who is not care staff with deciding authority', () => {
    expect(emergencyCallFindings({ caseType: 'LOGIN_LOCK', decider: DESK, caller: DR_A, callBackNumber: '031-100 11 11' })).toEqual(['DECIDER_WITHOUT_AUTHORITY']);
  });

  it('R12 does not execute when the number called back is not the directory’s number for the caller', () => {
    expect(emergencyCallFindings({ caseType: 'LOGIN_LOCK', decider: DR_A, caller: DR_A, callBackNumber: '070-123 45 67' })).toEqual(['CALL_BACK_NOT_DIRECTORY_NUMBER']);
  });

  it('R12 does not execute on a caller the directory does not know, or lists without a number', () => {
    expect(emergencyCallFindings({ caseType: 'LOGIN_LOCK', decider: DR_A, caller: null, callBackNumber: '031-100 11 11' })).toEqual(['CALLER_UNKNOWN']);
    expect(emergencyCallFindings({ caseType: 'LOGIN_LOCK', decider: DR_A, caller: { ...DR_A, workPhone: null }, callBackNumber: '031-100 11 11' })).toEqual(['CALLER_WITHOUT_PHONE_NUMBER']);
  });

  it('R12 lists every finding', () => {
    expect(emergencyCallFindings({ caseType: 'LOGIN_LOCK', decider: null, caller: DR_A, callBackNumber: '08-123 456' })).toEqual(['DECIDER_UNKNOWN', 'CALL_BACK_NOT_DIRECTORY_NUMBER']);
  });

  it.each([
    ['031-100 11 11', '0311001111'],
    ['+46 31 100 11 11', '0311001111'],
    ['0046 (31) 100-11-11', '0311001111'],
  ])('compares %j as the digits dialled', (number, digits) => {
    expect(phoneDigits(number)).toBe(digits);
  });

  it('tells different numbers apart', () => {
    expect(samePhoneNumber('031-100 11 11', '031-100 11 12')).toBe(false);
    expect(samePhoneNumber('031-100 11 11', '+4631 1001111')).toBe(true);
  });
});
