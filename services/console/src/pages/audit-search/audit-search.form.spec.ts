import { PROBLEM_BASE } from '@accessdesk/contracts';
import { auditProblems, auditQueryFrom, instantOf, readAuditForm, registryNumberOf, searchLink } from './audit-search.form';

const PNR = '199001012385';

describe('the audit search form', () => {
  it('reads only its own fields, trimmed, leaving empty ones out', () => {
    expect(readAuditForm({ personnummer: ` ${PNR} `, caseId: '', actorHsaId: 'SE2321000131-E000000000011', _csrf: 'x', cursor: 'c', from: 42 })).toEqual({
      personnummer: PNR,
      actorHsaId: 'SE2321000131-E000000000011',
    });
  });

  it('reads a day as its start in Swedish time, and a day and time as that minute', () => {
    expect(instantOf('2026-11-20')).toBe('2026-11-19T23:00:00.000Z');
    expect(instantOf('2026-06-20 09:30')).toBe('2026-06-20T07:30:00.000Z');
    expect(instantOf('igår')).toBe('igår'); // the gateway names the field
  });

  it('asks a resident by personnummer (separators dropped) with the narrowing, and the rest by query', () => {
    expect(auditQueryFrom({ personnummer: '19900101-2385', from: '2026-11-01', to: '2026-12-01' })).toEqual({
      query: { personnummer: PNR, from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' },
    });
    expect(auditQueryFrom({ actorHsaId: 'se2321000131-e000000000011' })).toEqual({ query: { actorHsaId: 'SE2321000131-E000000000011' } });
    expect(auditQueryFrom({ caseId: 'VGR-2026-000001' }, '6b1f3c2e-1d4a-4f0b-9c7e-2a5d8e9f0a11')).toEqual({ query: { caseId: '6b1f3c2e-1d4a-4f0b-9c7e-2a5d8e9f0a11' } });
  });

  it('refuses before asking: nothing to search by, a resident and a case together, a range that ends before it starts', () => {
    expect(auditQueryFrom({})).toEqual({ problems: { fields: {}, general: [expect.stringContaining('Ange minst ett av')] } });
    expect(auditQueryFrom({ personnummer: PNR, caseId: 'VGR-2026-000001' })).toEqual({ problems: { fields: {}, general: [expect.stringContaining('inte på båda')] } });
    expect(auditQueryFrom({ from: '2026-11-20', to: '2026-11-20' })).toEqual({ problems: { fields: { to: expect.stringContaining('efter') }, general: [] } });
  });

  it('tells a registry number from a case id', () => {
    expect(registryNumberOf({ caseId: 'vgr-2026-000001' })).toBe('VGR-2026-000001');
    expect(registryNumberOf({ caseId: '6b1f3c2e-1d4a-4f0b-9c7e-2a5d8e9f0a11' })).toBeUndefined();
    expect(registryNumberOf({})).toBeUndefined();
  });

  it('puts the gateway’s problems beside the fields, in Swedish', () => {
    const invalid = auditProblems({
      type: `${PROBLEM_BASE}validation-failed`,
      title: 'invalid',
      status: 400,
      errors: [{ pointer: '/from', detail: 'from must be ISO 8601' }, { pointer: '/personnummer', detail: 'x' }],
    });
    expect(invalid.fields).toEqual({ from: expect.stringContaining('2026-11-20'), personnummer: expect.stringContaining('12 siffror') });
    expect(auditProblems({ type: `${PROBLEM_BASE}case-not-found`, title: 'x', status: 404 }).fields.caseId).toContain('Inget ärende');
  });

  it('links a search with its filters as typed, and never with the personnummer', () => {
    const link = searchLink('/granskning', { personnummer: PNR, actorHsaId: 'SE2321000131-E000000000011', from: '2026-11-20 09:00' }, 'abc_-');
    expect(link).toBe('/granskning?actorHsaId=SE2321000131-E000000000011&from=2026-11-20+09%3A00&cursor=abc_-');
    expect(link).not.toContain(PNR);
  });
});
