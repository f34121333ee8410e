import type { Db } from '../../db/connect.js';
import type {
  CompetitionRow,
  EvaluationRow,
  EvaluationScoreRow,
  ReviewAssignmentRow,
  RubricCriterionRow,
  StageRow,
} from '../../db/schema.js';
import type { Actor, EvaluationSubject } from '../../domain/policy.js';
import { can } from '../../domain/policy.js';
import { notFound, t } from '../../domain/errors.js';
import { IN_JUDGING_STATES, type ProposalState } from '../../domain/proposal-workflow.js';
import { stageTeam } from '../../domain/review-settings.js';
import type { EvaluationStatus } from '../../contracts/review.js';

/*
 * What the review engine reads: one assignment with its stage, competition and proposal; a stage's
 * criteria; evaluations with their scores.
 */

export interface AssignmentContext {
  assignment: ReviewAssignmentRow;
  stage: StageRow;
  competition: CompetitionRow;
  proposal: {
    id: number;
    code: string;
    title: string;
    groupId: number;
    state: ProposalState;
  };
}

export const assignmentNotFound = () =>
  notFound(t('Penugasan penilaian tidak ditemukan.', 'Review assignment not found.'));

/** The team whose reviewers work a stage (domain/review-settings.ts STAGE_TEAMS). */
export const teamOf = (stageKind: string): EvaluationSubject['team'] => stageTeam(stageKind) ?? 'panel';

export const evaluationSubject = (c: AssignmentContext): EvaluationSubject => ({
  competitionId: c.competition.id,
  team: teamOf(c.stage.kind),
  reviewerUserId: c.assignment.reviewer_id,
  active: c.assignment.status === 'active',
});

/** One assignment with what it belongs to, or undefined. */
export async function findAssignment(db: Db, id: number): Promise<AssignmentContext | undefined> {
  const a = await db.selectFrom('review_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  const stage = await db.selectFrom('stages').selectAll().where('id', '=', a.stage_id).executeTakeFirst();
  if (!stage) return undefined;
  const competition = await db
    .selectFrom('competitions')
    .selectAll()
    .where('id', '=', stage.competition_id)
    .executeTakeFirst();
  const p = await db
    .selectFrom('proposals')
    .select(['id', 'code', 'title', 'group_id', 'state', 'competition_id'])
    .where('id', '=', a.proposal_id)
    .executeTakeFirst();
  if (!competition || !p || p.competition_id !== competition.id) return undefined;
  return {
    assignment: a,
    stage,
    competition,
    proposal: { id: p.id, code: p.code, title: p.title, groupId: p.group_id, state: p.state },
  };
}

/**
 * The assignment if the caller holds it (active, the team's role in the competition) and its proposal is
 * in judging; anything else answers 404, so nobody learns which assignments or proposals exist.
 */
export async function loadOwnAssignment(
  db: Db,
  actor: Actor | null,
  id: number,
  action: 'evaluation.view' | 'evaluation.score',
): Promise<AssignmentContext> {
  const c = await findAssignment(db, id);
  if (!c || !can(actor, action, evaluationSubject(c)) || !IN_JUDGING_STATES.includes(c.proposal.state))
    throw assignmentNotFound();
  return c;
}

/** The criteria of a stage for one group, in rubric order. */
export function criteriaOf(db: Db, stageId: number, groupId: number): Promise<RubricCriterionRow[]> {
  return db
    .selectFrom('rubric_criteria')
    .selectAll()
    .where('stage_id', '=', stageId)
    .where('group_id', '=', groupId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export interface EvaluationWithScores {
  row: EvaluationRow;
  scores: EvaluationScoreRow[];
}

/** The evaluations of these assignments with their scores, by assignment id. */
export async function evaluationsOf(
  db: Db,
  assignmentIds: readonly number[],
): Promise<Map<number, EvaluationWithScores>> {
  const out = new Map<number, EvaluationWithScores>();
  if (!assignmentIds.length) return out;
  const rows = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('assignment_id', 'in', [...assignmentIds])
    .execute();
  if (!rows.length) return out;
  const scores = await db
    .selectFrom('evaluation_scores')
    .selectAll()
    .where(
      'evaluation_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  for (const r of rows)
    out.set(r.assignment_id, { row: r, scores: scores.filter((s) => s.evaluation_id === r.id) });
  return out;
}

export const statusOf = (e: { status: 'draft' | 'submitted' } | undefined): EvaluationStatus =>
  !e ? 'not_started' : e.status;

/** The stage is closed for scoring at its closing instant (null: open-ended). */
export const stageClosed = (stage: Pick<StageRow, 'closes_at'>, now: Date): boolean =>
  stage.closes_at !== null && Date.parse(stage.closes_at) <= now.getTime();

/** A proposal of a competition with its institution's name, or undefined. */
export async function proposalWithInstitution(db: Db, competitionId: number, proposalId: number) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select(['p.id', 'p.code', 'p.title', 'p.group_id', 'i.name as institution'])
    .where('p.id', '=', proposalId)
    .where('p.competition_id', '=', competitionId)
    .executeTakeFirst();
}

/** The active assignments of one proposal in a stage with each reviewer's name, in the order they were made. */
export async function namedAssignmentsOf(db: Db, stageId: number, proposalId: number) {
  return db
    .selectFrom('review_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.reviewer_id')
    .select(['a.id', 'a.reviewer_id', 'u.name'])
    .where('a.stage_id', '=', stageId)
    .where('a.proposal_id', '=', proposalId)
    .where('a.status', '=', 'active')
    .orderBy('a.id')
    .execute();
}
