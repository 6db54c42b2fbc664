import { CaseRequest } from '@accessdesk/contracts';
import { REDACTED, reducedRequest } from './r8-personal-data-reduced';

const request: CaseRequest = {
  type: 'LOGIN_LOCK',
  resident: { personnummer: '199001012384', name: 'Tova Testsson' },
  channel: 'FORM',
  initiator: { kind: 'RELATIVE', description: 'Systern ringde från Borås' },
  decision: {
    decidedBy: { hsaId: 'SE2321000131-E000000000011', name: 'Dr A', role: 'CLINICIAN' },
    decidedAt: '2026-11-20T09:00:00Z',
    reasons: ['THREAT'],
    motivation: 'Hotbild från tidigare partner',
    journalNoteRef: 'note',
    chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
  },
  patientInformed: { informed: false, reasonIfNot: 'Inlagd på avdelning 12' },
  signature: { signedBy: 'SE2321000131-E000000000011', signedAt: '2026-11-20T09:05:00Z' },
  requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen', headEmail: 'head@example.se' },
  relatedCaseId: null,
  sealScope: null,
};

describe('R8 an ended case keeps only what later cases need', () => {
  it('R8 the resident’s name, the motivation and the free text go', () => {
    const reduced = reducedRequest(request);
    expect(reduced.resident.name).toBe(REDACTED);
    expect(reduced.decision.motivation).toBe(REDACTED);
    expect(reduced.initiator.description).toBe(REDACTED);
    expect(reduced.patientInformed.reasonIfNot).toBe(REDACTED);
  });

  it('R5 R10 the personnummer and the decision’s who, when and why stay', () => {
    const reduced = reducedRequest(request);
    expect(reduced.resident.personnummer).toBe('199001012384');
    expect(reduced.decision).toMatchObject({ decidedBy: request.decision.decidedBy, decidedAt: request.decision.decidedAt, reasons: ['THREAT'] });
    expect(reduced.requestingUnit).toEqual(request.requestingUnit);
  });

  it('R8 leaves an empty free text empty rather than marking it reduced', () => {
    const reduced = reducedRequest({ ...request, initiator: { kind: 'STAFF', description: '' }, patientInformed: { informed: true } });
    expect(reduced.initiator.description).toBe('');
    expect(reduced.patientInformed.reasonIfNot).toBeUndefined();
  });
});
