import { RECONCILED_ALREADY_IN_STATE, ReconcileCommand, STATE_UNREADABLE, reconcileWithAccountState } from './r7-staff-tool-reconcile';

const GUARDIAN_A = '197001019876';
const GUARDIAN_B = '197202023456';

function account(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { hasAccount: true, loginLocked: false, lockedByRegion: null, blockedGuardians: [], seal: null, ...overrides };
}

const lock: ReconcileCommand = { action: 'LOGIN_LOCK', guardianPersonnummer: null, sealScope: null };
const unlock: ReconcileCommand = { action: 'LOGIN_UNLOCK', guardianPersonnummer: null, sealScope: null };
const block: ReconcileCommand = { action: 'GUARDIAN_BLOCK', guardianPersonnummer: [GUARDIAN_A, GUARDIAN_B], sealScope: null };
const unblock: ReconcileCommand = { action: 'GUARDIAN_UNBLOCK', guardianPersonnummer: [GUARDIAN_A], sealScope: null };
const seal: ReconcileCommand = { action: 'JOURNAL_SEAL', guardianPersonnummer: null, sealScope: { whole: true } };
const unseal: ReconcileCommand = { action: 'JOURNAL_UNSEAL', guardianPersonnummer: null, sealScope: null };

describe('R7 reconciling an unanswered action with the account state (issue 9)', () => {
  it('R7 R10 a lock found in place is EXECUTED, reconciled, naming the region whose lock it is', () => {
    expect(reconcileWithAccountState(lock, account({ loginLocked: true, lockedByRegion: 'KRONOBERG' }))).toEqual({
      outcome: 'EXECUTED',
      detail: RECONCILED_ALREADY_IN_STATE,
      observed: expect.stringContaining('KRONOBERG'),
      lockedByRegion: 'KRONOBERG',
    });
    expect(reconcileWithAccountState(unlock, account())).toMatchObject({ outcome: 'EXECUTED', detail: RECONCILED_ALREADY_IN_STATE, lockedByRegion: null });
  });

  it('R7 a state clearly not the wanted one is FAILED as before', () => {
    expect(reconcileWithAccountState(lock, account())).toMatchObject({ outcome: 'FAILED', detail: 'STAFF_TOOL_UNAVAILABLE', lockedByRegion: null });
    expect(reconcileWithAccountState(unlock, account({ loginLocked: true, lockedByRegion: 'VGR' }))).toMatchObject({ outcome: 'FAILED', lockedByRegion: 'VGR' });
    expect(reconcileWithAccountState(block, account({ blockedGuardians: [GUARDIAN_A] }))).toMatchObject({ outcome: 'FAILED' });
    expect(reconcileWithAccountState(unblock, account({ blockedGuardians: [GUARDIAN_A] }))).toMatchObject({ outcome: 'FAILED' });
    expect(reconcileWithAccountState(seal, account())).toMatchObject({ outcome: 'FAILED' });
    expect(reconcileWithAccountState(unseal, account({ seal: { whole: true } }))).toMatchObject({ outcome: 'FAILED' });
  });

  it('R7 guardian blocks and seals in place are EXECUTED', () => {
    expect(reconcileWithAccountState(block, account({ blockedGuardians: [GUARDIAN_B, GUARDIAN_A] }))).toMatchObject({ outcome: 'EXECUTED', detail: RECONCILED_ALREADY_IN_STATE });
    expect(reconcileWithAccountState(unblock, account({ blockedGuardians: [GUARDIAN_B] }))).toMatchObject({ outcome: 'EXECUTED' });
    expect(reconcileWithAccountState(seal, account({ seal: { whole: true } }))).toMatchObject({ outcome: 'EXECUTED' });
    expect(reconcileWithAccountState(unseal, account())).toMatchObject({ outcome: 'EXECUTED' });
  });

  it('R16 a login action on a resident without a login is NOT_APPLICABLE, as the adapter answers anyway', () => {
    expect(reconcileWithAccountState(lock, account({ hasAccount: false }))).toMatchObject({ outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', lockedByRegion: null });
  });

  it('R7 a state that cannot be read, or does not say, is UNKNOWN', () => {
    for (const [command, state] of [
      [lock, undefined],
      [lock, null],
      [lock, 'oops'],
      [lock, { loginLocked: true }],
      [lock, account({ loginLocked: 'yes' })],
      [lock, account({ loginLocked: true, lockedByRegion: null })],
      [block, account({ blockedGuardians: null })],
      [{ ...block, guardianPersonnummer: [] }, account()],
      [seal, account({ seal: 'sealed' })],
      [{ ...seal, sealScope: { careUnits: ['SE2321000131-S000000000001'] } }, account({ seal: { careUnits: ['SE2321000131-S000000000001'] } })],
      [unseal, account({ seal: 42 })],
    ] as Array<[ReconcileCommand, unknown]>) {
      expect(reconcileWithAccountState(command, state)).toMatchObject({ outcome: 'UNKNOWN', detail: STATE_UNREADABLE });
    }
  });

  it('never puts a personnummer in what it saw', () => {
    const seen = [reconcileWithAccountState(block, account({ blockedGuardians: [GUARDIAN_A] })), reconcileWithAccountState(block, account({ blockedGuardians: [GUARDIAN_A, GUARDIAN_B] }))];
    for (const r of seen) expect(r.observed).not.toMatch(/\d{8}/);
  });
});
