import { Actor, STAFF_ROLES, StaffRole } from '@accessdesk/contracts';
import { CaseScope, canFileFor, canReadAudit, canReadCase, caseListScope } from './case-access';
import { ENDPOINT_ROLES, Endpoint, mayCall } from './endpoint-roles';

const UNIT = 'SE2321000131-E000000000001';
const OTHER_UNIT = 'SE2321000131-E000000000002';
const actor = (roles: StaffRole[], over: Partial<Actor> = {}): Actor => ({ sub: 'SE2321000131-E000000000011', name: 'x', region: 'VGR', roles, unit: UNIT, ...over });

/** DESIGN.md's table, written out role by role: the matrix the code must reproduce. */
const EXPECTED: Record<Endpoint, StaffRole[]> = {
  'POST /cases': ['clinician', 'unit_head', 'medical_lead', 'service_desk'],
  'GET /cases/{id}': ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'auditor'],
  'GET /cases': ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'auditor'],
  'POST /cases/{id}/completion': ['clinician', 'unit_head', 'medical_lead', 'service_desk'],
  'POST /cases/{id}/paperwork': ['service_desk'],
  'POST /cases/{id}/verification': ['service_desk'],
  'POST /cases/{id}/void': ['service_desk'],
  'POST /cases/{id}/registry-reference': ['service_desk'],
  'POST /residents/status': ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre', 'auditor'],
  'POST /guardian-blocks': ['unit_head', 'contact_centre'],
  'GET /guardian-blocks/{id}': ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre', 'auditor'],
  'POST /guardian-blocks/{id}/unblock': ['unit_head', 'contact_centre'],
  'PATCH /guardian-blocks/{id}/tasks/{taskId}': ['contact_centre'],
  'GET /work-items': ['service_desk', 'contact_centre'],
  'POST /work-items/{id}/complete': ['service_desk', 'contact_centre'],
  'GET /reviews': ['clinician', 'unit_head', 'medical_lead'],
  'POST /reviews/{id}/decision': ['clinician', 'unit_head', 'medical_lead'],
  'GET /audit': ['auditor'],
  'POST /audit/search': ['auditor'],
  'GET /audit/verify': ['auditor'],
  'GET /audit/export': ['auditor'],
  'POST /audit/export': ['auditor'],
  'GET /dead-letters': ['operator'],
  'GET /dead-letters/{messageId}': ['operator'],
  'POST /dead-letters/replay': ['operator'],
  'POST /dead-letters/purge': ['operator'],
};

describe('endpoint roles', () => {
  const cases = (Object.keys(EXPECTED) as Endpoint[]).flatMap((endpoint) =>
    STAFF_ROLES.map((role) => [endpoint, role, EXPECTED[endpoint].includes(role)] as const),
  );
  it.each(cases)('%s as %s → allowed %s', (endpoint, role, allowed) => {
    expect(mayCall(endpoint, [role])).toBe(allowed);
  });

  it('covers exactly the endpoints of the table', () => {
    expect(Object.keys(ENDPOINT_ROLES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('case access', () => {
  const ownUnitCase: CaseScope = { region: 'VGR', requestingUnitHsaId: UNIT, kind: 'CASE' };
  const otherUnitCase: CaseScope = { ...ownUnitCase, requestingUnitHsaId: OTHER_UNIT };
  const otherRegionCase: CaseScope = { ...ownUnitCase, region: 'KRONOBERG' };
  const guardianBlock: CaseScope = { ...otherUnitCase, kind: 'GUARDIAN_BLOCK' };

  it.each(['clinician', 'unit_head', 'medical_lead'] as StaffRole[])('%s sees the own unit’s cases only', (role) => {
    expect(canReadCase(actor([role]), ownUnitCase)).toBe(true);
    expect(canReadCase(actor([role]), otherUnitCase)).toBe(false);
    expect(canReadCase(actor([role]), otherRegionCase)).toBe(false);
    expect(canReadCase(actor([role], { unit: undefined }), ownUnitCase)).toBe(false);
  });

  it.each(['service_desk', 'auditor'] as StaffRole[])('%s sees the own region’s cases only', (role) => {
    expect(canReadCase(actor([role], { unit: OTHER_UNIT }), ownUnitCase)).toBe(true);
    expect(canReadCase(actor([role]), otherRegionCase)).toBe(false);
  });

  it('a contact centre sees its region’s guardian blocks, not other cases', () => {
    expect(canReadCase(actor(['contact_centre'], { unit: OTHER_UNIT }), guardianBlock)).toBe(true);
    expect(canReadCase(actor(['contact_centre'], { unit: OTHER_UNIT }), otherUnitCase)).toBe(false);
  });

  it('a protected resident’s case (skyddad identitet) is read by the desk, the requesting unit and the auditors only', () => {
    // No exception for a protected resident is needed: a case is never anyone else's to read.
    const readers = [actor(['service_desk'], { unit: OTHER_UNIT }), actor(['auditor'], { unit: undefined }), actor(['clinician']), actor(['unit_head']), actor(['medical_lead'])];
    for (const reader of readers) expect(canReadCase(reader, ownUnitCase)).toBe(true);
    const others = [
      actor(['clinician'], { unit: OTHER_UNIT }),
      actor(['unit_head'], { unit: OTHER_UNIT }),
      actor(['contact_centre']),
      actor(['contact_centre'], { unit: OTHER_UNIT }),
      actor(['service_desk'], { region: 'KRONOBERG' }),
      actor(['auditor'], { region: 'KRONOBERG' }),
      actor([]),
    ];
    for (const other of others) expect(canReadCase(other, ownUnitCase)).toBe(false);
  });

  it('a list admits exactly the cases their pages show, for every role, unit and region', () => {
    const scopes: CaseScope[] = ['VGR', 'KRONOBERG'].flatMap((region) =>
      [UNIT, OTHER_UNIT].flatMap((unit) => (['CASE', 'GUARDIAN_BLOCK'] as const).map((kind) => ({ region, requestingUnitHsaId: unit, kind }))),
    );
    const callers = [...STAFF_ROLES.map((role) => actor([role])), ...STAFF_ROLES.map((role) => actor([role], { unit: undefined })), actor([]), actor(['clinician', 'contact_centre'])];
    for (const caller of callers) {
      for (const scope of scopes) {
        const listed = caseListScope(caller, scope.kind);
        const inList = listed !== null && listed.region === scope.region && (listed.requestingUnitHsaId === null || listed.requestingUnitHsaId === scope.requestingUnitHsaId);
        expect({ roles: caller.roles, unit: caller.unit, scope, inList }).toEqual({ roles: caller.roles, unit: caller.unit, scope, inList: canReadCase(caller, scope) });
      }
    }
  });

  it('care staff file for their own unit; the service desk for any unit of its region', () => {
    expect(canFileFor(actor(['clinician']), UNIT)).toBe(true);
    expect(canFileFor(actor(['clinician']), OTHER_UNIT)).toBe(false);
    expect(canFileFor(actor(['service_desk'], { unit: undefined }), OTHER_UNIT)).toBe(true);
    expect(canFileFor(actor(['auditor']), UNIT)).toBe(false);
  });

  it('only an auditor reads the audit trail, of the own region', () => {
    expect(canReadAudit(actor(['auditor']), 'VGR')).toBe(true);
    expect(canReadAudit(actor(['auditor']), 'KRONOBERG')).toBe(false);
    expect(canReadAudit(actor(['service_desk']), 'VGR')).toBe(false);
  });
});
