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
