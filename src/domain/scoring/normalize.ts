import { t, type Text } from '../errors.js';
import { decideScore, scoreOf, type ProposalScore, type ScoreRules } from './aggregate.js';
import { mean, round2, sd } from './numbers.js';

/*
 * Normalization (issue 12 point 5): a harsh evaluator's 70 may be a lenient one's 85. Each evaluator's
 * submitted totals in the stage become z-scores over that evaluator's own evaluations (z = (x − mean) / sd,
 * population sd), mapped back onto the 0–100 scale as anchor.mean + anchor.sd · z, clamped to [0, 100].
 *
 * The anchor. The textbook 50 + 10·z puts every evaluator's average at 50: a pass mark of 85 would then need
 * z ≥ 3.5 and nobody would pass, so comparing "pass under raw" with "pass under normalized" would be
 * meaningless. By default the anchor is the stage's own scale: the mean of all submitted totals and the
 * average of the evaluators' own sds. Normalized scores then live where the raw ones do, the pass mark keeps
 * its meaning, and an evaluator kept raw (below) is on the same scale as the others. An organizer may fix
 * the anchor instead (e.g. { mean: 75, sd: 10 }); with a fixed anchor an evaluator who scores everything
 * a·x + b (a > 0) gets exactly the same normalized totals; with the pooled anchor every score moves by the
 * same amount and no rank changes.
 *
 * An evaluator with fewer than 3 submitted evaluations, or all the same total (sd 0), has no scale to
 * normalize by: their raw totals are kept and flagged, so the UI can say so beside the score.
 * The proposal's normalized score counts the same totals by the same rule as its raw score (aggregate.ts).
 */

export interface SubmittedEvaluation {
  evaluationId: number;
  proposalId: number;
  reviewerId: number;
  total: number;
  /** ISO instant; orders a proposal's totals (the first k decide the gap). */
  submittedAt: string;
}

export interface Anchor {
  mean: number;
  sd: number;
}

export type ReviewerKept = 'normalized' | 'too_few' | 'no_spread';

export interface ReviewerScale {
  reviewerId: number;
  count: number;
  mean: number;
  sd: number;
  kept: ReviewerKept;
}

export interface NormalizedProposal {
  proposalId: number;
  raw: ProposalScore;
  normalized: ProposalScore;
  /** Each counted evaluation with its raw and normalized total, in submission order. */
  evaluations: {
    evaluationId: number;
    reviewerId: number;
    raw: number;
    normalized: number;
    kept: ReviewerKept;
  }[];
  /** Evaluators of this proposal whose raw totals were kept (too few evaluations or no spread). */
  rawKeptReviewers: number[];
}

export interface NormalizedStage {
  anchor: Anchor;
  anchorSource: 'given' | 'pooled';
  reviewers: ReviewerScale[];
  proposals: NormalizedProposal[];
  /** What the UI shows above the normalized column. */
  note: Text;
}

export const MIN_EVALUATIONS_TO_NORMALIZE = 3;

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** A proposal's totals in the order they were submitted (the first k decide the gap). */
const bySubmission = (x: SubmittedEvaluation, y: SubmittedEvaluation) =>
  x.submittedAt < y.submittedAt ? -1 : x.submittedAt > y.submittedAt ? 1 : x.evaluationId - y.evaluationId;

