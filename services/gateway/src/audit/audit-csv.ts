import type { TrailRecord } from './audit.response';

/**
 * An audit extract as CSV (RFC 4180): a header row, then one row per record; every cell quoted,
 * a quote doubled, rows ended by CRLF. A cell that a spreadsheet would read as a formula (one that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's "CSV injection") is prefixed
 * with `'`, so that it is shown as the text it is. UTF-8 with a byte-order mark, so that Excel shows
 * å, ä and ö as they are.
 */
export const AUDIT_CSV_COLUMNS = [
  'trail',
  'seq',
  'id',
  'at',
  'region',
  'action',
  'actorSub',
  'actorName',
  'actorRoles',
  'actorUnit',
  'origin',
  'caseId',
  'residentRef',
  'detail',
  'prevHash',
  'hash',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = '\uFEFF';

/** One cell, safe to open in a spreadsheet. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${inert.replace(/"/g, '""')}"`;
}

function row(cells: Array<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function auditCsvRow(r: TrailRecord): string {
  return row([
    r.trail,
    r.seq,
    r.id,
    r.at,
    r.region,
    r.action,
    r.actor.sub,
    r.actor.name,
    r.actor.roles.join(' '),
    r.actor.unit,
    r.origin,
    r.caseId,
    r.residentRef,
    r.detail,
    r.prevHash,
    r.hash,
  ]);
}

export function auditCsv(records: TrailRecord[]): string {
  return BOM + row([...AUDIT_CSV_COLUMNS]) + records.map(auditCsvRow).join('');
}
