/*
 * The anomaly report of the public's ratings (issue 13 point 8): groups of ratings that look like ballot
 * stuffing, each with its counts and explained in words, so the secretariat can judge and, if it decides
 * so, exclude the group from the shown mean (audited). Pure: the module loads the ratings and passes them.
 *
 * - burst: many ratings for one finalist in a short time (≥ burstMin within burstMinutes);
 * - ip / network: many different addresses rating from one IP address, or one network (IPv4 /24, IPv6 /48);
 * - pattern: voters who rated at least patternMinRated finalists and gave exactly one of them 5 and every
 *   other 1, grouped by the finalist they favour (≥ patternMinVoters voters).
 */
import type { Text } from './errors.js';
import { formatInstant } from './time.js';

export interface RatingFact {
  id: number;
  proposalId: number;
  voter: string;
  ip: string | null;
  value: number;
  /** ISO instant of the rating as it stands (a re-rating moves it). */
  at: string;
  excluded: boolean;
}

export interface AnomalyThresholds {
  burstMin: number;
  burstMinutes: number;
  ipMinVoters: number;
  networkMinVoters: number;
  patternMinRated: number;
  patternMinVoters: number;
}

export const ANOMALY_DEFAULTS: AnomalyThresholds = {
  burstMin: 20,
  burstMinutes: 10,
  ipMinVoters: 5,
  networkMinVoters: 20,
  patternMinRated: 3,
  patternMinVoters: 3,
};

export type AnomalyKind = 'burst' | 'ip' | 'network' | 'pattern';

export interface AnomalyGroup {
  /** Stable while the group's first rating stands: what an exclusion names. */
  key: string;
  kind: AnomalyKind;
  /** burst and pattern: the finalist; ip and network: null. */
  proposalId: number | null;
  /** ip: the address; network: the prefix; else null. */
  source: string | null;
  ratingIds: number[];
  ratings: number;
  voters: number;
  /** Of these ratings, how many are already excluded. */
  excluded: number;
  from: string;
  to: string;
}

/** The network a client address belongs to: IPv4 /24 ("10.1.2.0/24"), IPv6 /48 ("2001:db8:1::/48"). */
export function networkOf(ip: string): string {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const tl = tail ? tail.split(':') : [];
  const full = ip.includes('::')
    ? [...h, ...Array(Math.max(0, 8 - h.length - tl.length)).fill('0'), ...tl]
    : h;
  return `${full
    .slice(0, 3)
    .map((p) => p.replace(/^0+(?=.)/, ''))
    .join(':')}::/48`;
}

