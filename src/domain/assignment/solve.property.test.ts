import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowed, bruteForce } from './brute-force.fixtures.js';
import type { AssignmentInput, AssignmentProposal, AssignmentReviewer } from './model.js';
import { assignReviewers } from './solve.js';

/*
 * Random small instances (≤ 6 proposals × ≤ 5 reviewers, need ≤ 2) against the exhaustive optimum of
 * brute-force.fixtures.ts: the rules hold, and every term of the objective equals the best possible.
 */

/**
 * Three kinds of instance: roomy (few conflicts and limits: mostly solvable, the optimum is the question),
 * tight (many conflicts and exclusions: often a proposal alone cannot be served) and scarce (no conflict
 * but small capacities: proposals that each could be served but not all together).
 */
type Kind = 'roomy' | 'tight' | 'scarce';
const reviewerArb = (kind: Kind) =>
  fc.record({
    capacity:
      kind === 'scarce'
        ? fc.integer({ min: 0, max: 3 })
        : fc.option(fc.integer({ min: 0, max: kind === 'roomy' ? 6 : 3 }), {
            nil: null,
            freq: kind === 'roomy' ? 3 : 1,
          }),
    currentLoad: fc.integer({ min: 0, max: kind === 'scarce' ? 1 : 3 }),
    expertise: fc.subarray(['a', 'b', 'c'], { maxLength: 2 }),
    conflicts: fc.subarray([1, 2, 3], { maxLength: kind === 'roomy' ? 1 : kind === 'tight' ? 2 : 0 }),
    region:
      kind === 'scarce'
        ? fc.constant(null)
        : fc.option(fc.constantFrom('r1', 'r2'), { nil: null, freq: kind === 'roomy' ? 3 : 1 }),
  });
const proposalArb = (kind: Kind) =>
  fc.record({
    institutionId: fc.integer({ min: 1, max: 3 }),
    categoryKey: fc.constantFrom('a', 'b', 'c'),
    regionCode: fc.constantFrom('r1', 'r2'),
    need: fc.integer({ min: kind === 'scarce' ? 1 : 0, max: 2 }),
    excluded: fc.subarray([0, 1, 2, 3, 4], { maxLength: kind === 'tight' ? 2 : kind === 'roomy' ? 1 : 0 }),
  });

/** Ids are neither contiguous nor in input order, so nothing leans on positions. */
const instanceArb = fc
  .constantFrom<Kind>('roomy', 'tight', 'scarce')
  .chain((kind) =>
    fc.record({
      reviewers: fc.array(reviewerArb(kind), { minLength: 1, maxLength: 5 }),
      proposals: fc.array(proposalArb(kind), { maxLength: 6 }),
    }),
  )
  .map(({ reviewers, proposals }): AssignmentInput => {
    const rid = (j: number) => 50 - 7 * j;
    return {
      reviewers: reviewers.map((r, j): AssignmentReviewer => ({
        id: rid(j),
        capacity: r.capacity,
        currentLoad: r.currentLoad,
        expertise: r.expertise,
        conflictInstitutionIds: j % 2 ? new Set(r.conflicts) : r.conflicts,
        // The regional rule as data for some reviewers, as a function for others.
        ...(r.region === null
          ? {}
          : j % 2
            ? { conflictsWithRegion: (code: string | null) => code === r.region }
            : { conflictRegionCodes: [r.region] }),
      })),
      proposals: proposals.map((p, i): AssignmentProposal => ({
        id: 1000 + ((i * 37) % 101),
        institutionId: p.institutionId,
        categoryKey: p.categoryKey,
        regionCode: p.regionCode,
        need: p.need,
        excludedReviewerIds: p.excluded.filter((j) => j < reviewers.length).map(rid),
      })),
    };
  });

const RUNS = { numRuns: 400, seed: 12 } as const;

