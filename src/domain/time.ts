/** Indonesia's three zones and how people name them. */
export const INDONESIAN_ZONES = [
  { tz: 'Asia/Jakarta', abbr: 'WIB', offsetHours: 7 },
  { tz: 'Asia/Pontianak', abbr: 'WIB', offsetHours: 7 },
  { tz: 'Asia/Makassar', abbr: 'WITA', offsetHours: 8 },
  { tz: 'Asia/Jayapura', abbr: 'WIT', offsetHours: 9 },
] as const;

/** The zones a competition may be set in (any IANA zone works; these are offered first). */
export const COMPETITION_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat, kept per locale and options: building one costs far more than formatting with
 * it, and the same few (per zone and language) are used on every request that shows or checks a date.
 * An unknown zone still throws RangeError, as the constructor does.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= 500) formats.clear();
    formats.set(key, f);
  }
  return f;
}

export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const known = INDONESIAN_ZONES.find((z) => z.tz === timeZone);
  if (known) return known.abbr;
  const part = dateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "11 Mei 2021 23.59 WIB" / "11 May 2021 23:59 WIB": a deadline always carries its hour and zone. */
export function formatInstant(instant: Date | string, timeZone: string, locale: 'id' | 'en'): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const date = dateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
  const time = dateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(d)
    .replace(':', locale === 'id' ? '.' : ':');
  return `${date} ${time} ${zoneAbbreviation(timeZone, d)}`;
}

/**
 * The UTC instant of a wall-clock time in a zone, e.g. 2021-05-11 23:59 in Asia/Jakarta →
 * 2021-05-11T16:59:00Z. Works for any IANA zone (Indonesia has no daylight saving).
 */
export function zonedToUtc(
  local: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  const offset = offsetMs(new Date(guess), timeZone);
  const first = new Date(guess - offset);
  const offset2 = offsetMs(first, timeZone);
  return offset2 === offset ? first : new Date(guess - offset2);
}

/** The wall clock of a zone at an instant, asked of Intl (slow: a formatToParts per call). */
function intlWallClock(
  at: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: +parts.year,
    month: +parts.month,
    day: +parts.day,
    hour: +parts.hour,
    minute: +parts.minute,
    second: +parts.second,
  };
}

const HOUR_MS = 3_600_000;
/**
 * A zone's offset through one UTC hour, when it is the same at both ends of the hour (a zone changes its
 * offset at most once in an hour, so then it holds for the whole hour); null when it changes inside.
 * Deadlines are formatted on every request, and Intl is slow: this keeps one Intl call per zone and hour.
 */
const hourOffsets = new Map<string, number | null>();

function intlOffsetMs(at: Date, timeZone: string): number {
  const w = intlWallClock(at, timeZone);
  return (
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000
  );
}

function hourOffset(at: Date, timeZone: string): number | null {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const start = intlOffsetMs(new Date(hour * HOUR_MS), timeZone);
    const end = intlOffsetMs(new Date((hour + 1) * HOUR_MS - 1000), timeZone);
    offset = start === end ? start : null;
    if (hourOffsets.size >= 10_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset;
}

/** The wall clock of a zone at an instant: the numbers a person there reads. */
export function wallClock(
  at: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const offset = hourOffset(at, timeZone);
  if (offset === null) return intlWallClock(at, timeZone);
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** "2026-05-11 23:59 WIB": an instant on a zone's wall clock that sorts as text (spreadsheets, exports). */
export function formatSortable(instant: Date | string, timeZone: string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const w = wallClock(d, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)} ${zoneAbbreviation(timeZone, d)}`;
}
