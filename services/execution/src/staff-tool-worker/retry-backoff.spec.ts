import { backoffMs } from '@accessdesk/persistence';
import { STAFF_TOOL_BACKOFF, STAFF_TOOL_RETRY_PERIOD_MS, staffToolRetriesExhausted } from './retry-backoff';

const retryBackoffMs = (failures: number) => backoffMs(failures, STAFF_TOOL_BACKOFF);

describe('retryBackoffMs', () => {
  it('doubles from one second and stops at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryBackoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(retryBackoffMs(1_000)).toBe(60_000);
  });
});

describe('staffToolRetriesExhausted', () => {
  const accepted = new Date('2026-12-01T10:00:00Z');
  const at = (ms: number) => new Date(accepted.getTime() + ms);
  const limits = { maxAttempts: 100, periodMs: STAFF_TOOL_RETRY_PERIOD_MS };

  it('tries the staff tool for ten minutes by default, not seconds', () => {
    expect(STAFF_TOOL_RETRY_PERIOD_MS).toBe(600_000);
    expect(staffToolRetriesExhausted(5, accepted, at(31_000), limits)).toBe(false);
    expect(staffToolRetriesExhausted(14, accepted, at(599_000), limits)).toBe(false);
    expect(staffToolRetriesExhausted(15, accepted, at(600_000), limits)).toBe(true);
  });

  it('stops at the attempt cap even inside the period', () => {
    expect(staffToolRetriesExhausted(3, accepted, at(5_000), { maxAttempts: 3, periodMs: STAFF_TOOL_RETRY_PERIOD_MS })).toBe(true);
  });
});
