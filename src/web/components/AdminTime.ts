import {
  COMPETITION_TIME_ZONES,
  formatInstant,
  offsetMs,
  wallClock,
  zoneAbbreviation,
  zonedToUtc,
} from '../../domain/time.js';

/** The zone the reader's browser is set to. */
export function readerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta';
  } catch {
    return 'Asia/Jakarta';
  }
}

/** True when two zones show a different wall clock at that instant (so the reader needs both). */
export function zonesDiffer(iso: string, a: string, b: string): boolean {
  const at = new Date(iso);
  try {
    return offsetMs(at, a) !== offsetMs(at, b);
  } catch {
    return a !== b;
  }
}

/** An instant as date + time strings ("2026-05-11", "23:59") on the wall clock of a zone. */
export function splitInZone(iso: string | null, timeZone: string): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const w = wallClock(new Date(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.year}-${two(w.month)}-${two(w.day)}`, time: `${two(w.hour)}:${two(w.minute)}` };
}

/**
 * The UTC instant (ISO) of a date + time typed on the wall clock of a zone; null when no date was typed.
 * A missing time falls back to `defaultTime` (start of day for openings, 23:59 for closings).
 */
export function joinInZone(date: string, time: string, timeZone: string, defaultTime: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!d) return date.trim() ? date.trim() : null;
  const tm =
    /^(\d{1,2}):(\d{2})/.exec((time || defaultTime).trim()) ?? /^(\d{1,2}):(\d{2})/.exec(defaultTime)!;
  return zonedToUtc(
    { year: +d[1], month: +d[2], day: +d[3], hour: +tm[1], minute: +tm[2] },
    timeZone,
  ).toISOString();
}

/** An instant with hour and zone, safe for any input the API might send. */
export function formatAt(iso: string | null | undefined, timeZone: string, lang: 'id' | 'en'): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return formatInstant(d, timeZone, lang);
}

/** The competition zones offered first ("WIB — Asia/Jakarta …"), plus the current one if it is another. */
export function zoneOptions(
  t: (k: string, o?: Record<string, unknown>) => string,
  current?: string,
): { value: string; label: string }[] {
  const zones: string[] = [...COMPETITION_TIME_ZONES];
  if (current && !zones.includes(current)) zones.push(current);
  return zones.map((z) => ({
    value: z,
    label: `${zoneAbbreviation(z)} — ${t(`secretariat.zones.${z.replace('/', '_')}`, { defaultValue: z })}`,
  }));
}
