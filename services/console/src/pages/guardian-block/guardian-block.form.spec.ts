import { PROBLEM_BASE } from '@accessdesk/contracts';
import {
  BLOCK_FIELDS,
  UNBLOCK_FIELDS,
  blankBlockForm,
  blankUnblockForm,
  blockRequestFrom,
  emailsFrom,
  guardianFormProblems,
  readBlockForm,
  readUnblockForm,
  unblockRequestFrom,
} from './guardian-block.form';
import { RECENT_GUARDIAN_BLOCKS_KEPT, withRecentBlock } from './recent-guardian-blocks';

const EVA = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre' as const], unit: 'SE2321000131-E000000000004' };
const BO = { sub: 'SE2321000131-E000000000012', name: 'Bo Berg', region: 'VGR', roles: ['unit_head' as const], unit: 'SE2321000131-E000000000001' };
const NOV_20 = new Date('2026-11-20T09:00:00Z');

const problem = (slug: string, status: number, errors?: Array<{ pointer: string; detail: string }>) => ({ type: `${PROBLEM_BASE}${slug}`, title: slug, status, ...(errors ? { errors } : {}) });

describe('the guardian block form (002, R18)', () => {
  it('starts as a phoned-in, urgent request for the contact centre, and as the unit head’s own e-form for a unit head', () => {
    expect(blankBlockForm(EVA, NOV_20, 'k')).toMatchObject({ channel: 'EMERGENCY_PHONE', urgent: 'yes', 'decision.decidedBy.hsaId': '', 'decision.decidedAt': '2026-11-20 10:00' });
    expect(blankBlockForm(BO, NOV_20, 'k')).toMatchObject({ channel: 'E_FORM', urgent: '', 'decision.decidedBy.hsaId': BO.sub, 'decision.decidedBy.name': BO.name, 'requestingUnit.hsaId': BO.unit });
  });

  it('turns the posted form into POST /api/v1/guardian-blocks: both guardians, the unit head’s decision, the addresses one per line', () => {
    const posted = readBlockForm({
      ...blankBlockForm(EVA, NOV_20, 'key-1'),
      'child.personnummer': '20160420-2448',
      'child.name': ' Lo Exempelsson ',
      'guardians.0.personnummer': '197805141236',
      'guardians.1.personnummer': '19800930-2467',
      'decision.decidedBy.hsaId': BO.sub,
      'decision.decidedBy.name': BO.name,
      'decision.motivation': 'Hot enligt polisanmälan',
      'decision.reasons': 'THREAT',
      concernReported: 'yes',
      'period.from': '2026-12-01',
      guardianInformedBy: 'Kurator Karin',
      'requestingUnit.hsaId': BO.unit,
      'requestingUnit.name': 'Vårdcentralen Testköping',
      'requestingUnit.headEmail': 'chef@testkoping.example',
      confirmationEmails: 'chef@testkoping.example\r\n kurator@testkoping.example ',
      unknown: 'ignored',
    });
    expect(posted).not.toHaveProperty('unknown');
    expect(blockRequestFrom(posted)).toEqual({
      child: { personnummer: '201604202448', name: 'Lo Exempelsson' },
      guardians: [{ personnummer: '197805141236' }, { personnummer: '198009302467' }],
      channel: 'EMERGENCY_PHONE',
      urgent: true,
      decision: { decidedBy: { hsaId: BO.sub, name: BO.name, role: 'UNIT_HEAD' }, decidedAt: '2026-11-20T09:00:00.000Z', reasons: ['THREAT'], motivation: 'Hot enligt polisanmälan' },
      requestingUnit: { hsaId: BO.unit, name: 'Vårdcentralen Testköping', headEmail: 'chef@testkoping.example' },
      confirmationEmails: ['chef@testkoping.example', 'kurator@testkoping.example'],
      period: { from: '2026-12-01', to: null },
      guardianInformedBy: 'Kurator Karin',
      concernReported: true,
    });
  });

  it('sends one guardian when the second is left empty, no period when none is given, and an unticked box as false', () => {
    const request = blockRequestFrom(readBlockForm({ 'guardians.0.personnummer': '197202292822', 'guardians.1.personnummer': '  ', urgent: undefined }));
    expect(request.guardians).toEqual([{ personnummer: '197202292822' }]);
    expect(request).not.toHaveProperty('period');
    expect(request.urgent).toBe(false);
    expect(request.concernReported).toBe(false);
    expect(request.confirmationEmails).toEqual([]);
    expect(emailsFrom('a@x.se, b@x.se;c@x.se')).toEqual(['a@x.se', 'b@x.se', 'c@x.se']);
  });

  it('places the gateway’s problems beside their fields in Swedish, a guardian by its position', () => {
    const invalid = guardianFormProblems(
      problem('validation-failed', 400, [
        { pointer: '/guardians/1/personnummer', detail: 'x' },
        { pointer: '/child/personnummer', detail: 'x' },
        { pointer: '/confirmationEmails/0', detail: 'x' },
        { pointer: '/guardianInformedBy', detail: 'x' },
      ]),
      BLOCK_FIELDS,
    );
    expect(invalid.general).toEqual([]);
    expect(Object.keys(invalid.fields).sort()).toEqual(['child.personnummer', 'confirmationEmails', 'guardianInformedBy', 'guardians.1.personnummer']);
    expect(invalid.fields['guardians.1.personnummer']).toContain('andra vårdnadshavarens personnummer');
    expect(invalid.fields.confirmationEmails).toContain('en per rad');
    expect(guardianFormProblems(problem('validation-failed', 400, [{ pointer: '/guardians', detail: 'x' }]), BLOCK_FIELDS).fields).toHaveProperty(['guardians.0.personnummer']);

    expect(guardianFormProblems(problem('guardian-block-decider-not-unit-head', 422), BLOCK_FIELDS).fields['decision.decidedBy.hsaId']).toContain('inte verksamhetschef');
    expect(guardianFormProblems(problem('child-not-a-minor', 422), BLOCK_FIELDS).fields['child.personnummer']).toContain('under 18');
    expect(guardianFormProblems(problem('guardian-not-listed', 422), BLOCK_FIELDS).fields['guardians.0.personnummer']).toContain('folkbokföringen');
    expect(guardianFormProblems(problem('staff-directory-unavailable', 503), BLOCK_FIELDS).general[0]).toContain('Inget har registrerats');
    expect(guardianFormProblems(problem('channel-not-offered', 422), BLOCK_FIELDS).fields.channel).toContain('R22');
  });
});

