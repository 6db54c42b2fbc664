import { ValidationOptions, registerDecorator } from 'class-validator';
import { fromSwedishWallClock, swedishWallClock } from '@accessdesk/contracts';

/**
 * ISO 8601 durations (`P3M`, `P1Y2M3DT4H5M6S`, `P2W`, `PT5S`) for configured periods such as the
 * review period (R9, R24). Whole numbers only: a fraction of a month has no calendar meaning, and
 * nothing here needs fractions of a second.
 */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/** Parses an ISO 8601 duration; throws an Error naming the text and the expected form when it is not one. */
export function parseIsoDuration(text: string): IsoDuration {
  const invalid = () =>
    new Error(`"${text}" is not an ISO 8601 duration of whole numbers such as P3M, P2W, P1DT12H or PT30S`);
  const match = DURATION.exec(text);
  // "P" alone and a "T" with nothing after it match the pattern but name no amount.
  if (!match || text === 'P' || text.endsWith('T')) throw invalid();
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (![years, months, weeks, days, hours, minutes, seconds].every(Number.isSafeInteger)) throw invalid();
  return { years, months, weeks, days, hours, minutes, seconds };
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * `date` plus `duration`, calendar-correct on the Swedish calendar and in PostgreSQL's order: years and
 * months first, the day of month clamped to the target month's last day (31 January + P1M = 28 or 29
 * February), then weeks and days, all on the Swedish wall clock, so that three months after 10:00 on
 * 20 August is 10:00 on 20 November although the clocks went back in between; then hours, minutes
 * and seconds as time that passes.
 */
export function addIsoDuration(date: Date, duration: IsoDuration): Date {
  const wall = swedishWallClock(date);
  const totalMonths = wall.month - 1 + duration.years * 12 + duration.months;
  const year = wall.year + Math.floor(totalMonths / 12);
  const monthIndex = ((totalMonths % 12) + 12) % 12;
  const dayOfMonth = Math.min(wall.day, daysInMonth(year, monthIndex));
  // Date.UTC carries a day count past the month's end into the next month.
  const target = new Date(Date.UTC(year, monthIndex, dayOfMonth + duration.weeks * 7 + duration.days));
  const shifted = fromSwedishWallClock(
    { year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: target.getUTCDate(), hour: wall.hour, minute: wall.minute, second: wall.second },
    date.getUTCMilliseconds(),
  );
  const plusTime = duration.hours * MS_PER_HOUR + duration.minutes * MS_PER_MINUTE + duration.seconds * MS_PER_SECOND;
  return new Date(shifted.getTime() + plusTime);
}

/** A config property that must hold an ISO 8601 duration `parseIsoDuration` accepts. */
export function IsIsoDuration(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDuration',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an ISO 8601 duration of whole numbers such as P3M, P2W, P1DT12H or PT30S`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            parseIsoDuration(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}
