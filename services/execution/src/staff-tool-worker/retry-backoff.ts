/**
 * How long a staff tool that does not answer is tried for one action before the adapter reconciles
 * with the account's state (issue 9, item 3): long enough to outlast a restart or a short outage of
 * the tool, not a few seconds. Configurable per deployment (STAFF_TOOL_RETRY_PERIOD_MS).
 */
export const STAFF_TOOL_RETRY_PERIOD_MS = 10 * 60_000;

/** Wait before the next attempt at an action: 1 s after the first failure, doubling, at most 60 s. */
export const RETRY_BACKOFF_BASE_MS = 1_000;
export const RETRY_BACKOFF_MAX_MS = 60_000;

/** The pause after `failedAttempts` failed attempts (1, 2, 3, … → 1 s, 2 s, 4 s, … ≤ 60 s). */
export function retryBackoffMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^6 already passes the cap; keep the exponent small so the arithmetic never overflows.
  return Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_BASE_MS * 2 ** Math.min(exponent, 16));
}

/**
 * Whether the worker stops trying an action the staff tool did not answer: after `maxAttempts`, or
 * once the retry period since the action was accepted has passed (whichever comes first).
 */
export function staffToolRetriesExhausted(attempts: number, acceptedAt: Date, now: Date, limits: { maxAttempts: number; periodMs: number }): boolean {
  return attempts >= limits.maxAttempts || now.getTime() - acceptedAt.getTime() >= limits.periodMs;
}
