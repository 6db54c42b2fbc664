import { GuardianBlockRequest, GuardianUnblockRequest } from '@accessdesk/contracts';
import { draftBlockNote } from './r18-ehr-note';
import { REDACTED, handlingOver, reducedBlockNote, reducedBlockRequest, reducedUnblockNote, reducedUnblockRequest } from './r8-free-text-reduced';

const request: GuardianBlockRequest = {
  child: { personnummer: '201806151237', name: 'Lo Exempelsson' },
  guardians: [{ personnummer: '198001014565' }, { personnummer: '198202025675' }],
  channel: 'E_FORM',
  urgent: false,
  decision: {
    decidedBy: { hsaId: 'SE2321000131-E000000000021', name: 'Anna Chef', role: 'UNIT_HEAD' },
    decidedAt: '2026-11-20T09:00:00Z',
    reasons: ['THREAT'],
    motivation: 'Pappan har hotat barnet\nenligt polisen',
  },
  requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'BUM', headEmail: 'chef@bum.example' },
  confirmationEmails: ['chef@bum.example'],
  period: { from: '2026-12-01', to: null },
  guardianInformedBy: 'Kurator Berit Bok i telefon',
  concernReported: true,
};

const unblock: GuardianUnblockRequest = {
  threatCheck: { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2027-02-28T10:00:00Z', summary: 'Socialtjänsten: pappan har flyttat' },
  decision: { decidedBy: { hsaId: 'SE2321000131-E000000000021', name: 'Anna Chef', role: 'UNIT_HEAD' }, decidedAt: '2027-03-01T09:00:00Z', reasons: [], motivation: 'Ingen hotbild kvar' },
};

describe('R8 a guardian block’s free text goes when its handling is over', () => {
  it('R8 the handling is over when every task is done and the block is in effect, lifted or never needed', () => {
    const done = [{ status: 'DONE' as const }, { status: 'DONE' as const }];
    for (const status of ['BLOCKED', 'UNBLOCKED', 'ALREADY_IN_EFFECT'] as const) expect(handlingOver(status, done)).toBe(true);
    expect(handlingOver('BLOCKED', [{ status: 'DONE' }, { status: 'OPEN' }])).toBe(false);
    for (const status of ['EXECUTING', 'FAILED', 'NOT_APPLICABLE', 'UNBLOCKING', 'CLOSED'] as const) expect(handlingOver(status, done)).toBe(false);
  });

  it('R8 reduces the child’s name, the motivation, who informed the guardian and the concern report, and keeps who, what and when', () => {
    const reduced = reducedBlockRequest(request);
    expect(reduced.child).toEqual({ personnummer: '201806151237', name: REDACTED });
    expect(reduced.decision).toEqual({ ...request.decision, motivation: REDACTED });
    expect(reduced.guardianInformedBy).toBe(REDACTED);
    expect(reduced).not.toHaveProperty('concernReported');
    expect(reduced.guardians).toEqual(request.guardians);
    expect(reduced.period).toEqual(request.period);
    expect(reduced.requestingUnit).toEqual(request.requestingUnit);
    expect(reduced.confirmationEmails).toEqual(request.confirmationEmails);
    // Reducing again changes nothing.
    expect(reducedBlockRequest(reduced)).toEqual(reduced);
  });

  it('R8 drafts the EHR note again without the free text, however many lines it had', () => {
    const original = draftBlockNote({
      registryNumber: 'JONKOPING-2026-VB-000001',
      guardianCount: 2,
      decidedBy: request.decision.decidedBy,
      decidedAt: request.decision.decidedAt,
      motivation: request.decision.motivation,
      guardianInformedBy: request.guardianInformedBy,
      concernReported: true,
      period: request.period,
      alreadyInEffect: false,
    });
    const note = reducedBlockNote('JONKOPING-2026-VB-000001', request, false);
    for (const gone of ['hotat', 'polisen', 'Berit', 'Orosanmälan']) {
      expect(original).toContain(gone);
      expect(note).not.toContain(gone);
    }
    expect(note).toContain(`Grund för beslutet: ${REDACTED}`);
    expect(note).toContain(`Vårdnadshavaren informerad av: ${REDACTED}`);
    expect(note).toContain('(ärende JONKOPING-2026-VB-000001)');
    expect(note).toContain('båda vårdnadshavarnas');
    expect(note).toContain('Beslut: Anna Chef (SE2321000131-E000000000021), verksamhetschef, 2026-11-20');
    expect(note).toContain('Period: från 2026-12-01');
    expect(reducedBlockNote('JONKOPING-2026-VB-000001', request, true)).toContain('Ingen blockering behövdes');
  });

  it('R8 R19 reduces an unblock’s motivation and threat-check summary, keeping that and when the threat was checked', () => {
    const reduced = reducedUnblockRequest(unblock);
    expect(reduced.threatCheck).toEqual({ ...unblock.threatCheck, summary: REDACTED });
    expect(reduced.decision.motivation).toBe(REDACTED);
    const note = reducedUnblockNote('JONKOPING-2026-VB-000001', 1, unblock);
    expect(note).not.toContain('flyttat');
    expect(note).not.toContain('Ingen hotbild kvar');
    expect(note).toContain('Kontroll av hotbild 2027-02-28');
    expect(note).toContain(`socialtjänsten: ${REDACTED}`);
  });
});
