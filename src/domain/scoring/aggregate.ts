import { t, type Text } from '../errors.js';
import type { ReviewSettings } from '../review-settings.js';
import { listEn, listId, mean, median, numEn, numId, round2 } from './numbers.js';

/*
 * A proposal's score from its reviewers' submitted totals (issue 12 point 5).
 *
 * - The first k totals (k = reviewersPerProposal, in the order they were submitted) decide. Their gap is
 *   max − min (for k = 2 simply the difference). A gap STRICTLY above the threshold (20 > 15; exactly 15 is
 *   not) brings one more reviewer; until that reviewer submits, the score is "pending third".
 * - Without a gap: the mean (or the median, setting `aggregation`) of the k totals.
 * - With a gap and the extra total in: `thirdRule` over the k + 1 totals: the mean of all; the mean of the
 *   closest k (for k = 2 the closest pair; the total farthest from the others is dropped); or the median.
 *   A tie between the closest pairs (60, 75, 90: both pairs 15 apart) favours no side: the mean of the two
 *   pairs' means, which is the middle total.
 * - Totals beyond those (an extra reviewer added by hand) are listed as not counted, never silently mixed in.
 * - The score is rounded to two decimals at the end, never in between.
 *
 * The same decision (which totals, which rule) applies to the normalized totals (normalize.ts): the third
 * reviewer is a fact of the raw scores, the normalization only changes the values combined.
 */

export type ScoreRules = Pick<
  ReviewSettings,
  'reviewersPerProposal' | 'aggregation' | 'gapThreshold' | 'thirdRule'
> & {
  /** `whole_panel`: every submitted total counts (no k, no gap); see panel.ts for who is left out. */
  mode?: ReviewSettings['mode'];
};

/** How the counted totals combine: the stage's aggregation, or the third rule once a gap brought one more. */
export type CombineRule =
  | { kind: 'aggregation'; aggregation: ReviewSettings['aggregation'] }
  | { kind: 'third'; thirdRule: ReviewSettings['thirdRule']; k: number };

export type ScoreStatus = 'waiting' | 'pending_third' | 'scored';

/** Which of the submitted totals count and how: the part of the score that does not depend on their values' scale. */
export interface ScoreDecision {
  status: ScoreStatus;
  /** How many of the first submitted totals count (k, or k + 1 after a gap); 0 while waiting. */
  counted: number;
  /** max − min of the first k totals, when there are k of them and k ≥ 2. */
  gap: number | null;
  /** The gap is above the threshold: one more reviewer is needed (or came). */
  needsExtra: boolean;
  rule: CombineRule | null;
}

export interface ProposalScore extends ScoreDecision {
  /** The score (two decimals) once `scored`; null before. */
  score: number | null;
  /** The totals counted, in submission order. */
  totals: number[];
  /** Submitted totals not counted (beyond k, or k + 1). */
  ignored: number[];
  threshold: number | null;
  /** What the UI shows beside the score, in both languages. */
  explanation: Text;
}

const k = (r: ScoreRules) => Math.max(1, Math.floor(r.reviewersPerProposal));

/** Decides from the submitted totals (in submission order) which count and by which rule. */
export function decideScore(totals: readonly number[], rules: ScoreRules): ScoreDecision {
  if (rules.mode === 'whole_panel')
    return totals.length
      ? {
          status: 'scored',
          counted: totals.length,
          gap: null,
          needsExtra: false,
          rule: { kind: 'aggregation', aggregation: rules.aggregation },
        }
      : { status: 'waiting', counted: 0, gap: null, needsExtra: false, rule: null };
  const need = k(rules);
  if (totals.length < need)
    return { status: 'waiting', counted: 0, gap: null, needsExtra: false, rule: null };
  const first = totals.slice(0, need);
  const gap = need >= 2 ? Math.max(...first) - Math.min(...first) : null;
  // Compared at the stored precision, so 15.000000001 from float noise is not "above 15".
  const needsExtra = gap !== null && rules.gapThreshold !== null && round2(gap) > rules.gapThreshold;
  if (!needsExtra)
    return {
      status: 'scored',
      counted: need,
      gap,
      needsExtra,
      rule: { kind: 'aggregation', aggregation: rules.aggregation },
    };
  if (totals.length < need + 1) return { status: 'pending_third', counted: 0, gap, needsExtra, rule: null };
  return {
    status: 'scored',
    counted: need + 1,
    gap,
    needsExtra,
    rule: { kind: 'third', thirdRule: rules.thirdRule, k: need },
  };
}

/** The closest k of k + 1 totals: drop the lowest or the highest, whichever leaves the smaller range. */
function closestMean(values: readonly number[], keep: number): number {
  const s = [...values].sort((a, b) => a - b);
  const low = s.slice(0, keep);
  const high = s.slice(s.length - keep);
  const rangeLow = round2(low[low.length - 1]! - low[0]!);
  const rangeHigh = round2(high[high.length - 1]! - high[0]!);
  if (rangeLow < rangeHigh) return mean(low);
  if (rangeHigh < rangeLow) return mean(high);
  return (mean(low) + mean(high)) / 2;
}

