import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreRules } from './aggregate.js';
import { normalizeStage, type SubmittedEvaluation } from './normalize.js';

const rules: ScoreRules = {
  reviewersPerProposal: 2,
  aggregation: 'mean',
  gapThreshold: null,
  thirdRule: 'mean_all',
};

let nextId = 1;
const ev = (proposalId: number, reviewerId: number, total: number, minute = 0): SubmittedEvaluation => ({
  evaluationId: nextId++,
  proposalId,
  reviewerId,
  total,
  submittedAt: `2026-12-06T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

/** Reviewer 1 is harsh (60, 65, 70), reviewer 2 lenient (80, 85, 90), both over the same three proposals. */
const pair = () => [
  ev(1, 1, 60),
  ev(2, 1, 65),
  ev(3, 1, 70),
  ev(1, 2, 80, 1),
  ev(2, 2, 85, 1),
  ev(3, 2, 90, 1),
];

describe('normalizeStage', () => {
  it("maps each evaluator's totals through their own z-scores onto the stage's pooled scale", () => {
    const s = normalizeStage(pair(), rules);
    expect(s.anchorSource).toBe('pooled');
    expect(s.anchor.mean).toBeCloseTo(75, 9);
    expect(s.anchor.sd).toBeCloseTo(Math.sqrt(50 / 3), 9);
    // both evaluators rank the proposals alike: after normalization they agree exactly
    const p1 = s.proposals.find((p) => p.proposalId === 1)!;
    expect(p1.evaluations.map((e) => e.normalized)).toEqual([
      expect.closeTo(75 - Math.sqrt(50 / 3) * Math.sqrt(1.5), 9),
      expect.closeTo(75 - Math.sqrt(50 / 3) * Math.sqrt(1.5), 9),
    ]);
    expect(p1.raw.score).toBe(70);
    expect(p1.normalized.score).toBe(70);
    expect(s.proposals.map((p) => p.normalized.score)).toEqual([70, 75, 80]);
    expect(s.note.id).toContain('skor-z');
  });

  it('with a fixed anchor maps as mean + sd · z, clamped to 0–100', () => {
    const s = normalizeStage(pair(), rules, { anchor: { mean: 50, sd: 40 } });
    const p3 = s.proposals.find((p) => p.proposalId === 3)!;
    expect(p3.evaluations[0]!.normalized).toBeCloseTo(50 + 40 * Math.sqrt(1.5), 9);
    const wide = normalizeStage(pair(), rules, { anchor: { mean: 90, sd: 30 } });
    expect(wide.proposals.find((p) => p.proposalId === 3)!.evaluations[0]!.normalized).toBe(100);
  });

  it('keeps the raw totals of an evaluator with fewer than 3 evaluations or no spread, and flags them', () => {
    const s = normalizeStage(
      [...pair(), ev(4, 3, 88), ev(5, 3, 61), ev(4, 4, 70, 2), ev(5, 4, 70, 2), ev(6, 4, 70, 2)],
      rules,
    );
    expect(s.reviewers.map((r) => [r.reviewerId, r.kept])).toEqual([
      [1, 'normalized'],
      [2, 'normalized'],
      [3, 'too_few'],
      [4, 'no_spread'],
    ]);
    const p4 = s.proposals.find((p) => p.proposalId === 4)!;
    expect(p4.evaluations.map((e) => e.normalized)).toEqual([88, 70]);
    expect(p4.rawKeptReviewers).toEqual([3, 4]);
    expect(s.note.en).toContain('2 evaluator(s) keep their raw totals');
  });

  it('counts the same totals by the same rule as the raw score: pending third stays pending', () => {
    const s = normalizeStage([ev(1, 1, 90), ev(1, 2, 60, 1)], { ...rules, gapThreshold: 15 });
    expect(s.proposals[0]!.raw.status).toBe('pending_third');
    expect(s.proposals[0]!.normalized).toMatchObject({ status: 'pending_third', score: null });
  });

  it('with the pooled anchor a harsh shift of one evaluator moves every normalized total by the same amount', () => {
    const base = normalizeStage(pair(), rules);
    const harsh = normalizeStage(
      pair().map((e) => (e.reviewerId === 1 ? { ...e, total: e.total - 10 } : e)),
      rules,
    );
    const flat = (s: typeof base) => s.proposals.flatMap((p) => p.evaluations.map((e) => e.normalized));
    const moved = flat(harsh).map((v, i) => v - flat(base)[i]!);
    for (const m of moved) expect(m).toBeCloseTo(-5, 9); // −10 × 3 of the 6 totals
  });

  it('is invariant under an affine change of one evaluator with a fixed anchor (property)', () => {
    const stage = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 30 })
      .map((totals) => totals.map((total, i) => ev(1 + Math.floor(i / 2), 1 + ((i * 7) % 4), total, i % 60)));
    fc.assert(
      fc.property(
        stage,
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        fc.integer({ min: -40, max: 40 }),
        (evals, who, a, b) => {
          const anchor = { mean: 70, sd: 8 };
          const before = normalizeStage(evals, rules, { anchor });
          const after = normalizeStage(
            evals.map((e) => (e.reviewerId === who ? { ...e, total: a * e.total + b } : e)),
            rules,
            { anchor },
          );
          const scale = before.reviewers.find((r) => r.reviewerId === who);
          fc.pre(scale?.kept === 'normalized');
          for (const [i, p] of before.proposals.entries()) {
            const q = after.proposals[i]!;
            p.evaluations.forEach((e, j) =>
              expect(q.evaluations[j]!.normalized).toBeCloseTo(e.normalized, 9),
            );
            if (p.normalized.score !== null)
              expect(Math.abs(q.normalized.score! - p.normalized.score)).toBeLessThanOrEqual(0.01 + 1e-9);
          }
        },
      ),
    );
  });
});
