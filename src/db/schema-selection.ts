import type { ColumnType, Generated, Selectable } from 'kysely';

/*
 * The tables of the selection (issue 12): the administrative check and its announcements, the review
 * engine (rubrics, teams, conflicts, assignments, evaluations, stage results) and the uji publik. Split out
 * of schema.ts by what they hold; schema.ts lists them in Database and re-exports them. Same conventions:
 * instants are ISO-8601 UTC strings, booleans 0/1, structured values JSON text.
 */

export type AdminCheckOutcome = 'passed' | 'incomplete' | 'disqualified';

/** The secretariat's administrative check of one received proposal (migration 0027). */
export interface AdminCheckTable {
  id: Generated<number>;
  proposal_id: number;
  competition_id: number;
  /** null: not decided yet (in the queue). */
  outcome: AdminCheckOutcome | null;
  /** JSON: the checklist's findings, { <item key>: { ok: boolean | null, note?: string } }. */
  items: Generated<string>;
  reason_code: string | null;
  reason_text: string | null;
  /** 1, plus one each time a completion brought it back to the queue. */
  round: Generated<number>;
  claimed_by: number | null;
  claimed_until: string | null;
  decided_by: number | null;
  decided_at: string | null;
  /** Set when the stage's results were published; until then the outcome is staged. */
  published_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Unused since migration 0046 (the old copy finding's MinHash); near-duplicates use proposal_fingerprints. */
  fingerprint: string | null;
  /** When the admin lokal last sent the completion (migration 0028): the "dilengkapi" marker. */
  completed_at: string | null;
}

/** What the admin lokal must complete, and by when (migration 0027). */
export interface CompletionRequestTable {
  id: Generated<number>;
  proposal_id: number;
  competition_id: number;
  /** JSON array of the items to complete (checklist keys, form sections, identity fields, evidence). */
  items: string;
  note: string | null;
  deadline_at: string;
  requested_by: number;
  requested_at: string;
  completed_at: string | null;
  completed_by: number | null;
}

/** A stage's published results (migration 0027); one per stage and kind. */
export interface AnnouncementTable {
  id: Generated<number>;
  competition_id: number;
  stage_id: number;
  /** e.g. administrative_results, finalists_provisional, finalists_final. */
  kind: string;
  letter_number: string;
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  /** JSON array of the published entries (proposal code, title, institution, outcome, ...). */
  entries: Generated<string>;
  published_by: number;
  published_at: string;
}

/** The uji publik's objection statuses (migration 0032): new → forwarded → upheld | rejected; new → dismissed. */
export type ObjectionStatusValue = 'new' | 'forwarded' | 'dismissed' | 'upheld' | 'rejected';

/** An objection of the public to a provisional finalist (migration 0032). */
export interface ObjectionTable {
  id: Generated<number>;
  competition_id: number;
  /** The `public_objection` stage it was filed in. */
  stage_id: number;
  proposal_id: number;
  name: string;
  email: string;
  phone: string | null;
  grounds: string;
  evidence_file_id: number | null;
  locale: 'id' | 'en';
  status: ColumnType<ObjectionStatusValue, ObjectionStatusValue | undefined, ObjectionStatusValue>;
  /** out_of_scope | no_grounds | duplicate | other (dismissed only). */
  dismiss_reason: string | null;
  duplicate_of: number | null;
  triage_note: string | null;
  triaged_by: number | null;
  triaged_at: string | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  ip: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** What a review stage scores for one group (migration 0027): each criterion 0–100 with its weight. */
export interface RubricCriterionTable {
  id: Generated<number>;
  stage_id: number;
  group_id: number;
  key: string;
  label_id: string;
  label_en: string;
  guidance_id: string | null;
  guidance_en: string | null;
  weight: number;
  /** The form section the criterion scores, if it scores one. */
  section_id: number | null;
  position: number;
}

/** evaluation: Tim Evaluasi; panel: Tim Panel Independen (issue 13). */
export type ReviewTeam = 'evaluation' | 'panel';

/** A reviewer's profile in one competition (migration 0027). */
export interface ReviewerProfileTable {
  id: Generated<number>;
  competition_id: number;
  user_id: number;
  team: ReviewTeam;
  affiliation_name: string | null;
  /** The affiliation when it is an institution of the registry (a conflict by itself). */
  affiliation_institution_id: number | null;
  /** Region code (idn-area-data) of the reviewer's affiliation, for the regional conflict rule. */
  region_code: string | null;
  /** JSON array of category keys. */
  expertise: Generated<string>;
  /** Most proposals per stage; null = no limit of its own. */
  capacity: number | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  /** A panelist's unsur (migration 0036): expert | public_figure | ministry | media | other; null = not said. */
  unsur: ColumnType<PanelUnsur | null, PanelUnsur | null | undefined, PanelUnsur | null>;
}

/** The part of society a Tim Panel member sits for (issue 13 point 1). */
export type PanelUnsur = 'expert' | 'public_figure' | 'ministry' | 'media' | 'other';

/** declared: by the reviewer; organizer: set by the secretariat; found: discovered after an assignment. */
export type ConflictSource = 'declared' | 'organizer' | 'found';

export interface ReviewerConflictTable {
  id: Generated<number>;
  competition_id: number;
  user_id: number;
  institution_id: number;
  source: ConflictSource;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** solver: the optimal assignment; manual/import: the secretariat; third: a gap; reassign: a conflict. */
export type AssignmentOrigin = 'solver' | 'manual' | 'import' | 'third' | 'reassign';

export interface ReviewAssignmentTable {
  id: Generated<number>;
  stage_id: number;
  proposal_id: number;
  reviewer_id: number;
  origin: AssignmentOrigin;
  status: ColumnType<'active' | 'withdrawn', 'active' | 'withdrawn' | undefined, 'active' | 'withdrawn'>;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  created_by: number | null;
  created_at: string;
}

export interface EvaluationTable {
  id: Generated<number>;
  assignment_id: number;
  status: ColumnType<'draft' | 'submitted', 'draft' | 'submitted' | undefined, 'draft' | 'submitted'>;
  /** Optimistic lock for the autosave, as the editor's. */
  version: Generated<number>;
  /** The weighted total (0–100), set when submitted. */
  total: number | null;
  submitted_at: string | null;
  saved_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationScoreTable {
  evaluation_id: number;
  criterion_id: number;
  /** 0–100; null while not yet given. */
  value: number | null;
  comment: string | null;
  /** Whether the evidence supports the answer: 1, 0, or null (not said). */
  evidence_supports: number | null;
}

/** A competition's review-team settings outside its definition (migration 0030); no row: the defaults. */
export interface ReviewTeamSettingsTable {
  competition_id: number;
  /** domain/conflicts.ts RegionalRule. */
  regional_conflict: ColumnType<string, string | undefined, string>;
  updated_by: number | null;
  updated_at: string;
}

/** The results of a scored stage, per proposal (migration 0033): set once, when the stage is decided. */
export interface StageResultTable {
  id: Generated<number>;
  stage_id: number;
  proposal_id: number;
  raw_score: number | null;
  normalized_score: number | null;
  /** The score that counts (by `basis`). */
  score: number | null;
  basis: 'raw' | 'normalized';
  /** advanced: reached the pass mark (the next stage takes it); stopped: did not. */
  outcome: 'advanced' | 'stopped';
  explanation_id: string;
  explanation_en: string;
  decided_by: number;
  decided_at: string;
}

/** A finalists stage's staged selection (migration 0034): one per stage, recomputed until published. */
export interface FinalistSelectionTable {
  id: Generated<number>;
  competition_id: number;
  stage_id: number;
  /** JSON: the FinalistSettings it was computed with. */
  settings: string;
  feasible: number;
  /** JSON: { problems: InfeasibleQuota[], text: Text | null }. */
  problems: string;
  /** JSON: QuotaOutcome[]. */
  quota_outcomes: string;
  /** JSON: SolverStats plus `unfilled` per group and `totalScore`. */
  stats: string;
  computed_by: number;
  computed_at: string;
  provisional_letter_number: string | null;
  provisional_published_by: number | null;
  provisional_published_at: string | null;
  decree_number: string | null;
  final_published_by: number | null;
  final_published_at: string | null;
  version: ColumnType<number, number | undefined, number>;
}

/** One candidate of a finalists computation, with its explanation (migration 0034). */
export interface FinalistLineTable {
  id: Generated<number>;
  selection_id: number;
  proposal_id: number;
  group_key: string;
  score: number;
  rank_in_group: number;
  passes_mark: number;
  in_plain_top: number;
  selected: number;
  /** domain/shortlist FinalistReason. */
  reason: string;
  /** JSON: the quota keys the reason names. */
  quotas: string;
  explanation_id: string;
  explanation_en: string;
}

export type AdminCheckRow = Selectable<AdminCheckTable>;
export type CompletionRequestRow = Selectable<CompletionRequestTable>;
export type AnnouncementRow = Selectable<AnnouncementTable>;
export type RubricCriterionRow = Selectable<RubricCriterionTable>;
export type ReviewerProfileRow = Selectable<ReviewerProfileTable>;
export type ReviewerConflictRow = Selectable<ReviewerConflictTable>;
export type ReviewAssignmentRow = Selectable<ReviewAssignmentTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type EvaluationScoreRow = Selectable<EvaluationScoreTable>;
export type ObjectionRow = Selectable<ObjectionTable>;
export type StageResultRow = Selectable<StageResultTable>;
export type FinalistSelectionRow = Selectable<FinalistSelectionTable>;
export type FinalistLineRow = Selectable<FinalistLineTable>;