/** Combines the counted values by the rule (unrounded). */
export function combine(values: readonly number[], rule: CombineRule): number {
  if (rule.kind === 'aggregation') return rule.aggregation === 'median' ? median(values) : mean(values);
  if (rule.thirdRule === 'median') return median(values);
  if (rule.thirdRule === 'closest_pair') return closestMean(values, rule.k);
  return mean(values);
}

function ruleText(rule: CombineRule, n: number): Text {
  if (rule.kind === 'aggregation')
    return rule.aggregation === 'median'
      ? t(`median dari ${n} nilai`, `median of ${n} totals`)
      : t(`rata-rata dari ${n} nilai`, `mean of ${n} totals`);
  if (rule.thirdRule === 'median') return t(`median dari ${n} nilai`, `median of the ${n} totals`);
  if (rule.thirdRule === 'closest_pair')
    return rule.k === 2
      ? t('rata-rata dua nilai terdekat', 'mean of the two closest totals')
      : t(`rata-rata ${rule.k} nilai terdekat`, `mean of the ${rule.k} closest totals`);
  return t(`rata-rata semua ${n} nilai`, `mean of all ${n} totals`);
}

/** Explains a decision over the given values (raw or normalized) in both languages. */
export function explain(
  d: ScoreDecision,
  values: readonly number[],
  score: number | null,
  rules: ScoreRules,
): Text {
  const need = k(rules);
  const th = rules.mode === 'whole_panel' ? null : rules.gapThreshold;
  if (d.status === 'waiting' && rules.mode === 'whole_panel')
    return t('Belum ada panelis yang mengirim nilai.', 'No panelist has submitted a score yet.');
  if (d.status === 'waiting')
    return t(
      `Menunggu penilaian: ${values.length} dari ${need} nilai sudah masuk.`,
      `Waiting for reviews: ${values.length} of ${need} totals submitted.`,
    );
  const gapId =
    d.gap === null || th === null
      ? ''
      : d.needsExtra
        ? ` Selisih ${numId(d.gap)} melebihi ambang ${numId(th)}.`
        : ` Selisih ${numId(d.gap)} tidak melebihi ambang ${numId(th)}.`;
  const gapEn =
    d.gap === null || th === null
      ? ''
      : d.needsExtra
        ? ` The gap of ${numEn(d.gap)} is above the threshold of ${numEn(th)}.`
        : ` The gap of ${numEn(d.gap)} is not above the threshold of ${numEn(th)}.`;
  if (d.status === 'pending_third') {
    const first = values.slice(0, need);
    return t(
      `Nilai pertama: ${listId(first)}.${gapId} Menunggu nilai penilai tambahan.`,
      `First totals: ${listEn(first)}.${gapEn} Waiting for the additional reviewer's total.`,
    );
  }
  const used = values.slice(0, d.counted);
  const r = ruleText(d.rule!, used.length);
  return t(
    `${cap(r.id)} (${listId(used)}) = ${numId(score!)}.${gapId}`,
    `${cap(r.en)} (${listEn(used)}) = ${numEn(score!)}.${gapEn}`,
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A score with its explanation built when first read (JSON included): ranking 30,000 proposals needs the
 * numbers, the page that shows one needs the words. The getter lives on the class, not on each score: an
 * accessor defined per object (Object.defineProperty or an object literal's `get`) costs about 1 KB per score
 * (a dictionary-mode object with its own closure), 60 MB and most of the time of a 30,000-proposal stage.
 */
class Score implements ProposalScore {
  readonly status: ScoreStatus;
  readonly counted: number;
  readonly gap: number | null;
  readonly needsExtra: boolean;
  readonly rule: CombineRule | null;
  readonly score: number | null;
  readonly totals: number[];
  readonly ignored: number[];
  readonly threshold: number | null;
  #values: readonly number[];
  #rules: ScoreRules;
  #text: Text | null = null;

  constructor(d: ScoreDecision, values: readonly number[], rules: ScoreRules) {
    const scored = d.status === 'scored';
    this.status = d.status;
    this.counted = d.counted;
    this.gap = d.gap;
    this.needsExtra = d.needsExtra;
    this.rule = d.rule;
    this.totals = scored ? values.slice(0, d.counted) : [];
    this.score = scored ? round2(combine(this.totals, d.rule!)) : null;
    this.ignored = scored ? values.slice(d.counted) : [];
    this.threshold = rules.gapThreshold;
    this.#values = scored ? this.totals : values;
    this.#rules = rules;
  }

  get explanation(): Text {
    return (this.#text ??= explain(this, this.#values, this.score, this.#rules));
  }

  /** The score as JSON, its explanation included. */
  toJSON(): ProposalScore {
    return { ...this, explanation: this.explanation };
  }
}

export function scoreOf(d: ScoreDecision, values: readonly number[], rules: ScoreRules): ProposalScore {
  return new Score(d, values, rules);
}

/** The proposal's score from its submitted totals, in submission order, with its explanation. */
export function aggregateProposal(totals: readonly number[], rules: ScoreRules): ProposalScore {
  return scoreOf(decideScore(totals, rules), totals, rules);
}
