import { validateSync } from 'class-validator';
import { IsIsoDuration, addIsoDuration, parseIsoDuration } from './iso-duration';

const NONE = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['P3M', { ...NONE, months: 3 }],
    ['P1D', { ...NONE, days: 1 }],
    ['PT5S', { ...NONE, seconds: 5 }],
    ['P2W', { ...NONE, weeks: 2 }],
    ['P1Y2M3DT4H5M6S', { years: 1, months: 2, weeks: 0, days: 3, hours: 4, minutes: 5, seconds: 6 }],
    ['PT36H', { ...NONE, hours: 36 }],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual(expected);
  });

  it.each(['', 'P', '3M', 'PT', 'P1.5M', 'P1DT', 'p3m', 'P3M ', 'P-1D', 'PT1S2M', 'P1M2Y', 'P99999999999999999999D'])(
    'refuses %j with a clear message',
    (text) => {
      expect(() => parseIsoDuration(text)).toThrow(/is not an ISO 8601 duration/);
    },
  );
});

describe('addIsoDuration', () => {
  const at = (iso: string) => new Date(iso);
  const plus = (iso: string, text: string) => addIsoDuration(at(iso), parseIsoDuration(text)).toISOString();

  it('adds months on the calendar, keeping the time of day', () => {
    expect(plus('2026-11-20T09:15:30.250Z', 'P3M')).toBe('2027-02-20T09:15:30.250Z');
  });

  it('clamps to the last day of a shorter month, as PostgreSQL does', () => {
    expect(plus('2026-01-31T12:00:00.000Z', 'P1M')).toBe('2026-02-28T12:00:00.000Z');
    expect(plus('2028-01-31T12:00:00.000Z', 'P1M')).toBe('2028-02-29T12:00:00.000Z');
    expect(plus('2026-11-30T08:00:00.000Z', 'P3M')).toBe('2027-02-28T08:00:00.000Z');
    expect(plus('2028-02-29T00:00:00.000Z', 'P1Y')).toBe('2029-02-28T00:00:00.000Z');
  });

  it('adds days, weeks and time after the months', () => {
    expect(plus('2026-01-31T00:00:00.000Z', 'P1M1D')).toBe('2026-03-01T00:00:00.000Z');
    expect(plus('2026-12-28T00:00:00.000Z', 'P2W')).toBe('2027-01-11T00:00:00.000Z');
    expect(plus('2026-03-01T00:00:00.000Z', 'P1D')).toBe('2026-03-02T00:00:00.000Z');
    expect(plus('2026-03-01T00:00:00.000Z', 'PT5S')).toBe('2026-03-01T00:00:05.000Z');
    expect(plus('2026-01-01T00:00:00.000Z', 'P1Y2M3DT4H5M6S')).toBe('2027-03-04T04:05:06.000Z');
  });

  it('crosses year ends in both directions of the month arithmetic', () => {
    // 02:00 summer time on 15 October is 02:00 winter time on 15 January: an hour later in UTC.
    expect(plus('2026-10-15T00:00:00.000Z', 'P15M')).toBe('2028-01-15T01:00:00.000Z');
  });

  it('R9 counts on the Swedish calendar and wall clock, not UTC’s', () => {
    // 00:30 on 30 November in Sweden (still the 29th in UTC): three months on is 28 February, 00:30.
    expect(plus('2026-11-29T23:30:00.000Z', 'P3M')).toBe('2027-02-27T23:30:00.000Z');
    // 10:00 on 20 August (summer time) plus three months is 10:00 on 20 November (winter time).
    expect(plus('2026-08-20T08:00:00.000Z', 'P3M')).toBe('2026-11-20T09:00:00.000Z');
    // A day is a calendar day across the change to summer time; hours are hours that pass.
    expect(plus('2026-03-28T11:00:00.000Z', 'P1D')).toBe('2026-03-29T10:00:00.000Z');
    expect(plus('2026-03-28T11:00:00.000Z', 'PT24H')).toBe('2026-03-29T11:00:00.000Z');
  });
});

describe('IsIsoDuration', () => {
  class Config {
    @IsIsoDuration() PERIOD: unknown = 'P3M';
  }

  it('accepts a duration and refuses anything else, naming the property', () => {
    const good = new Config();
    expect(validateSync(good)).toHaveLength(0);
    const bad = Object.assign(new Config(), { PERIOD: '3 months' });
    const errors = validateSync(bad);
    expect(errors).toHaveLength(1);
    expect(Object.values(errors[0].constraints ?? {})[0]).toMatch(/^PERIOD must be an ISO 8601 duration/);
    expect(validateSync(Object.assign(new Config(), { PERIOD: 3 }))).toHaveLength(1);
  });
});
