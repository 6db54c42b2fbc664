// R7 Execution by the region's desk (000 §6.11, 001, 002) and R16 only existing 1177 users can be
// locked (001), for the `manual` adapter mode (DESIGN.md "The staff-tool adapter"): an operator
// executes in the staff tool (personalverktyget) and reports what it showed.
import { Actor, ExecutionOutcome, ManualResult, StaffRole, StaffToolAction, WorkQueue, manualLockedByRegion, manualResultInconsistency } from '@accessdesk/contracts';

/** Guardian blocks are the contact centre's (002, R18); everything else the service desk's (000, 001). */
export function manualQueueFor(action: StaffToolAction): WorkQueue {
  return action === 'GUARDIAN_BLOCK' || action === 'GUARDIAN_UNBLOCK' ? 'CONTACT_CENTRE' : 'SERVICE_DESK';
}

const QUEUE_ROLE: Record<WorkQueue, StaffRole> = { SERVICE_DESK: 'service_desk', CONTACT_CENTRE: 'contact_centre' };

/**
 * Whether `actor` may report the result of a manual action of `region`: an operator of the desk whose
 * inbox the action is in, of the action's own region. intake checks the same before it sends the
 * result; execution checks again because it is the one that records the effect.
 */
export function mayRecordManualResult(actor: Pick<Actor, 'roles' | 'region'>, action: { region: string; action: StaffToolAction }): boolean {
  return actor.region === action.region && actor.roles.includes(QUEUE_ROLE[manualQueueFor(action.action)]);
}

export interface ManualCompletion {
  outcome: ExecutionOutcome;
  /** The same machine-readable details as the `http` mode gives, so intake treats both alike. */
  detail: string | null;
  /** R10: for a login action, whose lock the tool showed afterwards (null: not locked); undefined otherwise. */
  lockedByRegion?: string | null;
}

export interface ManualReport {
  result: ManualResult;
  lockedByRegion?: string | null;
}

/**
 * What the operator saw → the action's outcome, or null when the report cannot be so (R16: no 1177
 * login is an answer only to a login action; R10: a lock already in place needs the region whose lock
 * it is). No login → NOT_APPLICABLE, reported to the requester.
 */
export function manualCompletion(action: { action: StaffToolAction; region: string }, report: ManualReport): ManualCompletion | null {
  if (manualResultInconsistency(action.action, report.result, report.lockedByRegion, action.region)) return null;
  const lockedByRegion = manualLockedByRegion(action.action, report.result, report.lockedByRegion, action.region);
  const shown = lockedByRegion === undefined ? {} : { lockedByRegion };
  switch (report.result) {
    case 'DONE':
      return { outcome: 'EXECUTED', detail: null, ...shown };
    case 'ALREADY_IN_STATE':
      return { outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE', ...shown };
    case 'NO_ACCOUNT':
      return { outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', ...shown };
    case 'FAILED':
      return { outcome: 'FAILED', detail: 'MANUAL_FAILED' };
  }
}
