import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectFinalists } from './select.js';
import type { FinalistCandidate, FinalistsInput, Quota } from './types.js';

/*
 * The finalists' solver against brute force on small random instances (every subset of ≤ 12 candidates),
 * with the membership of each quota, the plain top N and the ranks computed here independently.
 */

const THREE_T = ['91.01', '94'];

const belongs = (c: FinalistCandidate, q: Quota): boolean => {
  if (q.group && q.group !== c.groupKey) return false;
  const province = c.regionCode === null ? null : c.regionCode.split('.')[0];
  if (q.dimension === 'category') return c.categoryKey === q.value;
  if (q.dimension === 'participantType') return c.participantType === q.value;
  if (q.dimension === 'province') return province === q.value;
  const is3T = c.regionCode !== null && (THREE_T.includes(c.regionCode) || THREE_T.includes(province!));
  return String(is3T) === q.value;
};

const hundredths = (s: number) => Math.round(s * 100);
const byRank = (a: FinalistCandidate, b: FinalistCandidate) =>
  hundredths(b.score) - hundredths(a.score) || a.id - b.id;

function brute(input: FinalistsInput): { points: number; tie: number } | null {
  const all = [...input.candidates].sort(byRank);
  const n = all.length;
  const pool = all
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => input.passMark === null || hundredths(c.score) >= hundredths(input.passMark));
  let best: { points: number; tie: number } | null = null;
  for (let mask = 0; mask < 1 << pool.length; mask++) {
    const chosen = pool.filter((_, i) => mask & (1 << i));
    const perGroup = new Map<string, number>();
    for (const { c } of chosen) perGroup.set(c.groupKey, (perGroup.get(c.groupKey) ?? 0) + 1);
    if ([...perGroup].some(([g, k]) => k > (input.perGroup[g] ?? 0))) continue;
    const ok = input.quotas.every((q) => {
      const k = chosen.filter(({ c }) => belongs(c, q)).length;
      return k >= (q.min ?? 0) && (q.max == null || k <= q.max);
    });
    if (!ok) continue;
    const points = chosen.reduce((s, { c }) => s + hundredths(c.score), 0);
    const tie = chosen.reduce((s, { order }) => s + n - order, 0);
    if (!best || points > best.points || (points === best.points && tie > best.tie)) best = { points, tie };
  }
  return best;
}

const candidate = (id: number) =>
  fc.record({
    id: fc.constant(id),
    score: fc.oneof(
      fc.constantFrom(80, 85, 90, 90, 95),
      fc.integer({ min: 7000, max: 10000 }).map((x) => x / 100),
    ),
    groupKey: fc.constantFrom('umum', 'replikasi'),
    categoryKey: fc.constantFrom('kesehatan', 'pendidikan', 'ekonomi'),
    participantType: fc.constantFrom('pemerintah_kabupaten', 'pemerintah_kota', 'kementerian'),
    regionCode: fc.constantFrom('91.01', '91.02', '94.03', '33.01', null),
  });

const quota = (i: number) =>
  fc
    .record({
      dimension: fc.constantFrom(
        'category' as const,
        'participantType' as const,
        'province' as const,
        'is3T' as const,
      ),
      pick: fc.nat(10),
      group: fc.constantFrom(null, 'umum'),
      min: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      max: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    })
    .map(({ dimension, pick, group, min, max }): Quota => {
      const values = {
        category: ['kesehatan', 'pendidikan', 'ekonomi'],
        participantType: ['pemerintah_kabupaten', 'pemerintah_kota', 'kementerian'],
        province: ['91', '94', '33'],
        is3T: ['true', 'false'],
      }[dimension];
      return { key: `q${i}`, dimension, value: values[pick % values.length]!, group, min, max };
    });

const instance: fc.Arbitrary<FinalistsInput> = fc
  .record({
    n: fc.integer({ min: 0, max: 12 }),
    q: fc.integer({ min: 0, max: 3 }),
    umum: fc.integer({ min: 0, max: 5 }),
    replikasi: fc.integer({ min: 0, max: 3 }),
    passMark: fc.constantFrom(null, 85),
  })
  .chain(({ n, q, umum, replikasi, passMark }) =>
    fc.record({
      candidates: fc.tuple(...Array.from({ length: n }, (_, i) => candidate(i + 1))),
      quotas: fc.tuple(...Array.from({ length: q }, (_, i) => quota(i))),
      passMark: fc.constant(passMark),
      perGroup: fc.constant({ umum, replikasi }),
      threeTRegions: fc.constant(THREE_T),
    }),
  );

