import { decodeCursor, encodeCursor, problem } from '@accessdesk/contracts';

/**
 * Keyset pagination over a timestamp and an id: a page ends at a row, and the next begins after
 * it. The timestamp is carried to the microsecond, as PostgreSQL keeps it: a JavaScript Date would
 * round it to the millisecond, and the next page would repeat or skip the rows of that millisecond.
 */
export interface KeysetPosition {
  at: string;
  id: string;
}

export const CURSOR_INVALID = problem('cursor-invalid', 400, 'The cursor is not valid', 'Send the nextCursor of an earlier page unchanged, with the same filters.');

const EXACT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SQL of a timestamptz column as a cursor keeps it (e.g. `exactInstant('c.created_at')`). */
export function exactInstant(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The position a cursor names, null without one; `invalid` for a cursor this code did not make. */
export function readCursor(cursor: string | undefined): KeysetPosition | null | 'invalid' {
  if (cursor === undefined) return null;
  const position = decodeCursor(cursor);
  if (!position || typeof position.at !== 'string' || !EXACT_INSTANT.test(position.at) || typeof position.id !== 'string' || !UUID.test(position.id)) return 'invalid';
  return { at: position.at, id: position.id };
}

export function writeCursor(position: KeysetPosition): string {
  return encodeCursor({ at: position.at, id: position.id });
}