function group(
  kind: AnomalyKind,
  key: string,
  rows: RatingFact[],
  proposalId: number | null,
  source: string | null,
): AnomalyGroup {
  const sorted = [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  return {
    key,
    kind,
    proposalId,
    source,
    ratingIds: sorted.map((r) => r.id),
    ratings: sorted.length,
    voters: new Set(sorted.map((r) => r.voter)).size,
    excluded: sorted.filter((r) => r.excluded).length,
    from: sorted[0]!.at,
    to: sorted[sorted.length - 1]!.at,
  };
}

function byKey<T>(rows: readonly RatingFact[], keyOf: (r: RatingFact) => T | null): Map<T, RatingFact[]> {
  const m = new Map<T, RatingFact[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Bursts: for each finalist, maximal runs where some burstMinutes window holds ≥ burstMin ratings. */
function bursts(rows: readonly RatingFact[], th: AnomalyThresholds): AnomalyGroup[] {
  const out: AnomalyGroup[] = [];
  const span = th.burstMinutes * 60_000;
  for (const [proposalId, list] of byKey(rows, (r) => r.proposalId)) {
    const sorted = [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
    const times = sorted.map((r) => Date.parse(r.at));
    const flagged = new Array<boolean>(sorted.length).fill(false);
    let i = 0;
    for (let j = 0; j < sorted.length; j++) {
      while (times[j]! - times[i]! > span) i++;
      if (j - i + 1 >= th.burstMin) for (let k = i; k <= j; k++) flagged[k] = true;
    }
    let run: RatingFact[] = [];
    const flush = () => {
      if (run.length) out.push(group('burst', `burst:${proposalId}:${run[0]!.at}`, run, proposalId, null));
      run = [];
    };
    sorted.forEach((r, k) => (flagged[k] ? run.push(r) : flush()));
    flush();
  }
  return out;
}

function crowds(
  rows: readonly RatingFact[],
  kind: 'ip' | 'network',
  keyOf: (ip: string) => string,
  min: number,
): AnomalyGroup[] {
  const out: AnomalyGroup[] = [];
  for (const [source, list] of byKey(rows, (r) => (r.ip ? keyOf(r.ip) : null)))
    if (new Set(list.map((r) => r.voter)).size >= min)
      out.push(group(kind, `${kind}:${source}`, list, null, source));
  return out;
}

/** Voters who gave exactly one finalist 5 and every other (≥ patternMinRated in all) 1, by that finalist. */
function patterns(rows: readonly RatingFact[], th: AnomalyThresholds): AnomalyGroup[] {
  const favoured = new Map<number, RatingFact[]>();
  for (const list of byKey(rows, (r) => r.voter).values()) {
    if (list.length < th.patternMinRated) continue;
    const fives = list.filter((r) => r.value === 5);
    if (fives.length !== 1 || !list.every((r) => r.value === 5 || r.value === 1)) continue;
    const pid = fives[0]!.proposalId;
    favoured.set(pid, [...(favoured.get(pid) ?? []), ...list]);
  }
  const out: AnomalyGroup[] = [];
  for (const [pid, list] of favoured)
    if (new Set(list.map((r) => r.voter)).size >= th.patternMinVoters)
      out.push(group('pattern', `pattern:${pid}`, list, pid, null));
  return out;
}

/** Every flagged group, bursts first, then addresses, networks and patterns; each by its first rating. */
export function detectAnomalies(
  rows: readonly RatingFact[],
  th: AnomalyThresholds = ANOMALY_DEFAULTS,
): AnomalyGroup[] {
  const byFrom = (a: AnomalyGroup, b: AnomalyGroup) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);
  return [
    ...bursts(rows, th).sort(byFrom),
    ...crowds(rows, 'ip', (ip) => ip, th.ipMinVoters).sort(byFrom),
    ...crowds(rows, 'network', networkOf, th.networkMinVoters).sort(byFrom),
    ...patterns(rows, th).sort(byFrom),
  ];
}

/** The group in words (the finalist named by its code and title), with hour and zone. */
export function explainAnomaly(
  g: AnomalyGroup,
  finalist: (proposalId: number) => string,
  timeZone: string,
  th: AnomalyThresholds = ANOMALY_DEFAULTS,
): Text {
  const span = (l: 'id' | 'en') =>
    `${formatInstant(g.from, timeZone, l)} – ${formatInstant(g.to, timeZone, l)}`;
  switch (g.kind) {
    case 'burst':
      return {
        id: `${g.ratings} penilaian untuk ${finalist(g.proposalId!)} masuk dalam lonjakan (≥ ${th.burstMin} dalam ${th.burstMinutes} menit), ${span('id')}, dari ${g.voters} alamat e-mail.`,
        en: `${g.ratings} ratings of ${finalist(g.proposalId!)} came in a burst (≥ ${th.burstMin} within ${th.burstMinutes} minutes), ${span('en')}, from ${g.voters} e-mail addresses.`,
      };
    case 'ip':
      return {
        id: `${g.voters} alamat e-mail berbeda menilai dari satu alamat IP (${g.source}): ${g.ratings} penilaian, ${span('id')}. Bisa jadi satu kantor atau warnet; bisa juga satu orang dengan banyak alamat.`,
        en: `${g.voters} different e-mail addresses rated from one IP address (${g.source}): ${g.ratings} ratings, ${span('en')}. It may be one office or internet café; it may be one person with many addresses.`,
      };
    case 'network':
      return {
        id: `${g.voters} alamat e-mail berbeda menilai dari satu jaringan (${g.source}): ${g.ratings} penilaian, ${span('id')}.`,
        en: `${g.voters} different e-mail addresses rated from one network (${g.source}): ${g.ratings} ratings, ${span('en')}.`,
      };
    case 'pattern':
      return {
        id: `${g.voters} pemilih memberi nilai 5 hanya untuk ${finalist(g.proposalId!)} dan nilai 1 untuk semua finalis lain yang mereka nilai (≥ ${th.patternMinRated} finalis): ${g.ratings} penilaian, ${span('id')}.`,
        en: `${g.voters} voters gave 5 only to ${finalist(g.proposalId!)} and 1 to every other finalist they rated (≥ ${th.patternMinRated} finalists): ${g.ratings} ratings, ${span('en')}.`,
      };
  }
}
