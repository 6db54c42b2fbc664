import { swedishWallClock } from './swedish-time';

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
 *
 * Canonical form on the wire: 12 digits, YYYYMMDDNNNC, no separator. Input may carry the separator
 * (`-`, or `+` for people aged 100 or more) and may be given with 10 digits; `normalizePersonnummer`
 * turns it into the canonical form. The check digit C is the Luhn digit over YYMMDDNNN.
 * A samordningsnummer has 60 added to the day of month.
 */
export type IdentityNumberKind = 'PERSONNUMMER' | 'SAMORDNINGSNUMMER';

const TWELVE = /^(\d{4})(\d{2})(\d{2})(\d{3})(\d)$/;

export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The kind of a canonical 12-digit number, or null when it is not a valid number of either kind:
 * a real date (not after `today`: nobody has a number before birth) and the right check digit.
 */
export function identityNumberKind(twelveDigits: string, today: Date = new Date()): IdentityNumberKind | null {
  const m = TWELVE.exec(twelveDigits);
  if (!m) return null;
  const [, yyyy, mm, ddRaw, serial, check] = m;
  const ddNum = Number(ddRaw);
  const kind: IdentityNumberKind = ddNum > 60 ? 'SAMORDNINGSNUMMER' : 'PERSONNUMMER';
  const day = kind === 'SAMORDNINGSNUMMER' ? ddNum - 60 : ddNum;
  const year = Number(yyyy);
  const month = Number(mm);
  if (year < 1850 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (date.getTime() > today.getTime()) return null;
  if (luhnCheckDigit(`${yyyy.slice(2)}${mm}${ddRaw}${serial}`) !== Number(check)) return null;
  return kind;
}

export function isValidIdentityNumber(value: unknown): value is string {
  return typeof value === 'string' && identityNumberKind(value) !== null;
}

/**
 * Canonical 12-digit form of a personnummer written as YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDD-NNNC or
 * YYMMDD+NNNC, relative to `today` for the century of a 10-digit number. Null when it is not valid.
 */
export function normalizePersonnummer(input: string, today: Date = new Date()): string | null {
  const trimmed = input.trim();
  let twelve: string | null = null;
  const long = /^(\d{8})-?(\d{4})$/.exec(trimmed);
  const short = /^(\d{6})([-+]?)(\d{4})$/.exec(trimmed);
  if (long) {
    twelve = long[1] + long[2];
  } else if (short) {
    const yy = Number(short[1].slice(0, 2));
    const thisYear = today.getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear) year -= 100;
    if (short[2] === '+') year -= 100;
    twelve = String(year) + short[1].slice(2) + short[3];
  }
  return twelve && identityNumberKind(twelve) ? twelve : null;
}

/**
 * Age in whole years on the Swedish calendar day of `at`, from the date part of a canonical number
 * (a samordningsnummer's day less 60). In UTC a Swedish birthday would start an hour or two late.
 */
export function ageOn(twelveDigits: string, at: Date): number {
  const year = Number(twelveDigits.slice(0, 4));
  const month = Number(twelveDigits.slice(4, 6));
  const dayRaw = Number(twelveDigits.slice(6, 8));
  const day = dayRaw > 60 ? dayRaw - 60 : dayRaw;
  const today = swedishWallClock(at);
  let age = today.year - year;
  if (today.month < month || (today.month === month && today.day < day)) age -= 1;
  return age;
}

/** 10 or 12 digits with an optional separator, as a personnummer or samordningsnummer is written. */
const WRITTEN_IDENTITY_NUMBER = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;

/** The safety net for text that leaves a service (a log line, a dead letter's reason): no personnummer in it. */
export function redactIdentityNumbers(text: string): string {
  return text.replace(WRITTEN_IDENTITY_NUMBER, '[personnummer]');
}
