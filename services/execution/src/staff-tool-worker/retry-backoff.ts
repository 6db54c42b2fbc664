import { Backoff } from '@accessdesk/persistence';

/**
 * How long a staff tool that does not answer is tried for one action before the adapter reconciles
 * with the account's state (issue 9, item 3): long enough to outlast a restart or a short outage of
 * the tool, not a few seconds. Configurable per deployment (STAFF_TOOL_RETRY_PERIOD_MS).
 */
export const STAFF_TOOL_RETRY_PERIOD_MS = 10 * 60_000;

/** Wait before the next attempt at an action: 1 s after the first failure, doubling, at most 60 s. */
export const STAFF_TOOL_BACKOFF: Backoff = { firstMs: 1_000, maxMs: 60_000 };

/**
 * Whether the worker stops trying an action the staff tool did not answer: after `maxAttempts`, or
 * once the retry period since the action was accepted has passed (whichever comes first).
 */
export function staffToolRetriesExhausted(attempts: number, acceptedAt: Date, now: Date, limits: { maxAttempts: number; periodMs: number }): boolean {
  return attempts >= limits.maxAttempts || now.getTime() - acceptedAt.getTime() >= limits.periodMs;
}
