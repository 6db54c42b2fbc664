import { auditChainView, describeBreak, explainBreak } from './audit-chain.view';

describe('the chain check explained', () => {
  it('says why a chain broke in Swedish, for each reason libs/audit gives', () => {
    expect(explainBreak('record 7 is missing')).toContain('Post nr 7 saknas');
    expect(explainBreak('does not follow the record before it')).toContain('följer inte');
    expect(explainBreak('its content does not match its hash')).toContain('ändrats');
    expect(explainBreak('a record not yet linked into the chain does not match its content hash')).toContain('ännu inte');
    expect(explainBreak('a record of another region does not fit')).toContain('annan region');
    expect(explainBreak('something new')).toBe('En post stämmer inte med kedjan.');
  });

  it('names where: the record, one not yet linked, or none for another region’s', () => {
    expect(describeBreak({ seq: 12, id: 'r-12' })).toBe('Post nr 12 i kedjan (id r-12).');
    expect(describeBreak({ seq: null, id: 'r-x' })).toContain('ännu inte hade länkats');
    expect(describeBreak(null)).toContain('annan region');
  });

  it('shows a whole chain with the records not yet linked, and a broken one with where and why', () => {
    const whole = auditChainView(
      {
        valid: true,
        records: 40,
        trails: {
          intake: { valid: true, records: 38, lastHash: 'h', unlinked: { count: 2, first: [{ id: 'a', at: '2026-11-20T09:00:00Z' }] } },
          'guardian-block': { valid: true, records: 2, lastHash: 'g', unlinked: { count: 0, first: [] } },
        },
      },
      new Date('2026-11-20T09:01:00Z'),
    ).value;
    expect(whole).toContain('Loggkedjan är hel');
    expect(whole).toContain('Alla 40 loggposter');
    expect(whole).toContain('2 poster, den första sparad 2026-11-20 10:00');
    const broken = auditChainView(
      {
        valid: false,
        records: 5,
        brokenAt: { seq: 3, id: 'r-3', trail: 'intake' },
        reason: 'its content does not match its hash',
        trails: {
          intake: { valid: false, records: 2, brokenAt: { seq: 3, id: 'r-3' }, reason: 'its content does not match its hash' },
          'guardian-block': { valid: true, records: 3, lastHash: 'g', unlinked: { count: 0, first: [] } },
        },
      },
      new Date(),
    ).value;
    expect(broken).toContain('Loggkedjan är bruten');
    expect(broken).toContain('Post nr 3 i kedjan (id r-3)');
    expect(broken).toContain('har ändrats efter att den skrevs');
  });
});
