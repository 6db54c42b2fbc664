/**
 * Swedish local time (Europe/Stockholm), whatever the server's time zone. The regions' calendar is
 * Swedish: a child's age, the date in an EHR note, a registry number's year and a review three
 * months on are counted in it, not in UTC, which is one or two hours behind.
 */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

const FORMAT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: SWEDISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Swedish wall clock at an instant. */
export function swedishWallClock(at: Date): WallClock {
  const parts = Object.fromEntries(FORMAT.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/**
 * The instant at which Swedish clocks show `wall` (milliseconds kept). A time skipped when the clocks
 * go forward comes out an hour later; a time shown twice when they go back, the first time.
 */
export function fromSwedishWallClock(wall: WallClock, milliseconds = 0): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, milliseconds);
  const offsetAt = (instant: number) => {
    const w = swedishWallClock(new Date(instant));
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant - Math.floor(instant / 1000) * 1000) - instant;
  };
  const shows = (instant: number) => {
    const w = swedishWallClock(new Date(instant));
    return w.year === wall.year && w.month === wall.month && w.day === wall.day && w.hour === wall.hour && w.minute === wall.minute && w.second === wall.second;
  };
  // The offsets on either side of a clock change (at most one is near): before it, then after it.
  const before = naive - offsetAt(naive - TWO_HOURS_MS);
  const after = naive - offsetAt(naive + TWO_HOURS_MS);
  const candidates = [before, after].filter(shows);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : before);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-20`, the Swedish calendar day of an instant. */
export function swedishDate(at: Date | string): string {
  const w = swedishWallClock(new Date(at));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `2026-11-20 kl. 10:05`, Swedish local time. */
export function swedishDateTime(at: Date | string): string {
  const w = swedishWallClock(new Date(at));
  return `${swedishDate(at)} kl. ${pad(w.hour)}:${pad(w.minute)}`;
}
