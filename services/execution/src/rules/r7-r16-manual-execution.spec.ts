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
    const seal = { action: 'JOURNAL_SEAL' as const, region: 'JONKOPING' };
    expect(manualCompletion(seal, { result: 'DONE' })).toEqual({ outcome: 'EXECUTED', detail: null });
    expect(manualCompletion(seal, { result: 'ALREADY_IN_STATE' })).toEqual({ outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE' });
    expect(manualCompletion(seal, { result: 'FAILED' })).toEqual({ outcome: 'FAILED', detail: 'MANUAL_FAILED' });
    expect(manualCompletion({ action: 'LOGIN_UNLOCK', region: 'JONKOPING' }, { result: 'NO_ACCOUNT' })).toEqual({ outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', lockedByRegion: null });
  });

  it('R16 takes NO_ACCOUNT only for a login action: a guardian block or a seal needs no login of the resident', () => {
    expect(manualCompletion({ action: 'LOGIN_LOCK', region: 'JONKOPING' }, { result: 'NO_ACCOUNT' })).toEqual({ outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', lockedByRegion: null });
    for (const action of ['GUARDIAN_BLOCK', 'GUARDIAN_UNBLOCK', 'JOURNAL_SEAL', 'JOURNAL_UNSEAL'] as const) {
      expect(manualCompletion({ action, region: 'JONKOPING' }, { result: 'NO_ACCOUNT' })).toBeNull();
    }
  });

  it('R10 records whose lock the operator saw: their own when they locked, the named region when it was locked already', () => {
    const lock = { action: 'LOGIN_LOCK' as const, region: 'JONKOPING' };
    expect(manualCompletion(lock, { result: 'DONE' })).toEqual({ outcome: 'EXECUTED', detail: null, lockedByRegion: 'JONKOPING' });
    expect(manualCompletion(lock, { result: 'ALREADY_IN_STATE', lockedByRegion: 'KRONOBERG' })).toEqual({ outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE', lockedByRegion: 'KRONOBERG' });
    expect(manualCompletion(lock, { result: 'ALREADY_IN_STATE' })).toBeNull();
    expect(manualCompletion(lock, { result: 'DONE', lockedByRegion: 'KRONOBERG' })).toBeNull();
    expect(manualCompletion({ action: 'LOGIN_UNLOCK', region: 'JONKOPING' }, { result: 'DONE' })).toEqual({ outcome: 'EXECUTED', detail: null, lockedByRegion: null });
  });
});
