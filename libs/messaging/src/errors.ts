/**
 * Which failures of a handler say nothing about the message: the database, the broker or an outside
 * system (a register, the staff tool, the mail server) was out of reach or too slow. Those are
 * retried with a growing delay for as long as an outage may last; every other failure is taken to be
 * the message's own (or a bug that fails the same way each time) and, after a few tries, dead-lettered.
 */

/** Thrown (or extended) by a handler whose failure is an outside system's, not the message's. */
export class TransientError extends Error {
  override readonly name: string = 'TransientError';
  readonly transient = true;
}

/** PostgreSQL error classes and codes that mean "try again later" (Appendix A of its manual). */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '58']; // connection exception, insufficient resources, system error
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled (statement_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '25P03', // idle_in_transaction_session_timeout
]);

/** Network failures of Node's sockets and fetch. */
const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const TRANSIENT_NAMES = new Set(['TimeoutError', 'AbortError', 'NotConnectedError']);

/** What node-postgres says, without a code, when the server or the pool is gone or slow. */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection is not queryable/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /cannot use a pool after calling end/i,
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** True when `err`, or what it wraps (`cause`, TypeORM's `driverError`), is a transient failure. */
export function isTransient(err: unknown, depth = 0): boolean {
  if (!isRecord(err) || depth > 5) return false;
  if (err.transient === true) return true;
  const code = typeof err.code === 'string' ? err.code : '';
  if (/^[0-9A-Z]{5}$/.test(code) && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2)))) return true;
  if (TRANSIENT_SYSTEM_CODES.has(code)) return true;
  if (typeof err.name === 'string' && TRANSIENT_NAMES.has(err.name)) return true;
  if (typeof err.message === 'string' && TRANSIENT_MESSAGES.some((m) => m.test(err.message as string))) return true;
  return isTransient(err.cause, depth + 1) || isTransient(err.driverError, depth + 1);
}
