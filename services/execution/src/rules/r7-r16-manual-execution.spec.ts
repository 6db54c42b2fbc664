import { manualCompletion, manualQueueFor, mayRecordManualResult } from './r7-r16-manual-execution';

describe('R7 R16 manual execution', () => {
  it('R7 sends guardian blocks to the contact centre and every other action to the service desk', () => {
    expect(manualQueueFor('GUARDIAN_BLOCK')).toBe('CONTACT_CENTRE');
    expect(manualQueueFor('GUARDIAN_UNBLOCK')).toBe('CONTACT_CENTRE');
    for (const action of ['LOGIN_LOCK', 'LOGIN_UNLOCK', 'JOURNAL_SEAL', 'JOURNAL_UNSEAL'] as const) {
      expect(manualQueueFor(action)).toBe('SERVICE_DESK');
    }
  });

  it('R7 takes a result only from an operator of the right desk in the action\'s region', () => {
    const lock = { region: 'JONKOPING', action: 'LOGIN_LOCK' as const };
    const block = { region: 'JONKOPING', action: 'GUARDIAN_BLOCK' as const };
    expect(mayRecordManualResult({ region: 'JONKOPING', roles: ['service_desk'] }, lock)).toBe(true);
    expect(mayRecordManualResult({ region: 'VGR', roles: ['service_desk'] }, lock)).toBe(false);
    expect(mayRecordManualResult({ region: 'JONKOPING', roles: ['contact_centre'] }, lock)).toBe(false);
    expect(mayRecordManualResult({ region: 'JONKOPING', roles: ['contact_centre'] }, block)).toBe(true);
    expect(mayRecordManualResult({ region: 'JONKOPING', roles: ['service_desk', 'clinician'] }, block)).toBe(false);
    expect(mayRecordManualResult({ region: 'JONKOPING', roles: [] }, lock)).toBe(false);
  });

  it('R7 R16 maps what the operator saw to the outcomes the http mode reports', () => {
    expect(manualCompletion('DONE')).toEqual({ outcome: 'EXECUTED', detail: null });
    expect(manualCompletion('ALREADY_IN_STATE')).toEqual({ outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE' });
    expect(manualCompletion('NO_ACCOUNT')).toEqual({ outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT' });
    expect(manualCompletion('FAILED')).toEqual({ outcome: 'FAILED', detail: 'MANUAL_FAILED' });
  });
});
