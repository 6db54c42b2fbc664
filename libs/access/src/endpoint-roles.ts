import { StaffRole } from '@accessdesk/contracts';

const STAFF_WHO_DECIDE: StaffRole[] = ['clinician', 'unit_head', 'medical_lead'];

/**
 * Who may call what, by role (DESIGN.md "Public HTTP API"). Function-level only: whether the caller
 * may touch the particular case is `case-access.ts`, checked again by the service that owns it.
 */
export const ENDPOINT_ROLES = {
  'POST /cases': [...STAFF_WHO_DECIDE, 'service_desk'],
  'GET /cases/{id}': [...STAFF_WHO_DECIDE, 'service_desk', 'auditor'],
  /** A list holds only what `GET /cases/{id}` would show the caller (`caseListScope`). */
  'GET /cases': [...STAFF_WHO_DECIDE, 'service_desk', 'auditor'],
  'POST /cases/{id}/completion': [...STAFF_WHO_DECIDE, 'service_desk'],
  'POST /cases/{id}/paperwork': ['service_desk'],
  'POST /cases/{id}/verification': ['service_desk'],
  'POST /cases/{id}/void': ['service_desk'],
  'POST /cases/{id}/registry-reference': ['service_desk'],
  'POST /residents/status': [...STAFF_WHO_DECIDE, 'service_desk', 'contact_centre', 'auditor'],
  'POST /guardian-blocks': ['unit_head', 'contact_centre'],
  'GET /guardian-blocks/{id}': [...STAFF_WHO_DECIDE, 'service_desk', 'contact_centre', 'auditor'],
  'POST /guardian-blocks/{id}/unblock': ['unit_head', 'contact_centre'],
  'PATCH /guardian-blocks/{id}/tasks/{taskId}': ['contact_centre'],
  'GET /work-items': ['service_desk', 'contact_centre'],
  'POST /work-items/{id}/complete': ['service_desk', 'contact_centre'],
  'GET /reviews': STAFF_WHO_DECIDE,
  'POST /reviews/{id}/decision': STAFF_WHO_DECIDE,
  'GET /audit': ['auditor'],
  'POST /audit/search': ['auditor'],
  'GET /audit/verify': ['auditor'],
  'GET /audit/export': ['auditor'],
  'POST /audit/export': ['auditor'],
  'GET /dead-letters': ['operator'],
  'GET /dead-letters/{messageId}': ['operator'],
  'POST /dead-letters/replay': ['operator'],
  'POST /dead-letters/purge': ['operator'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Endpoint = keyof typeof ENDPOINT_ROLES;

export function rolesFor(endpoint: Endpoint): StaffRole[] {
  return [...ENDPOINT_ROLES[endpoint]];
}

export function mayCall(endpoint: Endpoint, roles: readonly StaffRole[]): boolean {
  const allowed: readonly StaffRole[] = ENDPOINT_ROLES[endpoint];
  return roles.some((r) => allowed.includes(r));
}
