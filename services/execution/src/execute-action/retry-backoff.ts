/** Wait before the next attempt at an action: 1 s after the first failure, doubling, at most 60 s. */
export const RETRY_BACKOFF_BASE_MS = 1_000;
export const RETRY_BACKOFF_MAX_MS = 60_000;

/** The pause after `failedAttempts` failed attempts (1, 2, 3, … → 1 s, 2 s, 4 s, … ≤ 60 s). */
export function retryBackoffMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^6 already passes the cap; keep the exponent small so the arithmetic never overflows.
  return Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_BASE_MS * 2 ** Math.min(exponent, 16));
}
