import type { CaseView } from '@accessdesk/contracts';
import { actionsFor, completionRequestFrom, paperworkRequestFrom, readDeskForm, registryReferenceRequestFrom, verificationRequestFrom, voidRequestFrom } from './case-desk.form';

describe('the desk’s case forms', () => {
  it('verification: a call with its time; an own judgement without one (R12)', () => {
    expect(verificationRequestFrom(readDeskForm('verifiering', { outcome: 'VERIFIED', calledAt: '2026-11-20 10:00', note: 'Bekräftade', judgement: '' }))).toEqual({
      outcome: 'VERIFIED',
      calledAt: '2026-11-20T09:00:00.000Z',
      note: 'Bekräftade',
    });
    expect(verificationRequestFrom(readDeskForm('verifiering', { outcome: 'VERIFIED', calledAt: '', note: 'n', judgement: 'Katalogen nere' }))).toEqual({ outcome: 'VERIFIED', note: 'n', judgement: 'Katalogen nere' });
  });

  it('paperwork from staff carries decision, patient information and signature; from the resident the receipt only', () => {
    const body = {
      receivedAt: '2026-11-21 08:00',
      'resident.personnummer': '19900101-2385',
      'resident.name': 'Tova Testsson',
      'decision.decidedBy.hsaId': 'SE2321000131-E000000000011',
      'decision.decidedBy.name': 'Dr A',
      'decision.decidedBy.role': 'CLINICIAN',
      'decision.decidedAt': '2026-11-20 09:00',
      'decision.reasons': ['THREAT'],
      'decision.motivation': 'Hotbild',
      'decision.journalNoteRef': '',
      'decision.chiefPhysicianInformedAt': '2026-11-20 09:30',
      'patientInformed.informed': 'no',
      'patientInformed.reasonIfNot': 'Säkerhet',
      'signature.signedBy': 'SE2321000131-E000000000011',
      'signature.signedAt': '2026-11-20 09:05',
      note: '',
    };
    expect(paperworkRequestFrom(readDeskForm('blankett', body), false)).toEqual({
      receivedAt: '2026-11-21T07:00:00.000Z',
      resident: { personnummer: '199001012385', name: 'Tova Testsson' },
      decision: {
        decidedBy: { hsaId: 'SE2321000131-E000000000011', name: 'Dr A', role: 'CLINICIAN' },
        decidedAt: '2026-11-20T08:00:00.000Z',
        reasons: ['THREAT'],
        motivation: 'Hotbild',
        journalNoteRef: null,
        chiefPhysicianInformedAt: '2026-11-20T08:30:00.000Z',
      },
      patientInformed: { informed: false, reasonIfNot: 'Säkerhet' },
      signature: { signedBy: 'SE2321000131-E000000000011', signedAt: '2026-11-20T08:05:00.000Z' },
    });
    expect(paperworkRequestFrom(readDeskForm('blankett', { receivedAt: '2026-11-21 08:00', note: 'Kom per post' }), true)).toEqual({ receivedAt: '2026-11-21T07:00:00.000Z', note: 'Kom per post' });
  });

  it('completion sends only the parts given', () => {
    expect(
      completionRequestFrom(
        readDeskForm('komplettering', {
          'emergencyCall.caller.hsaId': 'SE2321000131-E000000000011',
          'emergencyCall.caller.name': 'Dr A',
          'emergencyCall.callBack.number': '031-100 11 11',
          'emergencyCall.callBack.calledAt': '2026-11-20 10:00',
          comment: '',
        }),
      ),
    ).toEqual({ emergencyCall: { caller: { hsaId: 'SE2321000131-E000000000011', name: 'Dr A' }, callBack: { number: '031-100 11 11', calledAt: '2026-11-20T09:00:00.000Z' } } });
    expect(completionRequestFrom(readDeskForm('komplettering', { comment: 'Underskrift finns' }))).toEqual({ comment: 'Underskrift finns' });
  });

  it('void and registry reference (Plexus when no system is named)', () => {
    expect(voidRequestFrom(readDeskForm('makulera', { reason: ' Fel personnummer ' }))).toEqual({ reason: 'Fel personnummer' });
    expect(registryReferenceRequestFrom(readDeskForm('diarienummer', { system: '', reference: 'PLX-2026-0042' }))).toEqual({ reference: 'PLX-2026-0042' });
  });

  it('offers what fits the case: verification, the form, completion and void by state; the registry reference always', () => {
    const c = (status: CaseView['status'], paperwork: CaseView['paperwork']) => ({ status, paperwork }) as CaseView;
    expect(actionsFor(c('MANUAL_VERIFICATION', 'NOT_REQUIRED'))).toEqual(['verifiering', 'makulera', 'diarienummer']);
    expect(actionsFor(c('EXECUTED', 'PENDING'))).toEqual(['blankett', 'diarienummer']);
    expect(actionsFor(c('RETURNED_FOR_COMPLETION', 'PENDING'))).toEqual(['komplettering', 'makulera', 'diarienummer']);
    expect(actionsFor(c('CLOSED', 'NOT_REQUIRED'))).toEqual(['diarienummer']);
  });
});
