import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_DEFAULTS } from '../review-settings.js';
import { aggregateProposal, combine, type ScoreRules } from './aggregate.js';

const rules = (over: Partial<ScoreRules> = {}): ScoreRules => ({
  reviewersPerProposal: REVIEW_DEFAULTS.reviewersPerProposal,
  aggregation: REVIEW_DEFAULTS.aggregation,
  gapThreshold: REVIEW_DEFAULTS.gapThreshold,
  thirdRule: REVIEW_DEFAULTS.thirdRule,
  ...over,
});

const total = fc.integer({ min: 0, max: 10000 }).map((x) => x / 100);

describe('aggregateProposal: two reviewers', () => {
  it('waits until k totals are in', () => {
    const r = aggregateProposal([80], rules());
    expect(r).toMatchObject({ status: 'waiting', score: null, needsExtra: false });
    expect(r.explanation.id).toBe('Menunggu penilaian: 1 dari 2 nilai sudah masuk.');
    expect(r.explanation.en).toBe('Waiting for reviews: 1 of 2 totals submitted.');
  });

  it('takes the mean of two close totals and explains it in both languages', () => {
    const r = aggregateProposal([80, 72.5], rules());
    expect(r).toMatchObject({
      status: 'scored',
      score: 76.25,
      gap: 7.5,
      needsExtra: false,
      totals: [80, 72.5],
    });
    expect(r.explanation.id).toBe(
      'Rata-rata dari 2 nilai (80,00; 72,50) = 76,25. Selisih 7,50 tidak melebihi ambang 15,00.',
    );
    expect(r.explanation.en).toBe(
      'Mean of 2 totals (80.00, 72.50) = 76.25. The gap of 7.50 is not above the threshold of 15.00.',
    );
  });

  it('brings no third reviewer at a gap of exactly the threshold (strictly more is needed)', () => {
    expect(aggregateProposal([85, 70], rules())).toMatchObject({
      status: 'scored',
      score: 77.5,
      needsExtra: false,
    });
    expect(aggregateProposal([85.01, 70], rules())).toMatchObject({
      status: 'pending_third',
      score: null,
      needsExtra: true,
    });
  });

  it('is pending third above the threshold, then combines three by the third rule', () => {
    const pending = aggregateProposal([90, 60], rules());
    expect(pending).toMatchObject({ status: 'pending_third', gap: 30, needsExtra: true, score: null });
    expect(pending.explanation.id).toContain('Selisih 30,00 melebihi ambang 15,00');
    expect(pending.explanation.en).toContain("Waiting for the additional reviewer's total");
    expect(aggregateProposal([90, 60, 84], rules({ thirdRule: 'mean_all' })).score).toBe(78);
    expect(aggregateProposal([90, 60, 84], rules({ thirdRule: 'closest_pair' })).score).toBe(87);
    expect(aggregateProposal([90, 60, 84], rules({ thirdRule: 'median' })).score).toBe(84);
    const r = aggregateProposal([90, 60, 84], rules({ thirdRule: 'closest_pair' }));
    expect(r.explanation.id).toBe(
      'Rata-rata dua nilai terdekat (90,00; 60,00; 84,00) = 87,00. Selisih 30,00 melebihi ambang 15,00.',
    );
  });

  it('breaks a closest-pair tie for neither side: the middle total', () => {
    expect(aggregateProposal([60, 90, 75], rules({ thirdRule: 'closest_pair' })).score).toBe(75);
  });

  it('carries its explanation into JSON (built when first read)', () => {
    const r = aggregateProposal([80, 72.5], rules());
    const json = JSON.parse(JSON.stringify(r));
    expect(json.explanation).toEqual(r.explanation);
    expect(json.explanation.en).toContain('Mean of 2 totals');
    expect(Object.keys(json).sort()).toEqual(
      [
        'counted',
        'explanation',
        'gap',
        'ignored',
        'needsExtra',
        'rule',
        'score',
        'status',
        'threshold',
        'totals',
      ].sort(),
    );
  });

  it('keeps the explanation getter on the class, not on each score (a per-score accessor costs ~1 KB)', () => {
    const a = aggregateProposal([80, 72.5], rules());
    const b = aggregateProposal([60, 70], rules());
    expect(Object.getOwnPropertyDescriptor(a, 'explanation')).toBeUndefined();
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(b.explanation.id).toContain('Rata-rata dari 2 nilai');
  });

  it('uses the median when the stage says so', () => {
    expect(aggregateProposal([70, 80], rules({ aggregation: 'median' })).score).toBe(75);
  });

  it('never brings a third reviewer without a threshold', () => {
    expect(aggregateProposal([100, 0], rules({ gapThreshold: null }))).toMatchObject({
      status: 'scored',
      score: 50,
    });
  });

  it('lists totals beyond those counted as not counted', () => {
    expect(aggregateProposal([80, 78, 10], rules())).toMatchObject({
      score: 79,
      totals: [80, 78],
      ignored: [10],
    });
  });
});

