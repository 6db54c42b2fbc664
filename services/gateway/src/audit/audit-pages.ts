import { AuditRecord } from '@accessdesk/audit';
import { decodeCursor, encodeCursor } from '@accessdesk/contracts';
import { ProblemException } from '../problems/problem.exception';
import { TRAILS, Trail, TrailRecord } from './audit.response';

/**
 * Paging through the audit trails. Each trail is one service's hash chain, read in its own order
 * (`seq`, so that a record written while the pages are read never shifts what follows); a page of
 * several trails interleaves them by time, taking from the head of whichever trail's next record is
 * oldest, so that each trail gives a prefix of its order and its place is one position. The cursor
 * holds every trail's position: base64url, opaque to clients.
 */

/** Where a trail's reading stands: after a linked record's `seq`, or after a record not linked yet. */
export type TrailPosition = { afterSeq: number } | { afterUnlinkedId: string } | Record<string, never>;

/** Every asked trail's position. */
export type TrailPositions = Partial<Record<Trail, TrailPosition>>;

/** A trail's answer to one page's question: its next records in its order, and whether it has more. */
export interface TrailPage {
  trail: Trail;
  records: AuditRecord[];
  more: boolean;
}

export const AUDIT_CURSOR_INVALID = ProblemException.of('cursor-invalid', 400, 'The cursor is not valid', 'Send the nextCursor of an earlier page unchanged, with the same filters.');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isPosition(value: unknown): value is TrailPosition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const v = value as Record<string, unknown>;
  if (keys.length === 0) return true;
  if (keys.length !== 1) return false;
  if (keys[0] === 'afterSeq') return Number.isSafeInteger(v.afterSeq) && (v.afterSeq as number) >= 0;
  return keys[0] === 'afterUnlinkedId' && typeof v.afterUnlinkedId === 'string' && UUID.test(v.afterUnlinkedId);
}

/** The positions a cursor holds; a cursor that is not one of ours is a bad request. */
export function readAuditCursor(cursor: string): TrailPositions {
  const decoded = decodeCursor(cursor);
  const trails = decoded?.t;
  if (typeof trails !== 'object' || trails === null || Array.isArray(trails)) throw AUDIT_CURSOR_INVALID;
  const entries = Object.entries(trails);
  if (entries.length === 0 || !entries.every(([trail, position]) => (TRAILS as readonly string[]).includes(trail) && isPosition(position))) throw AUDIT_CURSOR_INVALID;
  return Object.fromEntries(entries) as TrailPositions;
}

export function writeAuditCursor(positions: TrailPositions): string {
  return encodeCursor({ t: positions } as unknown as Record<string, string>);
}

function positionAfter(record: AuditRecord): TrailPosition {
  return record.seq === null ? { afterUnlinkedId: record.id } : { afterSeq: record.seq };
}

/**
 * At most `limit` records of the trails' pages, oldest head first, each trail's records in its own
 * order; the positions after them, and whether any trail has records left (then a next page).
 */
export function mergeTrailPages(pages: TrailPage[], positions: TrailPositions, limit: number): { records: TrailRecord[]; positions: TrailPositions; more: boolean } {
  const heads = pages.map((p) => ({ ...p, next: 0 }));
  const records: TrailRecord[] = [];
  const after: TrailPositions = { ...positions };
  while (records.length < limit) {
    let pick: (typeof heads)[number] | undefined;
    for (const h of heads) {
      if (h.next >= h.records.length) continue;
      if (!pick || h.records[h.next].at < pick.records[pick.next].at) pick = h;
    }
    if (!pick) break;
    const record = pick.records[pick.next];
    pick.next += 1;
    records.push({ ...record, trail: pick.trail });
    after[pick.trail] = positionAfter(record);
  }
  const more = heads.some((h) => h.more || h.next < h.records.length);
  return { records, positions: after, more };
}
