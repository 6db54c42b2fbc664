import { AccountState, NO_ACCOUNT, applyAction, openAccount } from './account-state';

const GUARDIAN_1 = '197805141236';
const GUARDIAN_2 = '198009302467';

describe('staff-tool account state', () => {
  it('locks a login once, remembering the region; a second lock is ALREADY_IN_STATE (R10)', () => {
    const locked = applyAction(openAccount(), { action: 'LOGIN_LOCK', region: 'VGR' });
    expect(locked).toEqual({ result: 'DONE', state: expect.objectContaining({ loginLocked: true, lockedByRegion: 'VGR' }) });
    const again = applyAction(locked.state, { action: 'LOGIN_LOCK', region: 'KRONOBERG' });
    expect(again.result).toBe('ALREADY_IN_STATE');
    expect(again.state.lockedByRegion).toBe('VGR');
  });

  it('unlocks a locked login and clears the region', () => {
    const { state } = applyAction(openAccount(), { action: 'LOGIN_LOCK', region: 'VGR' });
    expect(applyAction(state, { action: 'LOGIN_UNLOCK', region: 'VGR' })).toEqual({
      result: 'DONE',
      state: expect.objectContaining({ loginLocked: false, lockedByRegion: null }),
    });
    expect(applyAction(openAccount(), { action: 'LOGIN_UNLOCK', region: 'VGR' }).result).toBe('ALREADY_IN_STATE');
  });

  it('blocks and unblocks guardians, adding only those not yet blocked', () => {
    const one = applyAction(openAccount(), { action: 'GUARDIAN_BLOCK', region: 'JONKOPING', guardianPersonnummer: [GUARDIAN_1] });
    expect(one.state.blockedGuardians).toEqual([GUARDIAN_1]);
    const both = applyAction(one.state, { action: 'GUARDIAN_BLOCK', region: 'JONKOPING', guardianPersonnummer: [GUARDIAN_1, GUARDIAN_2] });
    expect(both).toEqual({ result: 'DONE', state: expect.objectContaining({ blockedGuardians: [GUARDIAN_1, GUARDIAN_2] }) });
    expect(applyAction(both.state, { action: 'GUARDIAN_BLOCK', region: 'JONKOPING', guardianPersonnummer: [GUARDIAN_2] }).result).toBe('ALREADY_IN_STATE');

    const unblocked = applyAction(both.state, { action: 'GUARDIAN_UNBLOCK', region: 'JONKOPING', guardianPersonnummer: [GUARDIAN_1] });
    expect(unblocked.state.blockedGuardians).toEqual([GUARDIAN_2]);
    expect(applyAction(unblocked.state, { action: 'GUARDIAN_UNBLOCK', region: 'JONKOPING', guardianPersonnummer: [GUARDIAN_1] }).result).toBe('ALREADY_IN_STATE');
  });

  it('seals the whole journal or named providers; the same seal again is ALREADY_IN_STATE; unseal clears it', () => {
    const whole = applyAction(openAccount(), { action: 'JOURNAL_SEAL', region: 'JAMTLAND', sealScope: { whole: true } });
    expect(whole.state.seal).toEqual({ whole: true, careProviders: [], careUnits: [], from: null, to: null });
    const partial = applyAction(whole.state, {
      action: 'JOURNAL_SEAL',
      region: 'JAMTLAND',
      sealScope: { careProviders: ['B', 'A'], careUnits: [], from: '2026-01-01' },
    });
    expect(partial).toEqual({ result: 'DONE', state: expect.objectContaining({ seal: { whole: false, careProviders: ['A', 'B'], careUnits: [], from: '2026-01-01', to: null } }) });
    const same = applyAction(partial.state, { action: 'JOURNAL_SEAL', region: 'JAMTLAND', sealScope: { careProviders: ['A', 'B'], from: '2026-01-01' } });
    expect(same.result).toBe('ALREADY_IN_STATE');
    expect(applyAction(partial.state, { action: 'JOURNAL_UNSEAL', region: 'JAMTLAND' }).state.seal).toBeNull();
    expect(applyAction(openAccount(), { action: 'JOURNAL_UNSEAL', region: 'JAMTLAND' }).result).toBe('ALREADY_IN_STATE');
  });

  it('R16: without a login of their own the login cannot be locked or unlocked', () => {
    expect(applyAction(NO_ACCOUNT, { action: 'LOGIN_LOCK', region: 'VGR' })).toEqual({ result: 'NO_ACCOUNT', state: NO_ACCOUNT });
    expect(applyAction(openAccount(false), { action: 'LOGIN_UNLOCK', region: 'VGR' }).result).toBe('NO_ACCOUNT');
  });

  it('R16 R18 R21: guardians are blocked and the journal sealed whether or not the resident has a login', () => {
    const child = openAccount(false);
    const blocked = applyAction(child, { action: 'GUARDIAN_BLOCK', region: 'VGR', guardianPersonnummer: [GUARDIAN_1, GUARDIAN_2] });
    expect(blocked).toEqual({ result: 'DONE', state: expect.objectContaining({ hasAccount: false, loginLocked: false, blockedGuardians: [GUARDIAN_1, GUARDIAN_2] }) });
    expect(applyAction(blocked.state, { action: 'GUARDIAN_UNBLOCK', region: 'VGR', guardianPersonnummer: [GUARDIAN_1] }).result).toBe('DONE');
    const sealed = applyAction(NO_ACCOUNT, { action: 'JOURNAL_SEAL', region: 'JAMTLAND', sealScope: { whole: true } });
    expect(sealed).toEqual({ result: 'DONE', state: expect.objectContaining({ hasAccount: false, seal: expect.objectContaining({ whole: true }) }) });
    expect(applyAction(sealed.state, { action: 'JOURNAL_UNSEAL', region: 'JAMTLAND' }).result).toBe('DONE');
  });

  it('never changes a state in place', () => {
    const before: AccountState = openAccount();
    const snapshot = JSON.stringify(before);
    applyAction(before, { action: 'LOGIN_LOCK', region: 'VGR' });
    applyAction(before, { action: 'GUARDIAN_BLOCK', region: 'VGR', guardianPersonnummer: [GUARDIAN_1] });
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});