describe('aggregateProposal: k = 3', () => {
  it('defines the gap as max − min of the first three and then combines four', () => {
    const k3 = rules({ reviewersPerProposal: 3, aggregation: 'median' });
    expect(aggregateProposal([80, 70, 75], k3)).toMatchObject({ status: 'scored', gap: 10, score: 75 });
    expect(aggregateProposal([80, 60, 75], k3)).toMatchObject({ status: 'pending_third', gap: 20 });
    // closest three of four: drop 60 (range 80−75 = 5 instead of 20)
    expect(aggregateProposal([80, 60, 75, 78], { ...k3, thirdRule: 'closest_pair' }).score).toBe(77.67);
    expect(aggregateProposal([80, 60, 75, 78], { ...k3, thirdRule: 'median' }).score).toBe(76.5);
  });
});

describe('aggregateProposal: properties', () => {
  const anyRules = fc.record({
    reviewersPerProposal: fc.integer({ min: 1, max: 4 }),
    aggregation: fc.constantFrom('mean' as const, 'median' as const),
    gapThreshold: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    thirdRule: fc.constantFrom('mean_all' as const, 'closest_pair' as const, 'median' as const),
  });

  it('the score lies within the min and max of the totals it counts (mean, median and every third rule)', () => {
    fc.assert(
      fc.property(anyRules, fc.array(total, { minLength: 1, maxLength: 6 }), (r, totals) => {
        const s = aggregateProposal(totals, r);
        if (s.status !== 'scored') return;
        expect(s.score!).toBeGreaterThanOrEqual(Math.min(...s.totals));
        expect(s.score!).toBeLessThanOrEqual(Math.max(...s.totals));
      }),
    );
  });

  it('the score does not depend on the order of the counted totals once they are decided', () => {
    fc.assert(
      fc.property(
        anyRules,
        fc.array(total, { minLength: 1, maxLength: 5 }),
        fc.integer(),
        (r, totals, seed) => {
          const s = aggregateProposal(totals, r);
          if (s.status !== 'scored' || s.ignored.length) return;
          const shuffled = [...totals].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
          const first = shuffled.slice(0, r.reviewersPerProposal);
          // same first-k set ⇒ same decision ⇒ same score
          if ([...first].sort().join() !== [...totals.slice(0, r.reviewersPerProposal)].sort().join()) return;
          expect(aggregateProposal(shuffled, r).score).toBe(s.score);
        },
      ),
    );
  });

  it('a third reviewer is needed exactly when the first k differ by more than the threshold', () => {
    fc.assert(
      fc.property(anyRules, fc.array(total, { minLength: 1, maxLength: 4 }), (r, totals) => {
        const k = r.reviewersPerProposal;
        const s = aggregateProposal(totals, r);
        if (totals.length < k) {
          expect(s.status).toBe('waiting');
          return;
        }
        const first = totals.slice(0, k);
        const gap = Math.max(...first) - Math.min(...first);
        const expected = k >= 2 && r.gapThreshold !== null && Math.round(gap * 100) > r.gapThreshold * 100;
        expect(s.needsExtra).toBe(expected);
        expect(s.status).toBe(expected && totals.length === k ? 'pending_third' : 'scored');
      }),
    );
  });
});

describe('combine: permutation invariance', () => {
  it('every rule gives the same value for any order of the same totals', () => {
    const rule = fc.oneof(
      fc
        .constantFrom('mean' as const, 'median' as const)
        .map((aggregation) => ({ kind: 'aggregation' as const, aggregation })),
      fc
        .record({
          thirdRule: fc.constantFrom('mean_all' as const, 'closest_pair' as const, 'median' as const),
          k: fc.integer({ min: 1, max: 4 }),
        })
        .map((r) => ({ kind: 'third' as const, ...r })),
    );
    fc.assert(
      fc.property(rule, fc.array(total, { minLength: 1, maxLength: 5 }), (r, xs) => {
        fc.pre(r.kind === 'aggregation' || xs.length === r.k + 1);
        const a = combine(xs, r);
        const b = combine([...xs].reverse(), r);
        const c = combine([...xs.slice(1), xs[0]!], r);
        expect(b).toBeCloseTo(a, 9);
        expect(c).toBeCloseTo(a, 9);
      }),
    );
  });
});
