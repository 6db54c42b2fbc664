import { blankUnlockForm, readUnlockForm, unlockRequestFrom } from './new-unlock.form';

const DR_A = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician' as const], unit: 'SE2321000131-E000000000001' };
const LOCK = { id: '6f1c3c55-0a53-4d8e-9d3b-0d5d4c0b2f10', registryNumber: 'VGR-2026-000007' };

describe('the unlock form', () => {
  it('starts as the lock form does, with the lock it lifts when it comes from the lock', () => {
    const form = blankUnlockForm(DR_A, new Date('2026-11-20T09:00:00Z'), 'key-1', LOCK);
    expect(form).toMatchObject({ 'decision.decidedBy.hsaId': DR_A.sub, 'requestingUnit.hsaId': DR_A.unit, extra: { relatedCaseId: LOCK.id, lockRegistryNumber: LOCK.registryNumber } });
    expect(blankUnlockForm(DR_A, new Date(), 'key-2').extra).toEqual({});
  });

  it('turns the posted form into a LOGIN_UNLOCK with the unlock reasons and the lock it lifts (R10, R11)', () => {
    const posted = readUnlockForm({
      ...blankUnlockForm(DR_A, new Date('2026-11-20T09:00:00Z'), 'key-1'),
      relatedCaseId: LOCK.id,
      lockRegistryNumber: LOCK.registryNumber,
      'resident.personnummer': '19900101-2385',
      'resident.name': 'Tova Testsson',
      'decision.reasons': 'THREAT_NO_LONGER_EXISTS',
      'decision.motivation': 'Hotbilden är borta',
      'patientInformed.informed': 'yes',
      unknown: 'dropped',
    });
    const request = unlockRequestFrom(posted);
    expect(request).toMatchObject({
      type: 'LOGIN_UNLOCK',
      resident: { personnummer: '199001012385', name: 'Tova Testsson' },
      decision: { reasons: ['THREAT_NO_LONGER_EXISTS'], motivation: 'Hotbilden är borta' },
      patientInformed: { informed: true, reasonIfNot: null },
      relatedCaseId: LOCK.id,
      sealScope: null,
    });
    // The registry number is shown, never sent.
    expect(JSON.stringify(request)).not.toContain(LOCK.registryNumber);
    expect(JSON.stringify(request)).not.toContain('dropped');
  });

  it('leaves the lock to intake when none is named', () => {
    expect(unlockRequestFrom(readUnlockForm({ relatedCaseId: '  ' })).relatedCaseId).toBeNull();
  });
});
