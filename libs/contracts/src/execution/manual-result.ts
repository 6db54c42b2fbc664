import { ManualResult, StaffToolAction } from '../common/vocabulary';

/**
 * What an operator may report for a `manual` action, checked where the report is taken (intake,
 * 422) and again where it takes effect (execution), so both read the staff tool alike:
 * - R16: NO_ACCOUNT ("no 1177 login of their own") only for a login lock or unlock; a guardian
 *   block and a seal act on the journal and the guardians' access, which every resident has.
 * - R10: for a login lock the operator says whose lock the tool shows ("låst på begäran av
 *   Region X"): required when the login was already locked (ALREADY_IN_STATE), the case's own region
 *   (or left out) when the operator locked it (DONE), and never given for any other result or action.
 */
export type ManualResultInconsistency = 'NO_ACCOUNT_NOT_A_LOGIN_ACTION' | 'LOCKED_BY_REGION_MISSING' | 'LOCKED_BY_REGION_NOT_OWN' | 'LOCKED_BY_REGION_NOT_APPLICABLE';

/** The login actions: the only ones that need a 1177 login of the resident's own (R16). */
export const LOGIN_ACTIONS: readonly StaffToolAction[] = ['LOGIN_LOCK', 'LOGIN_UNLOCK'];

export function manualResultInconsistency(
  action: StaffToolAction,
  result: ManualResult,
  lockedByRegion: string | null | undefined,
  region: string,
): ManualResultInconsistency | null {
  if (result === 'NO_ACCOUNT' && !LOGIN_ACTIONS.includes(action)) return 'NO_ACCOUNT_NOT_A_LOGIN_ACTION';
  const given = lockedByRegion ?? null;
  if (action === 'LOGIN_LOCK' && result === 'ALREADY_IN_STATE') return given ? null : 'LOCKED_BY_REGION_MISSING';
  if (action === 'LOGIN_LOCK' && result === 'DONE') return given === null || given === region ? null : 'LOCKED_BY_REGION_NOT_OWN';
  return given === null ? null : 'LOCKED_BY_REGION_NOT_APPLICABLE';
}

/**
 * R10: the region whose login lock is in effect after a manual result, as the `http` mode reads it
 * from the tool: the operator's own lock (DONE) is the case's region; an unlock, or a login that
 * does not exist, leaves none. Undefined when the result says nothing about the login.
 */
export function manualLockedByRegion(action: StaffToolAction, result: ManualResult, lockedByRegion: string | null | undefined, region: string): string | null | undefined {
  if (!LOGIN_ACTIONS.includes(action) || result === 'FAILED') return undefined;
  if (action === 'LOGIN_UNLOCK' || result === 'NO_ACCOUNT') return null;
  return result === 'DONE' ? region : (lockedByRegion ?? null);
}
