import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { t } from '../errors.js';
import { weightedTotal } from './weighted-total.js';

const crit = (id: number, weight: number) => ({ id, weight, label: t(`Kriteria ${id}`, `Criterion ${id}`) });

describe('weightedTotal', () => {
  it('weighs each value and divides by the sum of the weights (40/30/30)', () => {
    const r = weightedTotal(
      [crit(1, 40), crit(2, 30), crit(3, 30)],
      new Map([
        [1, 90],
        [2, 80],
        [3, 70],
      ]),
    );
    expect(r).toEqual({ ok: true, total: 81 });
  });

  it('gives the same total whatever the weights add up to (4/3/3 = 40/30/30)', () => {
    const values = new Map([
      [1, 77],
      [2, 64],
      [3, 91],
    ]);
    const a = weightedTotal([crit(1, 40), crit(2, 30), crit(3, 30)], values);
    const b = weightedTotal([crit(1, 4), crit(2, 3), crit(3, 3)], values);
    expect(a).toEqual(b);
    expect(a).toEqual({ ok: true, total: 77.3 });
  });

  it('counts nothing of a weight-0 criterion, which need not be scored', () => {
    expect(weightedTotal([crit(1, 1), crit(2, 0)], new Map([[1, 60]]))).toEqual({ ok: true, total: 60 });
    expect(
      weightedTotal(
        [crit(1, 1), crit(2, 0)],
        new Map([
          [1, 60],
          [2, 0],
        ]),
      ),
    ).toEqual({ ok: true, total: 60 });
  });

  it('is not computable while a weighted value is missing, and names the missing criteria in both languages', () => {
    const r = weightedTotal(
      [crit(1, 1), crit(2, 1), crit(3, 1)],
      new Map([
        [1, 60],
        [2, null],
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('missing_values');
    expect(r.missing).toEqual([2, 3]);
    expect(r.message.id).toContain('Kriteria 2, Kriteria 3');
    expect(r.message.en).toContain('Criterion 2, Criterion 3');
  });

  it('refuses a rubric without a positive weight', () => {
    expect(weightedTotal([crit(1, 0)], new Map([[1, 50]]))).toMatchObject({ ok: false, code: 'no_weight' });
  });

  it('rounds to two decimals (1/3 weights)', () => {
    expect(
      weightedTotal(
        [crit(1, 1), crit(2, 1), crit(3, 1)],
        new Map([
          [1, 100],
          [2, 100],
          [3, 0],
        ]),
      ),
    ).toEqual({
      ok: true,
      total: 66.67,
    });
  });

  it('stays between the lowest and the highest weighted value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (pairs) => {
          const criteria = pairs.map(([w], i) => crit(i, w));
          const values = new Map(pairs.map(([, v], i) => [i, v]));
          const r = weightedTotal(criteria, values);
          const counted = pairs.filter(([w]) => w > 0).map(([, v]) => v);
          if (!counted.length) {
            expect(r.ok).toBe(false);
            return;
          }
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.total).toBeGreaterThanOrEqual(Math.min(...counted));
          expect(r.total).toBeLessThanOrEqual(Math.max(...counted));
        },
      ),
    );
  });
});