describe('the unblock form (R19)', () => {
  it('sends the threat check as answered, every blocked guardian when none is chosen, and the block’s addresses when none are given', () => {
    const values = readUnblockForm({
      ...blankUnblockForm(EVA, NOV_20, 'k'),
      'threatCheck.otherUnitsConsulted': 'yes',
      'threatCheck.socialServicesConsulted': 'yes',
      'threatCheck.summary': 'BUP och socialtjänsten ser ingen hotbild',
      'decision.decidedBy.hsaId': BO.sub,
      'decision.decidedBy.name': BO.name,
      'decision.motivation': 'Ingen hotbild kvarstår',
    });
    expect(unblockRequestFrom(values)).toEqual({
      threatCheck: { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2026-11-20T09:00:00.000Z', summary: 'BUP och socialtjänsten ser ingen hotbild' },
      decision: { decidedBy: { hsaId: BO.sub, name: BO.name, role: 'UNIT_HEAD' }, decidedAt: '2026-11-20T09:00:00.000Z', reasons: [], motivation: 'Ingen hotbild kvarstår' },
    });
    const one = unblockRequestFrom(readUnblockForm({ guardians: '197805141236', confirmationEmails: 'chef@x.se' }));
    expect(one.guardians).toEqual([{ personnummer: '197805141236' }]);
    expect(one.confirmationEmails).toEqual(['chef@x.se']);
    expect(one.threatCheck).toMatchObject({ otherUnitsConsulted: false, socialServicesConsulted: false });
  });

  it('asks for the threat check beside its questions when a box is left unticked', () => {
    const p = guardianFormProblems(problem('validation-failed', 400, [{ pointer: '/threatCheck/socialServicesConsulted', detail: 'x' }, { pointer: '/guardians/0/personnummer', detail: 'x' }]), UNBLOCK_FIELDS);
    expect(p.fields['threatCheck.socialServicesConsulted']).toContain('socialtjänsten (R19)');
    expect(p.fields.guardians).toContain('Välj vårdnadshavare');
    expect(guardianFormProblems(problem('guardian-block-not-blocked', 409), UNBLOCK_FIELDS).general[0]).toContain('inte i kraft');
  });
});

describe('the blocks kept in the session', () => {
  it('keeps the newest first, each once, at most 20', () => {
    let list = withRecentBlock(undefined, { id: 'a', registryNumber: 'VGR-1' }, NOV_20);
    list = withRecentBlock(list, { id: 'b', registryNumber: 'VGR-2' }, NOV_20);
    list = withRecentBlock(list, { id: 'a', registryNumber: 'VGR-1' }, NOV_20);
    expect(list.map((b) => b.id)).toEqual(['a', 'b']);
    for (let i = 0; i < 30; i++) list = withRecentBlock(list, { id: `x${i}`, registryNumber: `VGR-x${i}` }, NOV_20);
    expect(list).toHaveLength(RECENT_GUARDIAN_BLOCKS_KEPT);
    expect(list[0]?.id).toBe('x29');
  });
});
