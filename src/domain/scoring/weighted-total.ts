import { t, type Text } from '../errors.js';
import { round2 } from './numbers.js';

/*
 * The weighted total of one evaluation: each criterion's value (0–100) times its weight, divided by the sum of
 * the weights, so the total is on the same 0–100 scale whatever the weights add up to (40/30/30, 4/3/3 or
 * 2/1/1 give the same totals). A criterion with weight 0 is shown but counts nothing, and need not be given.
 * A criterion with a positive weight and no value makes the total not computable: the evaluation cannot be
 * submitted, and the answer names the missing criteria.
 */

export interface WeightedCriterion {
  id: number;
  weight: number;
  label?: Text;
}

export type WeightedTotal =
  | { ok: true; total: number }
  | { ok: false; code: 'missing_values'; missing: number[]; message: Text }
  | { ok: false; code: 'no_weight'; missing: []; message: Text };

const given = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The total rounded to two decimals (the precision it is stored, shown and compared with). `values` maps a
 * criterion id to its value; values outside 0–100 are the caller's validation (the form refuses them), here
 * they are clamped so a stray value cannot push a total off the scale.
 */
export function weightedTotal(
  criteria: readonly WeightedCriterion[],
  values: ReadonlyMap<number, number | null | undefined>,
): WeightedTotal {
  const counted = criteria.filter((c) => c.weight > 0);
  const weightSum = counted.reduce((s, c) => s + c.weight, 0);
  if (!counted.length || !(weightSum > 0))
    return {
      ok: false,
      code: 'no_weight',
      missing: [],
      message: t(
        'Rubrik belum memiliki kriteria berbobot; nilai total tidak dapat dihitung.',
        'The rubric has no weighted criterion; the total cannot be computed.',
      ),
    };
  const missing = counted.filter((c) => !given(values.get(c.id)));
  if (missing.length) {
    const names = (lang: 'id' | 'en') => missing.map((c) => c.label?.[lang] ?? `#${c.id}`).join(', ');
    return {
      ok: false,
      code: 'missing_values',
      missing: missing.map((c) => c.id),
      message: t(
        `Nilai total belum dapat dihitung: kriteria ${names('id')} belum dinilai.`,
        `The total cannot be computed yet: criteria ${names('en')} have no score.`,
      ),
    };
  }
  const sum = counted.reduce((s, c) => s + Math.min(100, Math.max(0, values.get(c.id)!)) * c.weight, 0);
  return { ok: true, total: round2(sum / weightSum) };
}
