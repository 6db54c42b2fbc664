/** How a pause grows with failures in a row: `firstMs` after the first, doubling, never above `maxMs`. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/**
 * The pause after `failures` failures in a row (1, 2, 3, … → first, 2 × first, 4 × first, … ≤ max).
 * The one backoff of the code base: worker rounds, the outbox relay, reconnecting to the broker, the
 * staff tool's and the mail server's retries.
 */
export function backoffMs(failures: number, { firstMs, maxMs }: Backoff): number {
  if (failures <= 0) return 0;
  // 2^30 passes any cap; a small exponent keeps the arithmetic exact.
  return Math.min(maxMs, firstMs * 2 ** Math.min(failures - 1, 30));
}
