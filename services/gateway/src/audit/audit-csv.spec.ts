import { auditCsv, csvCell } from './audit-csv';
import type { TrailRecord } from './audit.response';
import { parseCsv } from '../../test/read-csv';

const record: TrailRecord = {
  trail: 'intake',
  seq: 3,
  id: 'd4c3b2a1-0f9e-4d8c-b7a6-5e4d3c2b1a09',
  at: '2026-11-20T09:31:02.120Z',
  region: 'VGR',
  actor: { sub: 'SE2321000131-E000000000011', name: 'Dr "A", Åsa', region: 'VGR', roles: ['clinician', 'unit_head'], unit: 'SE2321000131-E000000000001' },
  origin: '127.0.0.1',
  action: 'CASE_READ',
  caseId: null,
  residentRef: '9f86d081884c7d659a2feaa0c55ad015',
  detail: '=HYPERLINK("http://evil.example","klicka")\r\nnästa rad',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('the audit extract as CSV', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+46 31 123', `"'+46 31 123"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['a "quoted" word', '"a ""quoted"" word"'],
    ['plain, with comma', '"plain, with comma"'],
    ['', '""'],
  ])('writes %j as %s: a formula is inert, a quote doubled, every cell quoted', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes null and numbers', () => {
    expect(csvCell(null)).toBe('""');
    expect(csvCell(7)).toBe('"7"');
  });

  it('reads back as the records it was written from, a header first, a record per row, with a byte-order mark', () => {
    const csv = auditCsv([record, { ...record, seq: null, trail: 'guardian-block', detail: null }]);
    expect(csv.startsWith('\uFEFF"trail","seq"')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === 16)).toBe(true);
    const [header, first, second] = rows;
    const at = (r: string[], name: string) => r[header.indexOf(name)];
    expect(at(first, 'actorName')).toBe('Dr "A", Åsa');
    expect(at(first, 'actorRoles')).toBe('clinician unit_head');
    expect(at(first, 'detail')).toBe(`'=HYPERLINK("http://evil.example","klicka")\r\nnästa rad`);
    expect(at(second, 'seq')).toBe('');
    expect(at(second, 'trail')).toBe('guardian-block');
  });
});
