import type { AuditRecord } from '@accessdesk/audit';
import { encodeCursor } from '@accessdesk/contracts';
import { ProblemException } from '../problems/problem.exception';
import { TrailPage, mergeTrailPages, readAuditCursor, writeAuditCursor } from './audit-pages';

let n = 0;
function record(seq: number | null, at: string): AuditRecord {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { seq, id, at, region: 'VGR', actor: { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'] }, origin: null, action: 'CASE_READ', caseId: null, residentRef: null, detail: null, prevHash: null, hash: null };
}

describe('paging through several audit trails', () => {
  it('takes the oldest head first, keeps each trail’s own order, and stands after the last record taken from each', () => {
    const intake = [record(1, '2026-11-20T09:00:00.000Z'), record(2, '2026-11-20T09:00:03.000Z'), record(3, '2026-11-20T09:00:01.000Z')];
    const blocks = [record(7, '2026-11-20T09:00:02.000Z'), record(null, '2026-11-20T09:00:04.000Z')];
    const pages: TrailPage[] = [
      { trail: 'intake', records: intake, more: true },
      { trail: 'guardian-block', records: blocks, more: false },
    ];
    const merged = mergeTrailPages(pages, { intake: {}, 'guardian-block': {} }, 3);
    // intake's seq 3 is older than its seq 2, yet comes after it: a trail is read in its own order.
    expect(merged.records.map((r) => [r.trail, r.seq])).toEqual([
      ['intake', 1],
      ['guardian-block', 7],
      ['intake', 2],
    ]);
    expect(merged.positions).toEqual({ intake: { afterSeq: 2 }, 'guardian-block': { afterSeq: 7 } });
    expect(merged.more).toBe(true);
    const rest = mergeTrailPages([{ trail: 'intake', records: [intake[2]], more: false }, { trail: 'guardian-block', records: [blocks[1]], more: false }], merged.positions, 3);
    expect(rest.records.map((r) => r.seq)).toEqual([3, null]);
    expect(rest.positions).toEqual({ intake: { afterSeq: 3 }, 'guardian-block': { afterUnlinkedId: blocks[1].id } });
    expect(rest.more).toBe(false);
  });

  it('keeps the position of a trail that gave nothing to the page', () => {
    const merged = mergeTrailPages([{ trail: 'intake', records: [], more: false }], { intake: { afterSeq: 12 } }, 5);
    expect(merged).toEqual({ records: [], positions: { intake: { afterSeq: 12 } }, more: false });
  });

  it('reads back the cursor it writes, and refuses one it did not write', () => {
    const positions = { intake: { afterSeq: 4 }, 'guardian-block': { afterUnlinkedId: '00000000-0000-4000-8000-000000000001' } };
    expect(readAuditCursor(writeAuditCursor(positions))).toEqual(positions);
    for (const bad of ['@@', encodeCursor({ t: 'x' }), encodeCursor({ at: 'x' }), Buffer.from(JSON.stringify({ t: { execution: {} } })).toString('base64url'), Buffer.from(JSON.stringify({ t: { intake: { afterSeq: -1 } } })).toString('base64url'), Buffer.from(JSON.stringify({ t: { intake: { afterUnlinkedId: 'x' } } })).toString('base64url'), Buffer.from(JSON.stringify({ t: {} })).toString('base64url')]) {
      expect(() => readAuditCursor(bad)).toThrow(ProblemException);
    }
  });
});
