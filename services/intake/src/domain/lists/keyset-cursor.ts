import { decodeCursor, encodeCursor, problem } from '@accessdesk/contracts';

/**
 * The keyset of intake's lists: a row's `created_at` to the microsecond, as PostgreSQL keeps it (a
 * JavaScript Date would round it, and the page after would repeat or skip a row), and its id.
 */
export interface KeysetPosition {
  at: string;
  id: string;
}

export const CURSOR_INVALID = problem('cursor-invalid', 400, 'The cursor is not valid', 'Send the nextCursor of an earlier page unchanged, with the same filters.');

const EXACT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The SQL of `alias.created_at` as a cursor keeps it. */
export function createdAtExact(alias: string): string {
  return `to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The position a cursor names; `invalid` for one intake did not make. */
export function readCursor(cursor: string | undefined): KeysetPosition | null | 'invalid' {
  if (cursor === undefined) return null;
  const position = decodeCursor(cursor);
  if (!position || typeof position.at !== 'string' || !EXACT_INSTANT.test(position.at) || typeof position.id !== 'string' || !UUID.test(position.id)) return 'invalid';
  return { at: position.at, id: position.id };
}

export function writeCursor(position: KeysetPosition): string {
  return encodeCursor({ at: position.at, id: position.id });
}
