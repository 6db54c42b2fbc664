import { CaseRequest } from '@accessdesk/contracts';

/** People of the simulators' default fixture file (services/simulators/fixtures/README.md). */
export const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
export const DR_A = { hsaId: 'SE2321000131-E000000000011', name: 'Dr A' };
export const VGR_UNIT = 'SE2321000131-E000000000001';
export const VGR_CARE_PROVIDER = 'SE2321000131-E000000000000';

/** DESIGN.md's example request, with the fixture's (valid) personnummer. */
export function lockRequest(overrides: Partial<CaseRequest> = {}): CaseRequest {
  return {
    type: 'LOGIN_LOCK',
    resident: { ...TOVA },
    channel: 'FORM',
    initiator: { kind: 'STAFF', description: '' },
    decision: {
      decidedBy: { hsaId: DR_A.hsaId, name: DR_A.name, role: 'CLINICIAN' },
      decidedAt: '2026-11-20T09:00:00Z',
      reasons: ['THREAT'],
      motivation: 'Hotbild mot patienten via 1177.',
      journalNoteRef: 'Cosmic anteckning 2026-11-20 09:00',
      chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
    },
    patientInformed: { informed: false, reasonIfNot: 'Patientens säkerhet' },
    signature: { signedBy: DR_A.hsaId, signedAt: '2026-11-20T09:05:00Z' },
    requestingUnit: { hsaId: VGR_UNIT, name: 'Vårdcentralen Testköping', headEmail: 'verksamhetschef@testkoping.example' },
    relatedCaseId: null,
    sealScope: null,
    ...overrides,
  };
}
