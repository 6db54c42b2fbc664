import { blankLockForm, fromLocalInput, lockRequestFrom, readLockForm, toLocalInput } from './new-lock.form';

const DR_A = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician' as const], unit: 'SE2321000131-E000000000001' };

describe('the lock form', () => {
  it('reads dates and times as Swedish time (CET in November, CEST in June)', () => {
    expect(fromLocalInput('2026-11-20 10:00')).toBe('2026-11-20T09:00:00.000Z');
    expect(fromLocalInput('2026-11-20T9.00')).toBe('2026-11-20T08:00:00.000Z');
    expect(fromLocalInput('2026-06-20T10:00')).toBe('2026-06-20T08:00:00.000Z');
    expect(toLocalInput(new Date('2026-11-20T09:00:00Z'))).toBe('2026-11-20 10:00');
    expect(fromLocalInput('igår')).toBe('igår');
  });

  it('starts with the signed-in person as decision maker, signer and requesting unit', () => {
    const form = blankLockForm(DR_A, new Date('2026-11-20T09:00:00Z'), 'key-1');
    expect(form).toMatchObject({
      'decision.decidedBy.hsaId': DR_A.sub,
      'decision.decidedBy.role': 'CLINICIAN',
      'signature.signedBy': DR_A.sub,
      'requestingUnit.hsaId': DR_A.unit,
      idempotencyKey: 'key-1',
    });
  });

  it('turns the posted form into POST /api/v1/cases, field by field', () => {
    const posted = readLockForm({
      ...blankLockForm(DR_A, new Date('2026-11-20T09:00:00Z'), 'key-1'),
      'resident.personnummer': '19900101-2385',
      'resident.name': 'Tova Testsson',
      'decision.reasons': ['THREAT', 'PROTECTED_IDENTITY'],
      'decision.motivation': 'Hotbild',
      'decision.journalNoteRef': 'Anteckning 1',
      'decision.chiefPhysicianInformedAt': '2026-11-20 10:30',
      'patientInformed.informed': 'no',
      'patientInformed.reasonIfNot': 'Säkerhet',
      'requestingUnit.name': 'VC Testköping',
      'requestingUnit.headEmail': 'chef@example.se',
      unknown: 'dropped',
    });
    const request = lockRequestFrom(posted);
    expect(request).toMatchObject({
      type: 'LOGIN_LOCK',
      resident: { personnummer: '199001012385', name: 'Tova Testsson' },
      channel: 'FORM',
      decision: { reasons: ['THREAT', 'PROTECTED_IDENTITY'], decidedAt: '2026-11-20T09:00:00.000Z', chiefPhysicianInformedAt: '2026-11-20T09:30:00.000Z' },
      patientInformed: { informed: false, reasonIfNot: 'Säkerhet' },
      requestingUnit: { hsaId: DR_A.unit, name: 'VC Testköping', headEmail: 'chef@example.se' },
    });
    expect(JSON.stringify(request)).not.toContain('dropped');
  });

  it('takes a single reason as a list', () => {
    expect(readLockForm({ 'decision.reasons': 'THREAT' }).reasons).toEqual(['THREAT']);
    expect(readLockForm({}).reasons).toEqual([]);
  });
});
