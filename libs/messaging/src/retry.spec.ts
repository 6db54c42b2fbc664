import { isTransient, TransientError } from './errors';
import { DEFAULT_RETRY_POLICY, failureHistory, nextStep, RETRY_HEADERS } from './retry';

describe('a failed message waits and comes back, or dies with its reason', () => {
  const policy = DEFAULT_RETRY_POLICY;
  const t0 = Date.parse('2026-12-01T10:00:00Z');

  it('retries a transient failure after a growing delay, capped at the last one, for as long as the policy says', () => {
    const delays: number[] = [];
    let history = failureHistory(undefined);
    let now = t0;
    for (;;) {
      const step = nextStep(history, true, now, policy, 'database down');
      if (step.kind === 'dead-letter') {
        expect(step.reason).toMatch(/^transient failure for 36\d\d s/);
        break;
      }
      delays.push(step.delayMs);
      now += step.delayMs;
      history = { failures: step.failures, firstFailedAt: step.firstFailedAt };
    }
    expect(delays.slice(0, 6)).toEqual([1000, 5000, 15000, 30000, 60000, 60000]);
    // A ten-minute outage is outlasted many times over.
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60 * 60 * 1000 - 60_000);
  });

  it('dead-letters a failure that is not transient after five tries, naming the error', () => {
    let history = failureHistory({});
    const kinds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const step = nextStep(history, false, t0, policy, 'TypeError: x is undefined');
      kinds.push(step.kind);
      if (step.kind === 'retry') history = { failures: step.failures, firstFailedAt: step.firstFailedAt };
      else expect(step.reason).toBe('failed 5 times: TypeError: x is undefined');
    }
    expect(kinds).toEqual(['retry', 'retry', 'retry', 'retry', 'dead-letter']);
  });

  it('reads the history from the headers of a retried copy, and ignores nonsense', () => {
    expect(failureHistory({ [RETRY_HEADERS.failures]: 3, [RETRY_HEADERS.firstFailedAt]: t0 })).toEqual({ failures: 3, firstFailedAt: t0 });
    expect(failureHistory({ [RETRY_HEADERS.failures]: 'x', [RETRY_HEADERS.firstFailedAt]: -1 })).toEqual({ failures: 0, firstFailedAt: null });
  });
});

describe('errors are classified explicitly', () => {
  it('takes outages of the database, the network and outside systems as transient', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isTransient(refused)).toBe(true);
    expect(isTransient(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransient(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // TypeORM wraps the driver's error; fetch wraps the socket's.
    expect(isTransient(Object.assign(new Error('QueryFailedError'), { driverError: refused }))).toBe(true);
    expect(isTransient(new TypeError('fetch failed', { cause: refused }))).toBe(true);
    expect(isTransient(new TransientError('population register answered 503'))).toBe(true);
    expect(isTransient(Object.assign(new Error('register down'), { transient: true }))).toBe(true);
  });

  it('takes everything else as the message’s own failure', () => {
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isTransient(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isTransient(Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }))).toBe(false);
    expect(isTransient('a string')).toBe(false);
    expect(isTransient(null)).toBe(false);
  });
});