describe('assignReviewers against the exhaustive optimum', () => {
  it('finds an assignment exactly when one exists; then each proposal gets its need, distinct, conflict-free, within capacity', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = assignReviewers(input);
        const best = bruteForce(input);
        expect(result.ok).toBe(best.feasible);
        if (!result.ok) return;
        const reviewers = new Map(input.reviewers.map((r) => [r.id, r]));
        for (const p of input.proposals) {
          const mine = result.pairs.filter((x) => x.proposalId === p.id).map((x) => x.reviewerId);
          expect(mine.length).toBe(p.need);
          expect(new Set(mine).size).toBe(p.need);
          for (const r of mine) expect(allowed(p, reviewers.get(r)!)).toBe(true);
        }
        for (const l of result.loads) {
          const r = reviewers.get(l.reviewerId)!;
          expect(l.before).toBe(r.currentLoad);
          expect(l.after).toBe(r.currentLoad + result.pairs.filter((x) => x.reviewerId === r.id).length);
          if (r.capacity !== null && l.after > l.before) expect(l.after).toBeLessThanOrEqual(r.capacity);
        }
      }),
      RUNS,
    );
  });

  it('balances the loads optimally: the decreasingly minimal vector, least max, greatest min, max − min ≤ 1 when any assignment has it', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = assignReviewers(input);
        if (!result.ok) return;
        const best = bruteForce(input);
        const loads = result.loads.map((l) => l.after).sort((a, b) => b - a);
        expect(loads).toEqual(best.decMin);
        expect(result.cost.sumOfSquaredLoads).toBe(best.minSumSquares);
        expect(result.cost.maxLoad).toBe(best.minMax);
        expect(result.cost.minLoad).toBe(best.maxMin);
        if (best.balancedExists) expect(result.cost.maxLoad - result.cost.minLoad).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('then has the fewest expertise misses any best-balanced assignment has', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = assignReviewers(input);
        if (!result.ok) return;
        const best = bruteForce(input);
        expect(result.cost.expertiseMisses).toBe(best.minMissesAtBest);
        const reviewers = new Map(input.reviewers.map((r) => [r.id, r]));
        const categories = new Map(input.proposals.map((p) => [p.id, p.categoryKey]));
        const misses = result.pairs.filter(
          (x) => !reviewers.get(x.reviewerId)!.expertise.includes(categories.get(x.proposalId)!),
        );
        expect(misses.length).toBe(result.cost.expertiseMisses);
        expect(result.pairs.filter((x) => !x.expertiseMatch)).toEqual(misses);
      }),
      RUNS,
    );
  });

  it('when none exists, assigns nothing and names exactly the proposals that cannot be served', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = assignReviewers(input);
        if (result.ok) return;
        expect(result.pairs).toEqual([]);
        const named = new Set(result.unserved.map((u) => u.proposalId));
        expect(named.size).toBe(result.unserved.length);
        expect(named.size).toBeGreaterThan(0);
        const only = (ids: (id: number) => boolean) => ({
          reviewers: input.reviewers,
          proposals: input.proposals.filter((p) => ids(p.id)),
        });
        // Every proposal not named can be served, all together.
        expect(bruteForce(only((id) => !named.has(id))).feasible).toBe(true);
        // A proposal named alone cannot be served alone; a shortage group cannot be served as a group.
        const group = result.unserved.filter((u) => u.reason.kind === 'shortage');
        for (const u of result.unserved.filter((x) => x.reason.kind !== 'shortage'))
          expect(bruteForce(only((id) => id === u.proposalId)).feasible).toBe(false);
        if (group.length) {
          const ids = new Set(group.map((u) => u.proposalId));
          expect(bruteForce(only((id) => ids.has(id))).feasible).toBe(false);
          const reason = group[0].reason;
          if (reason.kind !== 'shortage') throw new Error('unreachable');
          expect(reason.groupSize).toBe(ids.size);
          expect(reason.placesLeft).toBeLessThan(reason.groupNeed);
        }
        for (const u of result.unserved) expect(u.message.id && u.message.en).toBeTruthy();
      }),
      RUNS,
    );
  });

  it('gives the same answer whatever the order of the input', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const once = assignReviewers(input);
        const again = assignReviewers(input);
        const reversed = assignReviewers({
          proposals: [...input.proposals].reverse(),
          reviewers: [...input.reviewers].reverse(),
        });
        expect(again).toEqual(once);
        expect(reversed).toEqual(once);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
