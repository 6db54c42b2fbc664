import { retryBackoffMs } from './retry-backoff';

describe('retryBackoffMs', () => {
  it('doubles from one second and stops at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryBackoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(retryBackoffMs(1_000)).toBe(60_000);
  });
});
