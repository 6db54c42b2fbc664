/**
 * Keyset pagination: a cursor is the position of the last item a page held, opaque to clients
 * (base64url of a small JSON object). Whoever made it reads it back; a cursor that does not decode
 * to an object of the expected fields is a bad request (`cursor-invalid`), never a crash.
 */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor holds, or null when it is not one of ours. */
export function decodeCursor(cursor: string): Record<string, unknown> | null {
  if (!CURSOR.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What a cursor looks like on the wire: base64url, bounded. */
export const CURSOR = /^[A-Za-z0-9_-]{1,512}$/;
