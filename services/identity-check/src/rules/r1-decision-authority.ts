// R1 Decision authority (000 §3.1, 002): lock, unlock, seal and unseal are decided by a licensed
// clinician with treatment responsibility, a unit head (verksamhetschef) or a medical lead
// (medicinskt ansvarig läkare); a guardian block or unblock by a unit head only.
import { CaseType, CheckFinding, DecisionAuthority } from '@accessdesk/contracts';

/** The staff directory's roles that may decide a case of each kind (HSA roles, as in the tokens). */
const MAY_DECIDE: readonly string[] = ['clinician', 'unit_head', 'medical_lead'];
const MAY_DECIDE_GUARDIAN_BLOCK: readonly string[] = ['unit_head'];

/** The roles of which the decision maker must hold at least one for `caseType`. */
export function rolesThatMayDecide(caseType: CaseType): readonly string[] {
  return caseType === 'GUARDIAN_BLOCK' || caseType === 'GUARDIAN_UNBLOCK' ? MAY_DECIDE_GUARDIAN_BLOCK : MAY_DECIDE;
}

/**
 * The R1 finding for a decision maker as the staff directory knows them. A decision maker the
 * directory does not know (null) gives no R1 finding: the signature check (R4, SIGNER_UNKNOWN)
 * sends a signed form to manual verification, where the desk phones and finds out who decided.
 */
export function decisionAuthorityFindings(caseType: CaseType, decider: { roles: readonly string[] } | null): CheckFinding[] {
  if (decider === null) return [];
  const allowed = rolesThatMayDecide(caseType);
  return decider.roles.some((role) => allowed.includes(role)) ? [] : ['DECIDER_WITHOUT_AUTHORITY'];
}

/**
 * R1 as an answer to a look-up before anything is registered (guardian blocks, 002): unlike a
 * received case, nobody phones afterwards, so a decision maker the directory does not know may not
 * decide.
 */
export function decisionAuthority(caseType: CaseType, decider: { roles: readonly string[] } | null): DecisionAuthority {
  if (decider === null) return { known: false, mayDecide: false, roles: [] };
  return { known: true, mayDecide: decisionAuthorityFindings(caseType, decider).length === 0, roles: [...decider.roles] };
}
