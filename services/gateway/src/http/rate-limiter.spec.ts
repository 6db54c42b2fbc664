import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('lets a burst through, then refuses with the seconds until the next call is allowed', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('refills at the configured rate and never above the burst', () => {
    let now = 0;
    const limiter = new RateLimiter(6, 2, () => now);
    limiter.take('a');
    limiter.take('a');
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 60 * 60_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });
});
