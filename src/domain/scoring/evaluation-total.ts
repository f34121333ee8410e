/*
 * One reviewer's weighted total of one evaluation (issue 12 point 4): each criterion's value (0–100) times
 * its weight, the weights normalised by their sum, so the total is again on 0–100 whatever the weights add
 * up to (a rubric of 10+15+5+30+20+5+15 = 100 and one of 1+1+1 give the same scale). Rounded to two
 * decimals, as it is stored and shown; the aggregation over reviewers (domain/scoring/) starts from it.
 */

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

/** A value a reviewer may give: a finite number within 0–100. */
export const isValidScore = (v: number): boolean => Number.isFinite(v) && v >= SCORE_MIN && v <= SCORE_MAX;

export interface WeightedValue {
  weight: number;
  value: number | null;
}

/**
 * The weighted total, or null while a criterion has no value yet (a draft) or the weights sum to nothing.
 * Throws on a value outside 0–100 or a negative weight: callers validate first, so that is a bug.
 */
export function evaluationTotal(items: readonly WeightedValue[]): number | null {
  let weights = 0;
  let sum = 0;
  for (const { weight, value } of items) {
    if (!(weight >= 0)) throw new RangeError(`negative weight ${weight}`);
    if (value === null) return null;
    if (!isValidScore(value)) throw new RangeError(`score ${value} outside 0–100`);
    weights += weight;
    sum += weight * value;
  }
  if (weights === 0) return null;
  return Math.round((sum / weights) * 100) / 100;
}
