import { backoffMs } from './backoff';

describe('backoffMs', () => {
  const backoff = { firstMs: 1_000, maxMs: 60_000 };

  it('waits nothing before a failure, then the first pause, doubling', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(n, backoff))).toEqual([0, 1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffMs(7, backoff)).toBe(60_000);
    expect(backoffMs(10_000, backoff)).toBe(60_000);
  });
});
