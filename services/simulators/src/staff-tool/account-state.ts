// The staff tool's view of one resident's 1177 account, and what each action does to it.
// Pure: a state is never changed in place, so a stored answer keeps the state it was given.

export const STAFF_TOOL_ACTIONS = [
  'LOGIN_LOCK',
  'LOGIN_UNLOCK',
  'GUARDIAN_BLOCK',
  'GUARDIAN_UNBLOCK',
  'JOURNAL_SEAL',
  'JOURNAL_UNSEAL',
] as const;
export type StaffToolAction = (typeof STAFF_TOOL_ACTIONS)[number];

/**
 * NO_ACCOUNT: only existing 1177 users can have their own login locked or unlocked (R16); nothing
 * changes. Guardian access and the journal exist for every resident the register knows, login or
 * not (002, 004): those actions never answer NO_ACCOUNT.
 */
export type ActionResult = 'DONE' | 'NO_ACCOUNT' | 'ALREADY_IN_STATE';

export interface Seal {
  whole: boolean;
  careProviders: string[];
  careUnits: string[];
  from: string | null;
  to: string | null;
}

export interface AccountState {
  /** The resident has a 1177 login of their own (has1177Account); governs only LOGIN_LOCK/LOGIN_UNLOCK. */
  hasAccount: boolean;
  /** R10: "låst på begäran av Region X": the region whose lock is in effect; a second region's lock leaves it. */
  loginLocked: boolean;
  lockedByRegion: string | null;
  blockedGuardians: string[];
  seal: Seal | null;
}

export interface SealScope {
  whole?: boolean;
  careProviders?: string[];
  careUnits?: string[];
  from?: string | null;
  to?: string | null;
}

export interface ActionCommand {
  action: StaffToolAction;
  region: string;
  guardianPersonnummer?: string[];
  sealScope?: SealScope;
}

/** The login actions, the only ones that need a login of the resident's own (R16). */
export const LOGIN_ACTIONS: readonly StaffToolAction[] = ['LOGIN_LOCK', 'LOGIN_UNLOCK'];

/** A resident without a 1177 login of their own: the journal and guardian access are still there. */
export const NO_ACCOUNT: AccountState = Object.freeze({
  hasAccount: false,
  loginLocked: false,
  lockedByRegion: null,
  blockedGuardians: [],
  seal: null,
});

export function openAccount(hasLogin = true): AccountState {
  return { ...NO_ACCOUNT, hasAccount: hasLogin, blockedGuardians: [] };
}

export function applyAction(state: AccountState, command: ActionCommand): { result: ActionResult; state: AccountState } {
  if (!state.hasAccount && LOGIN_ACTIONS.includes(command.action)) return { result: 'NO_ACCOUNT', state };
  const next = nextState(state, command);
  return next ? { result: 'DONE', state: next } : { result: 'ALREADY_IN_STATE', state };
}

/** The changed state, or null when the account already is as the action asks. */
function nextState(state: AccountState, command: ActionCommand): AccountState | null {
  switch (command.action) {
    case 'LOGIN_LOCK':
      // A second lock keeps the first region: only that region may lift it (R10).
      return state.loginLocked ? null : { ...state, loginLocked: true, lockedByRegion: command.region };
    case 'LOGIN_UNLOCK':
      return state.loginLocked ? { ...state, loginLocked: false, lockedByRegion: null } : null;
    case 'GUARDIAN_BLOCK': {
      const added = (command.guardianPersonnummer ?? []).filter((guardian) => !state.blockedGuardians.includes(guardian));
      return added.length === 0 ? null : { ...state, blockedGuardians: unique([...state.blockedGuardians, ...added]) };
    }
    case 'GUARDIAN_UNBLOCK': {
      const lifted = command.guardianPersonnummer ?? [];
      const remaining = state.blockedGuardians.filter((guardian) => !lifted.includes(guardian));
      return remaining.length === state.blockedGuardians.length ? null : { ...state, blockedGuardians: remaining };
    }
    case 'JOURNAL_SEAL': {
      const seal = normaliseSeal(command.sealScope ?? { whole: true });
      return state.seal && sameSeal(state.seal, seal) ? null : { ...state, seal };
    }
    case 'JOURNAL_UNSEAL':
      return state.seal ? { ...state, seal: null } : null;
  }
}

/** A new seal replaces the old one: the staff tool holds one seal per journal. */
export function normaliseSeal(scope: SealScope): Seal {
  const whole = scope.whole === true;
  return {
    whole,
    careProviders: whole ? [] : unique(scope.careProviders ?? []).sort(),
    careUnits: whole ? [] : unique(scope.careUnits ?? []).sort(),
    from: scope.from ?? null,
    to: scope.to ?? null,
  };
}

function sameSeal(a: Seal, b: Seal): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
