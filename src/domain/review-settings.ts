/*
 * The settings of a scored stage of the review engine (issue 12): how many reviewers each proposal gets,
 * how their scores combine, when a third reviewer is brought in, whether normalization counts, and who sees
 * what. They are data of the stage (JSON in `stages.settings`, next to other keys such as the extensions of
 * a closing); a missing or malformed value takes its default, so an existing competition works unchanged.
 */

/** The stage kinds the review engine scores: the Tim Evaluasi's two evaluations, the panel's presentation. */
export const REVIEW_STAGE_KINDS = ['evaluation_1', 'evaluation_2', 'presentation'] as const;
export type ReviewStageKind = (typeof REVIEW_STAGE_KINDS)[number];

export const isReviewStage = (kind: string): kind is ReviewStageKind =>
  (REVIEW_STAGE_KINDS as readonly string[]).includes(kind);

/** The review team whose members work a stage (role grant `evaluator` or `panelist`). */
export type ReviewTeamKind = 'evaluation' | 'panel';

/**
 * Which team works each scored stage, as data: the Tim Evaluasi the two evaluations (seed 000 steps 4–5),
 * the Tim Panel Independen the presentation and interview (step 6).
 */
export const STAGE_TEAMS: Readonly<Record<ReviewStageKind, ReviewTeamKind>> = {
  evaluation_1: 'evaluation',
  evaluation_2: 'evaluation',
  presentation: 'panel',
};

/** The team of a stage kind; null for a kind the review engine does not score. */
export const stageTeam = (kind: string): ReviewTeamKind | null =>
  isReviewStage(kind) ? STAGE_TEAMS[kind] : null;

/**
 * How reviewers are put on a stage's proposals: `sample` = k reviewers per proposal chosen by the
 * assignment solver (Tim Evaluasi); `whole_panel` = every member of the team on every proposal except where
 * they have a conflict (they abstain), the score being the mean of every submitted total (seed 000 step 6:
 * "nilai rata rata yang diberikan oleh Tim Panel Independen").
 */
export type ReviewMode = 'sample' | 'whole_panel';

/** How a proposal's score comes from its reviewers' weighted totals. */
export type Aggregation = 'mean' | 'median';

/**
 * How three totals combine once a gap brought in a third reviewer: the mean of all three, the mean of the
 * two closest, or the median.
 */
export type ThirdRule = 'mean_all' | 'closest_pair' | 'median';

/** Which score decides passing and the shortlist: the raw means, or the normalized ones (z-scores). */
export type ScoreBasis = 'raw' | 'normalized';

export interface ReviewSettings {
  mode: ReviewMode;
  /** k: reviewers per proposal (seed 000 step 4: two, individually); not read in `whole_panel` mode. */
  reviewersPerProposal: number;
  aggregation: Aggregation;
  /** A gap between the first reviewers' totals above this brings a third; null = never. */
  gapThreshold: number | null;
  thirdRule: ThirdRule;
  /** Another reviewer's scores stay hidden until one's own is submitted. */
  hideOthersUntilSubmitted: boolean;
  /** Another reviewer's scores stay hidden until the stage closes (the panel: each scores alone). */
  hideOthersUntilClosed: boolean;
  /** The score a proposal needs to pass the stage (2025: 85); null = no pass mark. */
  passMark: number | null;
  basis: ScoreBasis;
  /** Reminders to reviewers with unsubmitted work, as days before the stage closes. */
  reminderDays: number[];
}

export const REVIEW_DEFAULTS: ReviewSettings = {
  mode: 'sample',
  reviewersPerProposal: 2,
  aggregation: 'mean',
  gapThreshold: 15,
  thirdRule: 'mean_all',
  hideOthersUntilSubmitted: true,
  hideOthersUntilClosed: false,
  passMark: null,
  basis: 'raw',
  reminderDays: [3, 1],
};

/**
 * The presentation's defaults: the whole panel scores every finalist, no gap rule (every panelist counts),
 * raw totals (a panel of a few members scoring a few dozen finalists gives no ground for z-scores), and
 * nobody sees another panelist's sheet before the stage closes.
 */
export const PANEL_DEFAULTS: ReviewSettings = {
  ...REVIEW_DEFAULTS,
  mode: 'whole_panel',
  gapThreshold: null,
  hideOthersUntilClosed: true,
  basis: 'raw',
  reminderDays: [1],
};

/** The defaults of a stage kind. */
export const reviewDefaultsOf = (kind: string | undefined): ReviewSettings =>
  kind !== undefined && stageTeam(kind) === 'panel' ? PANEL_DEFAULTS : REVIEW_DEFAULTS;

const MODES: readonly ReviewMode[] = ['sample', 'whole_panel'];

const AGGREGATIONS: readonly Aggregation[] = ['mean', 'median'];
const THIRD_RULES: readonly ThirdRule[] = ['mean_all', 'closest_pair', 'median'];
const BASES: readonly ScoreBasis[] = ['raw', 'normalized'];

const intIn = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
const numIn = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined;
const oneOf = <T extends string>(v: unknown, list: readonly T[]): T | undefined =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/**
 * The review settings kept under `review` in a stage's parsed settings (domain/deadlines parseSettings),
 * each missing or malformed value taking the default of the stage's kind (`reviewDefaultsOf`).
 */
export function reviewSettingsOf(stageSettings: Record<string, unknown>, kind?: string): ReviewSettings {
  const raw = stageSettings.review;
  const r = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const d = reviewDefaultsOf(kind);
  const days = Array.isArray(r.reminderDays)
    ? r.reminderDays.filter((x): x is number => intIn(x, 1, 60) !== undefined)
    : undefined;
  return {
    mode: oneOf(r.mode, MODES) ?? d.mode,
    reviewersPerProposal: intIn(r.reviewersPerProposal, 1, 10) ?? d.reviewersPerProposal,
    aggregation: oneOf(r.aggregation, AGGREGATIONS) ?? d.aggregation,
    gapThreshold: r.gapThreshold === null ? null : (numIn(r.gapThreshold, 0, 100) ?? d.gapThreshold),
    thirdRule: oneOf(r.thirdRule, THIRD_RULES) ?? d.thirdRule,
    hideOthersUntilSubmitted:
      typeof r.hideOthersUntilSubmitted === 'boolean'
        ? r.hideOthersUntilSubmitted
        : d.hideOthersUntilSubmitted,
    hideOthersUntilClosed:
      typeof r.hideOthersUntilClosed === 'boolean' ? r.hideOthersUntilClosed : d.hideOthersUntilClosed,
    passMark: r.passMark === null ? null : (numIn(r.passMark, 0, 100) ?? d.passMark),
    basis: oneOf(r.basis, BASES) ?? d.basis,
    reminderDays: days ? [...new Set(days)].sort((a, b) => b - a) : d.reminderDays,
  };
}
