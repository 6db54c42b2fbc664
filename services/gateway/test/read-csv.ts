/** Test helper: reads back the CSV extracts the gateway writes, as a spreadsheet would. */

/** RFC 4180 read back: quoted cells, doubled quotes, CRLF rows (a CRLF inside quotes is data). */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}
