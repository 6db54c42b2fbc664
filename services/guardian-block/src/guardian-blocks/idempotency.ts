import { createHash } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { canonicalJson, problem } from '@accessdesk/contracts';

/**
 * `Idempotency-Key` (DESIGN.md): the same key from the same caller with the same request answers
 * the same result; with another request it is refused. Requests are compared by a hash of their
 * canonical JSON.
 */
export const IDEMPOTENCY_KEY_REUSED = problem(
  'idempotency-key-reused',
  422,
  'Idempotency-Key already used for another request',
  'This Idempotency-Key was used before with a different request body. Use a new key for a new request.',
);

export function requestHashOf(value: object): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** Two requests with one key at the same moment: the unique index lets one win. */
export function isUniqueViolationOf(err: unknown, constraint: string): boolean {
  return err instanceof QueryFailedError && (err.driverError as { constraint?: string }).constraint === constraint;
}
