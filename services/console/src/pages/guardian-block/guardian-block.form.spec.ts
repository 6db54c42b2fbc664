import { careProblems } from '../care-forms/decision-form';
import { GUARDIAN_BLOCK_FIELDS, GUARDIAN_BLOCK_MESSAGES, blankGuardianBlockForm, guardianBlockRequestFrom, readGuardianBlockForm } from './guardian-block.form';

const BO = { sub: 'SE2321000131-E000000000012', name: 'Bo Berg', region: 'VGR', roles: ['unit_head' as const], unit: 'SE2321000131-E000000000001' };
const EVA = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre' as const], unit: 'SE2321000131-E000000000004' };
const base = 'https://accessdesk.se/problems/';

describe('the guardian block form (R18)', () => {
  it('starts with the unit head as decision maker and signer; for the contact centre the caller is filled in', () => {
    expect(blankGuardianBlockForm(BO, new Date('2026-11-20T09:00:00Z'), 'k')).toMatchObject({ 'decision.decidedBy.hsaId': BO.sub, 'signature.signedBy': BO.sub, 'requestingUnit.hsaId': BO.unit, urgent: 'no' });
    expect(blankGuardianBlockForm(EVA, new Date(), 'k')).toMatchObject({ 'decision.decidedBy.hsaId': '', 'requestingUnit.hsaId': '' });
  });

  it('turns the posted form into POST /api/v1/guardian-blocks, the unit head deciding (R1)', () => {
    const posted = readGuardianBlockForm({
      ...blankGuardianBlockForm(BO, new Date('2026-11-20T09:00:00Z'), 'k'),
      'child.personnummer': '20160420-2448',
      'child.name': 'Lo Exempelsson',
      'guardians.0': '19780514-1236',
      'guardians.1': '',
      urgent: 'yes',
      'decision.reasons': ['THREAT'],
      'decision.motivation': 'Risk för betydande skada',
      'period.to': '2027-06-01',
      guardianInformedBy: 'Socialtjänsten informerar',
      concernReported: 'yes',
      'requestingUnit.name': 'BUP',
      'requestingUnit.headEmail': 'chef@bup.example',
      confirmationEmails: 'chef@bup.example\nkurator@bup.example\n',
    });
    expect(guardianBlockRequestFrom(posted)).toMatchObject({
      child: { personnummer: '201604202448', name: 'Lo Exempelsson' },
      guardians: [{ personnummer: '197805141236' }],
      urgent: true,
      decision: { decidedBy: { hsaId: BO.sub, role: 'UNIT_HEAD' }, reasons: ['THREAT'], decidedAt: '2026-11-20T09:00:00.000Z', chiefPhysicianInformedAt: null },
      period: { from: null, to: '2027-05-31T22:00:00.000Z' },
      concernReported: true,
      confirmationEmails: ['chef@bup.example', 'kurator@bup.example'],
    });
  });

  it('sends an empty first guardian so that the gateway names it, and no period when none is given', () => {
    const request = guardianBlockRequestFrom(readGuardianBlockForm({}));
    expect(request.guardians).toEqual([{ personnummer: '' }]);
    expect(request.period).toBeNull();
    expect(request.concernReported).toBe(false);
  });

  it('puts the problems beside the guardians and the e-mail addresses, in Swedish', () => {
    const invalid = careProblems(
      { type: `${base}validation-failed`, title: '', status: 400, errors: [{ pointer: '/guardians/1/personnummer', detail: 'x' }, { pointer: '/confirmationEmails/0', detail: 'x' }] },
      GUARDIAN_BLOCK_FIELDS,
      GUARDIAN_BLOCK_MESSAGES,
    );
    expect(invalid.fields).toEqual({ guardians: GUARDIAN_BLOCK_MESSAGES.guardians, confirmationEmails: GUARDIAN_BLOCK_MESSAGES.confirmationEmails });
    expect(careProblems({ type: `${base}guardian-not-listed`, title: '', status: 422 }, GUARDIAN_BLOCK_FIELDS).fields.guardians).toContain('folkbokföringen');
    expect(careProblems({ type: `${base}child-not-a-minor`, title: '', status: 422 }, GUARDIAN_BLOCK_FIELDS).fields['child.personnummer']).toContain('under 18');
  });
});
