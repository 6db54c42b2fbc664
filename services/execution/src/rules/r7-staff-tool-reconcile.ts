// R7 The truth about the staff tool (issue 9, item 3): an action whose answer never came may still
// have been carried out. Before it is declared FAILED, the account's state as `accounts/query`
// reports it decides: in the state the action wanted → EXECUTED; clearly not → FAILED; a state
// that cannot be read, or that does not say → UNKNOWN (an operator looks in the staff tool).
import { ExecutionOutcome, SealScopeDto, StaffToolAction } from '@accessdesk/contracts';

/** What reconciliation needs of the action: what it wanted, and for whom (never logged). */
export interface ReconcileCommand {
  action: StaffToolAction;
  guardianPersonnummer: string[] | null;
  sealScope: SealScopeDto | null;
}

export interface Reconciled {
  outcome: Extract<ExecutionOutcome, 'EXECUTED' | 'NOT_APPLICABLE' | 'FAILED' | 'UNKNOWN'>;
  detail: string;
  /** What the adapter saw, in words without a personnummer (stored as `observed`). */
  observed: string;
  /** R10: for a login action whose state was read, the region whose lock is in effect (null: not locked). */
  lockedByRegion?: string | null;
}

export const RECONCILED_ALREADY_IN_STATE = 'RECONCILED_ALREADY_IN_STATE';
export const RECONCILED_NOT_IN_STATE = 'STAFF_TOOL_UNAVAILABLE';
export const STATE_UNREADABLE = 'STAFF_TOOL_STATE_UNKNOWN';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * R7: the outcome of an action the staff tool never answered, from the account state it reports
 * afterwards (`account`: the body of `accounts/query`; undefined when that could not be read).
 */
export function reconcileWithAccountState(command: ReconcileCommand, account: unknown): Reconciled {
  const unknown = (why: string): Reconciled => ({ outcome: 'UNKNOWN', detail: STATE_UNREADABLE, observed: why });
  if (account === undefined) return unknown('Personalverktyget svarade varken på åtgärden eller på frågan om kontots läge');
  if (!isRecord(account) || typeof account.hasAccount !== 'boolean') return unknown('Personalverktygets svar om kontots läge gick inte att tolka');
  const inState = (observed: string, extra: Partial<Reconciled> = {}): Reconciled => ({ outcome: 'EXECUTED', detail: RECONCILED_ALREADY_IN_STATE, observed, ...extra });
  const notInState = (observed: string, extra: Partial<Reconciled> = {}): Reconciled => ({ outcome: 'FAILED', detail: RECONCILED_NOT_IN_STATE, observed, ...extra });
  switch (command.action) {
    case 'LOGIN_LOCK':
    case 'LOGIN_UNLOCK': {
      // R16: no login of the resident's own → nothing to lock or unlock, as the adapter answers anyway.
      if (!account.hasAccount) return { outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', observed: 'Kontot saknar inloggning på 1177', lockedByRegion: null };
      if (typeof account.loginLocked !== 'boolean') return unknown('Personalverktyget sade inte om inloggningen är låst');
      if (!account.loginLocked) {
        const seen = 'Personalverktyget visar inloggningen olåst';
        return command.action === 'LOGIN_UNLOCK' ? inState(seen, { lockedByRegion: null }) : notInState(seen, { lockedByRegion: null });
      }
      const region = typeof account.lockedByRegion === 'string' && account.lockedByRegion.length > 0 ? account.lockedByRegion : null;
      // R10: a locked login without the region whose lock it is cannot be reported as a lock.
      if (region === null) return unknown('Personalverktyget visar inloggningen låst men inte på vilken regions begäran');
      const seen = `Personalverktyget visar inloggningen låst på begäran av ${region}`;
      return command.action === 'LOGIN_LOCK' ? inState(seen, { lockedByRegion: region }) : notInState(seen, { lockedByRegion: region });
    }
    case 'GUARDIAN_BLOCK':
    case 'GUARDIAN_UNBLOCK': {
      if (!isStringArray(account.blockedGuardians)) return unknown('Personalverktyget sade inte vilka vårdnadshavare som är blockerade');
      const blocked = new Set(account.blockedGuardians);
      const guardians = command.guardianPersonnummer ?? [];
      if (guardians.length === 0) return unknown('Åtgärden nämner ingen vårdnadshavare');
      const nBlocked = guardians.filter((g) => blocked.has(g)).length;
      const seen = `Personalverktyget visar ${nBlocked} av ${guardians.length} vårdnadshavare blockerade`;
      const wanted = command.action === 'GUARDIAN_BLOCK' ? nBlocked === guardians.length : nBlocked === 0;
      return wanted ? inState(seen) : notInState(seen);
    }
    case 'JOURNAL_SEAL': {
      if (account.seal === null) return notInState('Personalverktyget visar journalen oförseglad');
      if (!isRecord(account.seal)) return unknown('Personalverktyget sade inte om journalen är förseglad');
      // Only a whole-journal seal, asked for and shown, is plainly the wanted one; a partial seal's
      // scope is the operator's to compare.
      if (command.sealScope?.whole === true && account.seal.whole === true) return inState('Personalverktyget visar hela journalen förseglad');
      return unknown('Personalverktyget visar en försegling vars omfattning behöver jämföras med ärendets');
    }
    case 'JOURNAL_UNSEAL': {
      if (account.seal === null) return inState('Personalverktyget visar journalen oförseglad');
      if (!isRecord(account.seal)) return unknown('Personalverktyget sade inte om journalen är förseglad');
      return notInState('Personalverktyget visar journalen förseglad');
    }
  }
}
