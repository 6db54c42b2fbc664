/**
 * What happens to a message whose handler failed. The message is never handed back to its queue
 * (`nack` with requeue): on RabbitMQ every redelivery counts toward the quorum queue's delivery limit,
 * so an outage of a few seconds would dead-letter it. Instead a copy goes to a delay queue and comes
 * back after the delay (the original is acknowledged once the copy is confirmed); the copy carries
 * how often it failed and since when. The delivery limit is then spent only by deliveries that were
 * never settled: a consumer killed while it held the message, a broker restart.
 *
 * - A transient failure (errors.ts) is tried again after 1 s, 5 s, 15 s, 30 s, then every 60 s,
 *   for `retryForMs` (an hour by default: longer than a 10-minute outage of the database or a register).
 * - Any other failure is tried again after the shortest delay, `permanentAttempts` times in all, then
 *   dead-lettered with the reason.
 */

/** Headers a retried copy carries. */
export const RETRY_HEADERS = {
  failures: 'x-accessdesk-failures',
  firstFailedAt: 'x-accessdesk-first-failed-at',
  lastError: 'x-accessdesk-last-error',
} as const;

/** Headers a dead letter carries, for the operator who reads the dead-letter queue. */
export const DEATH_HEADERS = {
  reason: 'x-accessdesk-death-reason',
  diedAt: 'x-accessdesk-died-at',
  queue: 'x-accessdesk-queue',
  failures: 'x-accessdesk-failures',
} as const;

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 15_000, 30_000, 60_000];
export const DEFAULT_RETRY_FOR_MS = 60 * 60 * 1000;
export const DEFAULT_PERMANENT_ATTEMPTS = 5;

export interface RetryPolicy {
  /** The delays, shortest first; the last repeats. Each is a delay queue of its own on the broker. */
  delaysMs: readonly number[];
  /** How long a transient failure is retried, from the first failure. */
  retryForMs: number;
  /** Tries in all for a failure that is not transient. */
  permanentAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: DEFAULT_RETRY_DELAYS_MS,
  retryForMs: DEFAULT_RETRY_FOR_MS,
  permanentAttempts: DEFAULT_PERMANENT_ATTEMPTS,
};

export interface FailureHistory {
  /** Failures before this one. */
  failures: number;
  /** When the first failure happened (ms since the epoch); null before the first. */
  firstFailedAt: number | null;
}

export type NextStep =
  | { kind: 'retry'; delayMs: number; failures: number; firstFailedAt: number }
  | { kind: 'dead-letter'; reason: string; failures: number };

/** Reads the history a retried copy carries; absent or malformed headers mean a first failure. */
export function failureHistory(headers: Record<string, unknown> | undefined): FailureHistory {
  const failures = Number(headers?.[RETRY_HEADERS.failures]);
  const first = Number(headers?.[RETRY_HEADERS.firstFailedAt]);
  return {
    failures: Number.isInteger(failures) && failures > 0 ? failures : 0,
    firstFailedAt: Number.isFinite(first) && first > 0 ? first : null,
  };
}

/** Decides, from the history and this failure, whether the message waits and comes back or dies. */
export function nextStep(history: FailureHistory, transient: boolean, now: number, policy: RetryPolicy, error: string): NextStep {
  const failures = history.failures + 1;
  const firstFailedAt = history.firstFailedAt ?? now;
  if (transient) {
    if (now - firstFailedAt >= policy.retryForMs) {
      return { kind: 'dead-letter', failures, reason: `transient failure for ${Math.round((now - firstFailedAt) / 1000)} s (${failures} tries): ${error}` };
    }
    const delayMs = policy.delaysMs[Math.min(failures - 1, policy.delaysMs.length - 1)];
    return { kind: 'retry', delayMs, failures, firstFailedAt };
  }
  if (failures >= policy.permanentAttempts) {
    return { kind: 'dead-letter', failures, reason: `failed ${failures} times: ${error}` };
  }
  return { kind: 'retry', delayMs: policy.delaysMs[0], failures, firstFailedAt };
}