describe('selectFinalists against brute force', () => {
  it('finds the same optimum (total score, then tie-break) and explains it consistently', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (input) => {
        const r = await selectFinalists(input);
        const best = brute(input);
        const sorted = [...input.candidates].sort(byRank);
        const passes = (c: FinalistCandidate) =>
          input.passMark === null || hundredths(c.score) >= hundredths(input.passMark);
        // the plain top N, independently
        const taken = new Map<string, number>();
        const plain: number[] = [];
        for (const c of sorted)
          if (passes(c) && (taken.get(c.groupKey) ?? 0) < (input.perGroup[c.groupKey] ?? 0)) {
            plain.push(c.id);
            taken.set(c.groupKey, (taken.get(c.groupKey) ?? 0) + 1);
          }
        expect(r.plainTop).toEqual(plain);
        expect(r.feasible).toBe(best !== null);
        if (!r.feasible) {
          expect(r.selected).toEqual([]);
          expect(r.problems.length).toBeGreaterThan(0);
          return;
        }
        if (!best) return;
        const chosen = new Set(r.selected);
        const mine = sorted.reduce(
          (acc, c, order) =>
            chosen.has(c.id)
              ? { points: acc.points + hundredths(c.score), tie: acc.tie + sorted.length - order }
              : acc,
          { points: 0, tie: 0 },
        );
        expect(mine).toEqual(best);
        expect(r.addedByQuotas).toEqual(r.selected.filter((id) => !plain.includes(id)));
        expect(r.removedByQuotas).toEqual(plain.filter((id) => !chosen.has(id)));
        const plainIn = (q: Quota) =>
          sorted.filter((c) => plain.includes(c.id) && passes(c) && belongs(c, q)).length;
        const quotaOf = (key: string) => input.quotas.find((q) => q.key === key)!;
        for (const e of r.explanations) {
          const c = input.candidates.find((x) => x.id === e.id)!;
          expect(e.selected).toBe(chosen.has(e.id));
          expect(e.inPlainTop).toBe(plain.includes(e.id));
          expect(e.passesMark).toBe(passes(c));
          const sameGroup = sorted.filter((x) => x.groupKey === c.groupKey);
          expect(e.rankInGroup).toBe(sameGroup.indexOf(c) + 1);
          expect(e.text.id).toMatch(
            new RegExp(`^Peringkat ${e.rankInGroup} di kelompok ${c.groupKey} \\(nilai \\d+,\\d\\d\\): `),
          );
          expect(e.text.en).toMatch(
            new RegExp(`^Rank ${e.rankInGroup} in group ${c.groupKey} \\(score \\d+\\.\\d\\d\\): `),
          );
          if (e.reason === 'rank') expect(e.selected && e.inPlainTop).toBe(true);
          if (e.reason === 'below_cut') expect(!e.selected && !e.inPlainTop).toBe(true);
          if (e.reason === 'below_pass_mark') expect(passes(c)).toBe(false);
          if (e.reason === 'quota_min') {
            expect(e.selected && !e.inPlainTop).toBe(true);
            expect(e.quotas.length).toBeGreaterThan(0);
            for (const k of e.quotas) {
              expect(belongs(c, quotaOf(k))).toBe(true);
              expect(plainIn(quotaOf(k))).toBeLessThan(quotaOf(k).min!);
            }
          }
          if (e.reason === 'quota_max') {
            expect(!e.selected && e.inPlainTop).toBe(true);
            for (const k of e.quotas) {
              expect(belongs(c, quotaOf(k))).toBe(true);
              expect(plainIn(quotaOf(k))).toBeGreaterThan(quotaOf(k).max!);
            }
          }
          if (e.reason === 'displaced')
            for (const k of e.quotas) expect(plainIn(quotaOf(k))).toBeLessThan(quotaOf(k).min!);
          if (e.reason === 'freed_place' || e.reason === 'quota_min') {
            expect(e.selected && !e.inPlainTop).toBe(true);
            expect(e.quotas.length).toBeGreaterThan(0);
          }
          if (e.reason === 'rebalanced') expect(e.selected).toBe(!e.inPlainTop);
          if (['quota_max', 'displaced'].includes(e.reason)) expect(e.inPlainTop && !e.selected).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