/** The stage's evaluators' scales and every proposal's raw and normalized score. */
export function normalizeStage(
  evaluations: readonly SubmittedEvaluation[],
  rules: ScoreRules,
  opts: { anchor?: Anchor } = {},
): NormalizedStage {
  const byReviewer = new Map<number, number[]>();
  for (const e of evaluations) {
    const list = byReviewer.get(e.reviewerId);
    if (list) list.push(e.total);
    else byReviewer.set(e.reviewerId, [e.total]);
  }
  const reviewers: ReviewerScale[] = [...byReviewer.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([reviewerId, totals]) => {
      const s = sd(totals);
      const kept: ReviewerKept =
        totals.length < MIN_EVALUATIONS_TO_NORMALIZE ? 'too_few' : s < 1e-9 ? 'no_spread' : 'normalized';
      return { reviewerId, count: totals.length, mean: mean(totals), sd: s, kept };
    });
  const scale = new Map(reviewers.map((r) => [r.reviewerId, r]));
  const normalizedOnes = reviewers.filter((r) => r.kept === 'normalized');
  const anchor: Anchor = opts.anchor ?? {
    mean: evaluations.length ? mean(evaluations.map((e) => e.total)) : 0,
    sd: normalizedOnes.length ? mean(normalizedOnes.map((r) => r.sd)) : 0,
  };
  const normalizedTotal = (e: SubmittedEvaluation, r: ReviewerScale): number =>
    r.kept === 'normalized' ? clamp(anchor.mean + (anchor.sd * (e.total - r.mean)) / r.sd) : e.total;

  const byProposal = new Map<number, SubmittedEvaluation[]>();
  for (const e of evaluations) {
    const list = byProposal.get(e.proposalId);
    if (list) list.push(e);
    else byProposal.set(e.proposalId, [e]);
  }
  // One pass per proposal, few allocations: a stage of 30,000 proposals builds 60,000 scores here.
  const proposalIds = [...byProposal.keys()].sort((a, b) => a - b);
  const proposals: NormalizedProposal[] = new Array(proposalIds.length);
  for (let i = 0; i < proposalIds.length; i++) {
    const proposalId = proposalIds[i]!;
    const ordered = byProposal.get(proposalId)!;
    if (ordered.length > 1) ordered.sort(bySubmission);
    const n = ordered.length;
    const rawTotals: number[] = new Array(n);
    const normTotals: number[] = new Array(n);
    const evals: NormalizedProposal['evaluations'] = new Array(n);
    const rawKeptReviewers: number[] = [];
    for (let j = 0; j < n; j++) {
      const e = ordered[j]!;
      const r = scale.get(e.reviewerId)!;
      const normalized = normalizedTotal(e, r);
      rawTotals[j] = e.total;
      normTotals[j] = normalized;
      evals[j] = {
        evaluationId: e.evaluationId,
        reviewerId: e.reviewerId,
        raw: e.total,
        normalized,
        kept: r.kept,
      };
      if (r.kept !== 'normalized' && !rawKeptReviewers.includes(e.reviewerId))
        rawKeptReviewers.push(e.reviewerId);
    }
    const d = decideScore(rawTotals, rules);
    proposals[i] = {
      proposalId,
      raw: scoreOf(d, rawTotals, rules),
      normalized: scoreOf(d, normTotals, rules),
      evaluations: evals,
      rawKeptReviewers,
    };
  }
  const kept = reviewers.length - normalizedOnes.length;
  return {
    anchor,
    anchorSource: opts.anchor ? 'given' : 'pooled',
    reviewers,
    proposals,
    note: t(
      `Nilai ternormalisasi: nilai tiap penilai diubah menjadi skor-z atas penilaiannya sendiri, lalu dipetakan ke skala 0–100 sebagai ${round2(anchor.mean)} + ${round2(anchor.sd)} × z.` +
        (kept
          ? ` ${kept} penilai memakai nilai asli (kurang dari ${MIN_EVALUATIONS_TO_NORMALIZE} penilaian atau semua nilainya sama).`
          : ''),
      `Normalized scores: each evaluator's totals become z-scores over their own evaluations, mapped to 0–100 as ${round2(anchor.mean)} + ${round2(anchor.sd)} × z.` +
        (kept
          ? ` ${kept} evaluator(s) keep their raw totals (fewer than ${MIN_EVALUATIONS_TO_NORMALIZE} evaluations or all totals equal).`
          : ''),
    ),
  };
}
