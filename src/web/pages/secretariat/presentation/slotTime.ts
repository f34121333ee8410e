import { formatInstant, zoneAbbreviation } from '../../../../domain/time.js';
import { splitInZone } from '../../../components/AdminTime.js';

/** "08.25–08.45 WIB" (English: "08:25–08:45 WIB"): a slot's hours on the competition's wall clock. */
export function hoursText(from: string, to: string, zone: string, lang: 'id' | 'en'): string {
  const sep = lang === 'id' ? '.' : ':';
  const hm = (iso: string) => splitInZone(iso, zone).time.replace(':', sep);
  return `${hm(from)}–${hm(to)} ${zoneAbbreviation(zone, new Date(from))}`;
}

/** "6 Juli 2026 08.00–12.00 WIB": the day, both hours and the zone. */
export function rangeText(from: string, to: string, zone: string, lang: 'id' | 'en'): string {
  const day = formatInstant(from, zone, lang).replace(/ \d{2}[.:]\d{2} \S+$/, '');
  return `${day} ${hoursText(from, to, zone, lang)}`;
}
