/*
 * The exhaustive reference for the assignment tests: every valid assignment of a small instance
 * enumerated, with the rules rewritten here from the issue (not taken from the solver), and the best
 * values of each term of the objective.
 */
import type { AssignmentInput, AssignmentProposal, AssignmentReviewer } from './model.js';

/** May `r` judge `p`? Conflict by institution or region, or excluded. Written apart from classes.ts. */
export function allowed(p: AssignmentProposal, r: AssignmentReviewer): boolean {
  const conflicts = [...r.conflictInstitutionIds];
  if (conflicts.includes(p.institutionId)) return false;
  if (p.excludedReviewerIds.includes(r.id)) return false;
  if (p.regionCode !== null && (r.conflictRegionCodes ?? []).includes(p.regionCode)) return false;
  if (r.conflictsWithRegion && r.conflictsWithRegion(p.regionCode)) return false;
  return true;
}

export interface Optimum {
  feasible: boolean;
  /** Number of valid assignments seen. */
  count: number;
  /** Least Σ load² over all valid assignments. */
  minSumSquares: number;
  /** Fewest expertise misses among those with the least Σ load². */
  minMissesAtBest: number;
  /** The decreasingly minimal load vector, sorted descending (lexicographically least such vector). */
  decMin: number[];
  /** Least possible largest load; greatest possible smallest load. */
  minMax: number;
  maxMin: number;
  /** Some valid assignment has max − min ≤ 1. */
  balancedExists: boolean;
}

function combinations(items: number[], k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  items.forEach((x, i) => {
    for (const rest of combinations(items.slice(i + 1), k - 1)) out.push([x, ...rest]);
  });
  return out;
}

const lexLess = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

export function bruteForce({ proposals, reviewers }: AssignmentInput): Optimum {
  const ps = proposals.filter((p) => p.need > 0);
  const options = ps.map((p) =>
    combinations(
      reviewers.map((r, j) => (allowed(p, r) ? j : -1)).filter((j) => j >= 0),
      p.need,
    ),
  );
  const load = reviewers.map((r) => r.currentLoad);
  const room = reviewers.map((r) => (r.capacity === null ? Infinity : r.capacity));
  const best: Optimum = {
    feasible: false,
    count: 0,
    minSumSquares: Infinity,
    minMissesAtBest: Infinity,
    decMin: [],
    minMax: Infinity,
    maxMin: -Infinity,
    balancedExists: false,
  };
  let misses = 0;
  const visit = (i: number) => {
    if (i === ps.length) {
      best.feasible = true;
      best.count++;
      const sq = load.reduce((s, v) => s + v * v, 0);
      if (sq < best.minSumSquares || (sq === best.minSumSquares && misses < best.minMissesAtBest)) {
        best.minSumSquares = sq;
        best.minMissesAtBest = misses;
      }
      const sorted = [...load].sort((a, b) => b - a);
      if (best.decMin.length === 0 || lexLess(sorted, best.decMin)) best.decMin = sorted;
      const max = sorted[0] ?? 0;
      const min = sorted[sorted.length - 1] ?? 0;
      best.minMax = Math.min(best.minMax, max);
      best.maxMin = Math.max(best.maxMin, min);
      if (max - min <= 1) best.balancedExists = true;
      return;
    }
    for (const choice of options[i]) {
      if (choice.some((j) => load[j] + 1 > room[j])) continue;
      let m = 0;
      for (const j of choice) {
        load[j]++;
        if (!reviewers[j].expertise.includes(ps[i].categoryKey)) m++;
      }
      misses += m;
      visit(i + 1);
      misses -= m;
      for (const j of choice) load[j]--;
    }
  };
  visit(0);
  return best;
}
