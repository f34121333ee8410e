import { t } from '../errors.js';
import type { Prepared } from './prepare.js';
import type { InfeasibleQuota, Quota } from './types.js';

/*
 * Quotas that cannot be met, named with their numbers, before any solve: a minimum above its maximum, a
 * minimum above the passing candidates it counts, a minimum above the places those candidates can take
 * (Σ over the groups in its scope of min(N, its candidates there)).
 */

export function placesFor(p: Prepared, qi: number): number {
  const perGroup = new Map<string, number>();
  for (const order of p.members[qi]!) {
    const g = p.cands[order]!.group;
    perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
  }
  let places = 0;
  for (const [g, n] of perGroup) places += Math.min(n, p.places(g));
  return places;
}

export function quotaProblem(
  p: Prepared,
  q: Quota,
  qi: number,
  reason: InfeasibleQuota['reason'],
): InfeasibleQuota {
  const min = q.min ?? null;
  const max = q.max ?? null;
  const available = p.members[qi]!.length;
  const places = placesFor(p, qi);
  const l = p.labels[qi]!;
  const texts: Record<InfeasibleQuota['reason'], [string, string]> = {
    min_above_max: [
      `Kuota ${l.id}: minimum ${min} lebih besar dari maksimum ${max}.`,
      `Quota ${l.en}: the minimum ${min} is above the maximum ${max}.`,
    ],
    not_enough_candidates: [
      `Kuota ${l.id}: minimum ${min}, tetapi hanya ${available} usulan yang lulus nilai batas.`,
      `Quota ${l.en}: minimum ${min}, but only ${available} passing proposal(s).`,
    ],
    not_enough_places: [
      `Kuota ${l.id}: minimum ${min}, tetapi usulannya hanya dapat mengisi ${places} tempat dalam batas N per kelompok.`,
      `Quota ${l.en}: minimum ${min}, but its proposals can take only ${places} place(s) within the N per group.`,
    ],
    min_against_limits: [
      `Kuota ${l.id}: minimum ${min} tidak dapat dipenuhi bersama batas N per kelompok dan kuota maksimum.`,
      `Quota ${l.en}: the minimum ${min} cannot be met together with the N per group and the maximum quotas.`,
    ],
    combination: [
      `Kuota ${l.id} (minimum ${min ?? '-'}, maksimum ${max ?? '-'}) termasuk kuota yang tidak dapat dipenuhi bersamaan.`,
      `Quota ${l.en} (minimum ${min ?? '-'}, maximum ${max ?? '-'}) is among the quotas that cannot all be met together.`,
    ],
  };
  const [id, en] = texts[reason];
  return { key: q.key, reason, min, max, available, places, text: t(id, en) };
}

/** The quotas that fail on their own numbers. */
export function precheck(p: Prepared, quotas: readonly Quota[]): InfeasibleQuota[] {
  const out: InfeasibleQuota[] = [];
  quotas.forEach((q, qi) => {
    const min = q.min ?? 0;
    if (q.max !== null && q.max !== undefined && min > q.max)
      out.push(quotaProblem(p, q, qi, 'min_above_max'));
    else if (min > p.members[qi]!.length) out.push(quotaProblem(p, q, qi, 'not_enough_candidates'));
    else if (min > placesFor(p, qi)) out.push(quotaProblem(p, q, qi, 'not_enough_places'));
  });
  return out;
}
