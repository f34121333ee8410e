import { t, type Text } from '../errors.js';
import type { FinalistCandidate, FinalistsInput, Quota } from './types.js';

/*
 * What the solver and the explanations share: scores in integer hundredths (compared as shown), the order
 * (score descending, then id ascending), ranks within a group, who passes the mark, the plain top N per
 * group, and which quotas count each candidate.
 */

export interface Cand {
  id: number;
  /** The score in hundredths: 87.25 → 8725. */
  points: number;
  group: string;
  eligible: boolean;
  rankInGroup: number;
  /** Position in the global order (0 = best), the tie-break of the objective. */
  order: number;
  /** Indices of the quotas that count it (its group within their scope, its value matching). */
  quotas: number[];
  src: FinalistCandidate;
}

export interface Prepared {
  cands: Cand[];
  /** Places per group (absent groups: 0). */
  places: (group: string) => number;
  groups: string[];
  plainTop: Set<number>;
  /** Per quota: indices (into cands) of the eligible candidates it counts. */
  members: number[][];
  labels: Text[];
  /** The group's name for the explanations (its key when the input names none). */
  groupLabel: (group: string) => Text;
}

export const provinceOf = (regionCode: string | null): string | null =>
  regionCode ? (regionCode.split('.')[0] ?? null) : null;

export const pointsOf = (score: number): number => Math.round(score * 100 + Math.sign(score) * 1e-7);

const DIMENSION: Record<Quota['dimension'], Text> = {
  category: t('kategori', 'category'),
  participantType: t('jenis peserta', 'participant type'),
  province: t('provinsi', 'province'),
  is3T: t('3T', '3T'),
};

export function quotaLabel(q: Quota): Text {
  if (q.label) return q.label;
  const scope = (lang: 'id' | 'en') =>
    q.group ? (lang === 'id' ? ` (kelompok ${q.group})` : ` (group ${q.group})`) : '';
  if (q.dimension === 'is3T')
    return q.value === 'false'
      ? t(`daerah non-3T${scope('id')}`, `non-3T regions${scope('en')}`)
      : t(`daerah 3T${scope('id')}`, `3T regions${scope('en')}`);
  return t(
    `${DIMENSION[q.dimension].id} ${q.value}${scope('id')}`,
    `${DIMENSION[q.dimension].en} ${q.value}${scope('en')}`,
  );
}

export function prepare(input: FinalistsInput): Prepared {
  const threeT = new Set(input.threeTRegions ?? []);
  const passPoints = input.passMark === null ? null : pointsOf(input.passMark);
  const sorted = input.candidates
    .map((c) => ({ c, points: pointsOf(c.score) }))
    .sort((a, b) => b.points - a.points || a.c.id - b.c.id);
  const places = (g: string) => Math.max(0, Math.floor(input.perGroup[g] ?? 0));
  const valueOf = (c: FinalistCandidate, q: Quota): string | null => {
    if (q.dimension === 'category') return c.categoryKey;
    if (q.dimension === 'participantType') return c.participantType;
    if (q.dimension === 'province') return provinceOf(c.regionCode);
    const is3T =
      c.is3T ??
      (c.regionCode !== null && (threeT.has(c.regionCode) || threeT.has(provinceOf(c.regionCode)!)));
    return String(is3T);
  };
  const rankCounter = new Map<string, number>();
  const plainCount = new Map<string, number>();
  const plainTop = new Set<number>();
  const members: number[][] = input.quotas.map(() => []);
  const cands = sorted.map(({ c, points }, order): Cand => {
    const eligible = passPoints === null || points >= passPoints;
    const rankInGroup = (rankCounter.get(c.groupKey) ?? 0) + 1;
    rankCounter.set(c.groupKey, rankInGroup);
    if (eligible && (plainCount.get(c.groupKey) ?? 0) < places(c.groupKey)) {
      plainTop.add(c.id);
      plainCount.set(c.groupKey, (plainCount.get(c.groupKey) ?? 0) + 1);
    }
    const quotas: number[] = [];
    for (let qi = 0; qi < input.quotas.length; qi++) {
      const q = input.quotas[qi]!;
      if ((q.group && q.group !== c.groupKey) || valueOf(c, q) !== q.value) continue;
      quotas.push(qi);
      if (eligible) members[qi]!.push(order);
    }
    return { id: c.id, points, group: c.groupKey, eligible, rankInGroup, order, quotas, src: c };
  });
  const groups = [...new Set([...Object.keys(input.perGroup), ...cands.map((c) => c.group)])].sort();
  const groupLabel = (group: string): Text => input.groupLabels?.[group] ?? t(group, group);
  return { cands, places, groups, plainTop, members, labels: input.quotas.map(quotaLabel), groupLabel };
}

/**
 * The candidates the optimum can need. Two eligible candidates of the same group counted by the same quotas
 * are interchangeable for every constraint; if N of them rank above c (N = the group's places), any
 * selection with c leaves one of those out, and swapping them raises the score (or, at an equal score, the
 * tie-break): c is never in the optimum. The same holds with N the smallest maximum among the class's quotas
 * (at most that many of the class can be in). So per (group, quotas) only the best N stay in the model.
 */
export function modelled(p: Prepared, quotas: readonly Quota[]): Cand[] {
  const seen = new Map<string, number>();
  const out: Cand[] = [];
  for (const c of p.cands) {
    if (!c.eligible) continue;
    let n = p.places(c.group);
    // A maximum counting every member of the class bounds it as the group's places do.
    for (const qi of c.quotas) {
      const max = quotas[qi]!.max;
      if (max !== null && max !== undefined && max < n) n = max;
    }
    if (n === 0) continue;
    const key = `${c.group}\u0000${c.quotas.join(',')}`;
    const k = seen.get(key) ?? 0;
    if (k >= n) continue;
    seen.set(key, k + 1);
    out.push(c);
  }
  return out;
}
