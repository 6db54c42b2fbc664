import { Actor, StaffRole } from '@accessdesk/contracts';

/** What a decision about access needs to know of a case. */
export interface CaseScope {
  region: string;
  /** HSA-id of the unit that asked for it. */
  requestingUnitHsaId: string;
  kind: 'CASE' | 'GUARDIAN_BLOCK';
}

const CARE_STAFF: StaffRole[] = ['clinician', 'unit_head', 'medical_lead'];

function has(actor: Actor, ...roles: StaffRole[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/**
 * Object-level access (issue "Who may do what"): care staff see their own unit's cases, a service
 * desk its own region's, a contact centre its region's guardian blocks, an auditor its region's
 * (read only). Another region's case is invisible: callers answer it as not found.
 */
export function canReadCase(actor: Actor, scope: CaseScope): boolean {
  if (actor.region !== scope.region) return false;
  if (has(actor, 'auditor', 'service_desk')) return true;
  if (scope.kind === 'GUARDIAN_BLOCK' && has(actor, 'contact_centre')) return true;
  return has(actor, ...CARE_STAFF) && actor.unit !== undefined && actor.unit === scope.requestingUnitHsaId;
}

/**
 * The cases of one kind a caller may list, as one condition a database can apply: the region's,
 * or one unit's of the region; null: none. It admits exactly the cases `canReadCase` admits, so a
 * list never shows a case its page would refuse (access.spec.ts checks the two agree).
 */
export function caseListScope(actor: Actor, kind: CaseScope['kind']): { region: string; requestingUnitHsaId: string | null } | null {
  if (has(actor, 'auditor', 'service_desk')) return { region: actor.region, requestingUnitHsaId: null };
  if (kind === 'GUARDIAN_BLOCK' && has(actor, 'contact_centre')) return { region: actor.region, requestingUnitHsaId: null };
  if (has(actor, ...CARE_STAFF) && actor.unit !== undefined) return { region: actor.region, requestingUnitHsaId: actor.unit };
  return null;
}

/**
 * Who may file a case for a unit: care staff for their own unit only; the service desk for any unit
 * of its region (it records phoned-in emergency locks on a unit's behalf, R12).
 */
export function canFileFor(actor: Actor, requestingUnitHsaId: string): boolean {
  if (has(actor, 'service_desk')) return true;
  return has(actor, ...CARE_STAFF) && actor.unit !== undefined && actor.unit === requestingUnitHsaId;
}

/** Reading the audit trail is the auditor's, for the auditor's own region. */
export function canReadAudit(actor: Actor, region: string): boolean {
  return has(actor, 'auditor') && actor.region === region;
}
