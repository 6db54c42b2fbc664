import { manualLockedByRegion, manualResultInconsistency } from './manual-result';

describe('manual results (R10, R16)', () => {
  it('R16 accepts NO_ACCOUNT only for a login lock or unlock', () => {
    expect(manualResultInconsistency('LOGIN_LOCK', 'NO_ACCOUNT', null, 'VGR')).toBeNull();
    expect(manualResultInconsistency('LOGIN_UNLOCK', 'NO_ACCOUNT', null, 'VGR')).toBeNull();
    for (const action of ['GUARDIAN_BLOCK', 'GUARDIAN_UNBLOCK', 'JOURNAL_SEAL', 'JOURNAL_UNSEAL'] as const) {
      expect(manualResultInconsistency(action, 'NO_ACCOUNT', null, 'VGR')).toBe('NO_ACCOUNT_NOT_A_LOGIN_ACTION');
      expect(manualResultInconsistency(action, 'DONE', null, 'VGR')).toBeNull();
    }
  });

  it('R10 needs the region whose lock the tool shows when the login was already locked', () => {
    expect(manualResultInconsistency('LOGIN_LOCK', 'ALREADY_IN_STATE', null, 'JONKOPING')).toBe('LOCKED_BY_REGION_MISSING');
    expect(manualResultInconsistency('LOGIN_LOCK', 'ALREADY_IN_STATE', 'KRONOBERG', 'JONKOPING')).toBeNull();
    expect(manualResultInconsistency('LOGIN_LOCK', 'DONE', undefined, 'JONKOPING')).toBeNull();
    expect(manualResultInconsistency('LOGIN_LOCK', 'DONE', 'JONKOPING', 'JONKOPING')).toBeNull();
    expect(manualResultInconsistency('LOGIN_LOCK', 'DONE', 'KRONOBERG', 'JONKOPING')).toBe('LOCKED_BY_REGION_NOT_OWN');
    expect(manualResultInconsistency('LOGIN_LOCK', 'FAILED', 'KRONOBERG', 'JONKOPING')).toBe('LOCKED_BY_REGION_NOT_APPLICABLE');
    expect(manualResultInconsistency('LOGIN_UNLOCK', 'DONE', 'JONKOPING', 'JONKOPING')).toBe('LOCKED_BY_REGION_NOT_APPLICABLE');
    expect(manualResultInconsistency('JOURNAL_SEAL', 'DONE', 'JONKOPING', 'JONKOPING')).toBe('LOCKED_BY_REGION_NOT_APPLICABLE');
  });

  it('R10 reads whose lock is in effect from the result as the http mode reads it from the tool', () => {
    expect(manualLockedByRegion('LOGIN_LOCK', 'DONE', undefined, 'JONKOPING')).toBe('JONKOPING');
    expect(manualLockedByRegion('LOGIN_LOCK', 'ALREADY_IN_STATE', 'KRONOBERG', 'JONKOPING')).toBe('KRONOBERG');
    expect(manualLockedByRegion('LOGIN_LOCK', 'NO_ACCOUNT', undefined, 'JONKOPING')).toBeNull();
    expect(manualLockedByRegion('LOGIN_UNLOCK', 'DONE', undefined, 'JONKOPING')).toBeNull();
    expect(manualLockedByRegion('LOGIN_LOCK', 'FAILED', undefined, 'JONKOPING')).toBeUndefined();
    expect(manualLockedByRegion('GUARDIAN_BLOCK', 'DONE', undefined, 'JONKOPING')).toBeUndefined();
  });
});
