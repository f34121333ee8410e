import type { Db } from '../../db/connect.js';
import type { Evaluation, ReviewProposal, ScoringView } from '../../contracts/review.js';
import type { RubricCriterionRow } from '../../db/schema.js';
import { can, type Actor } from '../../domain/policy.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewSettingsOf } from '../../domain/review-settings.js';
import { presentAttachment } from '../proposals/attachment-json.js';
import { parseLinks } from '../proposals/snapshot.js';
import { loadProposalView, type ProposalView } from '../proposals/view.js';
import { conflictOfAssignment } from './conflict.js';
import { criterionOf, presentScores, reviewFilePath, stageSummary } from './stage-view.js';
import {
  assignmentNotFound,
  evaluationSubject,
  evaluationsOf,
  stageClosed,
  statusOf,
  teamOf,
  type AssignmentContext,
  type EvaluationWithScores,
} from './queries.js';

export const presentEvaluation = (e: EvaluationWithScores | undefined): Evaluation => ({
  status: statusOf(e?.row),
  version: e?.row.version ?? 0,
  total: e?.row.total ?? null,
  submittedAt: e?.row.submitted_at ?? null,
  updatedAt: e?.row.updated_at ?? null,
  scores: e ? presentScores(e.scores) : [],
});

/**
 * "Evaluator A", "Evaluator B" … (a panel stage: "Panelis A" …) by the order of the proposal's active
 * assignments in the stage.
 */
export const reviewerLabel = (index: number, team: 'evaluation' | 'panel' = 'evaluation') =>
  `${team === 'panel' ? 'Panelis' : 'Evaluator'} ${index < 26 ? String.fromCharCode(65 + index) : index + 1}`;

/** The proposal as a reviewer reads it (contracts/review.ts reviewProposalSchema). */
function reviewProposal(view: ProposalView): ReviewProposal {
  const p = view.proposal;
  const category = view.categories.find((c) => c.id === p.category_id);
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    acronym: p.acronym,
    group: { id: view.group.id, key: view.group.key, nameId: view.group.name_id, nameEn: view.group.name_en },
    category: category ? { key: category.key, nameId: category.name_id, nameEn: category.name_en } : null,
    institution: { id: view.institution.id, name: view.institution.name },
    unit: view.unit,
    implementationStart: p.implementation_start,
    innovatorKind: p.innovator_kind,
    innovatorNames: p.innovator_names,
    links: parseLinks(p.links),
    receivedAt: p.received_at,
    form: view.group.sections.map((s) => ({
      key: s.key,
      labelId: s.label_id,
      labelEn: s.label_en,
      weight: s.weight,
    })),
    answers: view.answers.map((a) => ({ sectionKey: a.sectionKey, text: a.text, wordCount: a.wordCount })),
  };
}

/**
 * The scoring page of one assignment: the proposal read-only (as the proposal's read-only view shows it,
 * without the contact person's phone and e-mail: an evaluator goes through the secretariat), its evidence
 * served through the assignment, the rubric, the evaluator's own evaluation, and the other reviewers'
 * evaluations only when the stage lets them be seen (hideOthersUntilSubmitted: once one's own is
 * submitted). Others are named "Evaluator A/B", never by name; drafts of others are never shown.
 */
export async function scoringView(
  db: Db,
  c: AssignmentContext,
  criteria: RubricCriterionRow[],
  actor: Actor,
  now: Date,
): Promise<ScoringView> {
  const view = await loadProposalView(db, c.proposal.id);
  if (!view) throw assignmentNotFound();
  const attachments = view.attachments.map((a) => ({
    ...presentAttachment(view.proposal.id, a),
    downloadUrl: reviewFilePath(c.assignment.id, a.id),
  }));
  const peers = await db
    .selectFrom('review_assignments')
    .select(['id', 'reviewer_id'])
    .where('stage_id', '=', c.stage.id)
    .where('proposal_id', '=', c.proposal.id)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const evaluations = await evaluationsOf(
    db,
    peers.map((p) => p.id),
  );
  const own = evaluations.get(c.assignment.id);
  const settings = reviewSettingsOf(parseSettings(c.stage.settings), c.stage.kind);
  const closed = stageClosed(c.stage, now);
  const team = teamOf(c.stage.kind);
  // The panel scores alone: nobody sees another panelist's sheet before the stage closes.
  const hidden =
    (settings.hideOthersUntilSubmitted && own?.row.status !== 'submitted') ||
    (settings.hideOthersUntilClosed && !closed);
  const others = hidden
    ? null
    : peers
        .map((p, i) => ({ p, label: reviewerLabel(i, team) }))
        .filter(({ p }) => p.id !== c.assignment.id)
        .map(({ p, label }) => {
          const e = evaluations.get(p.id);
          const submitted = e?.row.status === 'submitted';
          return {
            label,
            status: statusOf(e?.row),
            total: submitted ? e.row.total : null,
            submittedAt: submitted ? e.row.submitted_at : null,
            scores: submitted ? presentScores(e.scores) : [],
          };
        });
  const sectionKeys = new Map(view.group.sections.map((s) => [s.id, s.key]));
  const conflictReasons = await conflictOfAssignment(db, c);
  const open = !closed && own?.row.status !== 'submitted' && conflictReasons.length === 0;
  const mayScore = can(actor, 'evaluation.score', evaluationSubject(c));
  return {
    assignmentId: c.assignment.id,
    label: reviewerLabel(
      Math.max(
        0,
        peers.findIndex((p) => p.id === c.assignment.id),
      ),
      team,
    ),
    stage: stageSummary(c.stage, c.competition, now),
    proposal: reviewProposal(view),
    criteria: criteria.map((k) => criterionOf(k, sectionKeys)),
    attachments,
    evaluation: presentEvaluation(own),
    others,
    othersHidden: hidden,
    othersHiddenUntil:
      hidden && settings.hideOthersUntilClosed && !closed ? 'closing' : hidden ? 'submit' : null,
    conflict: conflictReasons.length ? conflictReasons : null,
    abilities: { score: open && mayScore, submit: open && mayScore },
  };
}
