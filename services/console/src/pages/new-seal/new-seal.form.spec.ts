import { careProblems } from '../care-forms/decision-form';
import { SEAL_FIELDS, SEAL_MESSAGES, blankSealForm, readSealForm, sealRequestFrom } from './new-seal.form';

const DR_A = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician' as const], unit: 'SE2321000131-E000000000001' };
const blank = () => blankSealForm(DR_A, new Date('2026-11-20T09:00:00Z'), 'key-1');

describe('the journal seal form (R21)', () => {
  it('seals the whole journal, for a period given as dates in Swedish time', () => {
    const request = sealRequestFrom(readSealForm({ ...blank(), 'sealScope.whole': 'whole', 'sealScope.careUnits': 'SE2321000131-E000000000002', 'sealScope.from': '2026-12-01', 'sealScope.to': '' }));
    expect(request.type).toBe('JOURNAL_SEAL');
    // The named units of an abandoned choice are not sent with "whole".
    expect(request.sealScope).toEqual({ whole: true, from: '2026-11-30T23:00:00.000Z', to: null });
  });

  it('seals named care providers and units, one HSA-id per line', () => {
    const request = sealRequestFrom(
      readSealForm({ ...blank(), 'sealScope.whole': 'named', 'sealScope.careProviders': 'SE2321000131-E000000000000\r\n', 'sealScope.careUnits': 'SE2321000131-E000000000001\nSE2321000131-E000000000002, ' }),
    );
    expect(request.sealScope).toEqual({ whole: false, careProviders: ['SE2321000131-E000000000000'], careUnits: ['SE2321000131-E000000000001', 'SE2321000131-E000000000002'], from: null, to: null });
  });

  it('sends an unanswered scope as it is, so that intake names the question', () => {
    expect(sealRequestFrom(readSealForm(blank())).sealScope).toEqual({ from: null, to: null });
  });

  it('puts the problems beside the seal fields, in Swedish', () => {
    const base = 'https://accessdesk.se/problems/';
    expect(careProblems({ type: `${base}seal-scope-missing`, title: '', status: 422 }, SEAL_FIELDS, SEAL_MESSAGES).fields).toEqual({ 'sealScope.whole': expect.stringContaining('hela journalen') });
    const invalid = careProblems({ type: `${base}validation-failed`, title: '', status: 400, errors: [{ pointer: '/sealScope/careUnits/1', detail: 'x' }] }, SEAL_FIELDS, SEAL_MESSAGES);
    expect(invalid.fields).toEqual({ 'sealScope.careUnits': SEAL_MESSAGES['sealScope.careUnits'] });
  });
});
