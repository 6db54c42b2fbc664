import { fromSwedishWallClock, swedishDate, swedishDateTime, swedishWallClock } from './swedish-time';

describe('Swedish local time', () => {
  it('is UTC+1 in winter and UTC+2 in summer, so a Swedish day starts before UTC’s', () => {
    expect(swedishDate('2026-11-20T23:30:00Z')).toBe('2026-11-21');
    expect(swedishDate('2026-05-10T22:30:00Z')).toBe('2026-05-11');
    expect(swedishDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(swedishDateTime('2026-11-20T09:05:00Z')).toBe('2026-11-20 kl. 10:05');
    expect(swedishDateTime('2026-07-01T09:05:00Z')).toBe('2026-07-01 kl. 11:05');
  });

  it('turns a Swedish wall clock back into the instant, across the clock changes', () => {
    const roundTrip = (iso: string) => fromSwedishWallClock(swedishWallClock(new Date(iso)), new Date(iso).getUTCMilliseconds()).toISOString();
    for (const iso of ['2026-01-15T08:00:00.000Z', '2026-07-15T08:00:00.250Z', '2026-03-29T00:59:59.000Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:30:00.000Z']) {
      expect(roundTrip(iso)).toBe(iso);
    }
    expect(fromSwedishWallClock({ year: 2026, month: 11, day: 20, hour: 10, minute: 5, second: 0 }).toISOString()).toBe('2026-11-20T09:05:00.000Z');
    expect(fromSwedishWallClock({ year: 2026, month: 8, day: 20, hour: 10, minute: 5, second: 0 }).toISOString()).toBe('2026-08-20T08:05:00.000Z');
    // 02:30 on 29 March 2026 is never shown (the clocks go from 02:00 to 03:00): it comes out as 03:30.
    expect(fromSwedishWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
