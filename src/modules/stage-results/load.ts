import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewSettingsOf, type ReviewSettings } from '../../domain/review-settings.js';
import type { PanelSeat } from '../../domain/scoring/panel.js';
import { findReviewStage, regionalRuleOf } from '../assignments/context.js';
import { panelPlan } from '../assignments/panel.js';
import {
  poolOf,
  stageAssignments,
  submittedEvaluations,
  teamOf,
  type PoolProposal,
} from '../assignments/queries.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { notFound, t } from '../../domain/errors.js';
import { computeResults, type ComputedResults, type PanelInput } from './compute.js';

/**
 * The seats of a whole-panel stage: per finalist, each panelist with an active assignment (its evaluation
 * status and submitted total) and each panelist who abstains for a conflict (assigned or not).
 */
async function panelSeats(
  db: Db,
  stage: StageRow,
  pool: PoolProposal[],
  evaluations: readonly { proposalId: number; reviewerId: number; total: number }[],
): Promise<Map<number, PanelSeat[]>> {
  const [team, assignments, rule] = await Promise.all([
    teamOf(db, stage.competition_id, 'panel'),
    stageAssignments(db, stage.id),
    regionalRuleOf(db, stage.competition_id),
  ]);
  const abstaining = new Map<string, PanelSeat['abstainReasons']>();
  for (const a of panelPlan({ pool, team, assignments, rule }).abstentions)
    abstaining.set(`${a.proposal.id}:${a.reviewer.id}`, a.reasons);
  const totals = new Map(evaluations.map((e) => [`${e.proposalId}:${e.reviewerId}`, e.total]));
  const names = new Map(team.map((m) => [m.id, m.name]));
  const seats = new Map<number, PanelSeat[]>();
  for (const p of pool) {
    const list: PanelSeat[] = [];
    for (const m of team) {
      const key = `${p.id}:${m.id}`;
      const reasons = abstaining.get(key);
      const active = assignments.find(
        (a) => a.proposal_id === p.id && a.reviewer_id === m.id && a.status === 'active',
      );
      if (reasons)
        list.push({
          reviewerId: m.id,
          name: m.name,
          status: 'abstained',
          total: null,
          abstainReasons: reasons,
        });
      else if (active)
        list.push({
          reviewerId: m.id,
          name: names.get(m.id) ?? '',
          status: active.evaluation_status ?? 'not_started',
          total: totals.get(key) ?? null,
          abstainReasons: [],
        });
    }
    seats.set(p.id, list);
  }
  return seats;
}

/**
 * What `computeResults` needs of a whole-panel stage (the presentation): who sits on each finalist, who
 * abstains, and whether the stage has closed; undefined for a stage scored by k reviewers. Every caller
 * that computes a stage's results passes it (the results page, the scores workbook).
 */
export async function panelInputOf(
  db: Db,
  stage: StageRow,
  rules: ReviewSettings,
  pool: PoolProposal[],
  evaluations: readonly { proposalId: number; reviewerId: number; total: number }[],
  now: Date,
): Promise<PanelInput | undefined> {
  if (rules.mode !== 'whole_panel') return undefined;
  return {
    seats: await panelSeats(db, stage, pool, evaluations),
    closed: stage.closes_at !== null && Date.parse(stage.closes_at) <= now.getTime(),
  };
}

/** A scored stage, its rules and its results as they stand (computed), plus the decision if taken. */
export async function loadResults(db: Db, competitionId: number, stageId: number, now: Date, lock = false) {
  const competition = await findCompetitionRow(db, competitionId);
  if (!competition) throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
  const stage = await findReviewStage(db, competitionId, stageId, lock);
  const rules: ReviewSettings = reviewSettingsOf(parseSettings(stage.settings), stage.kind);
  const [pool, evaluations, decided] = await Promise.all([
    poolOf(db, stage),
    submittedEvaluations(db, stage.id),
    db
      .selectFrom('stage_results as r')
      .innerJoin('users as u', 'u.id', 'r.decided_by')
      .select(['r.proposal_id', 'r.outcome', 'r.decided_at', 'u.name'])
      .where('r.stage_id', '=', stage.id)
      .execute(),
  ]);
  const panel = await panelInputOf(db, stage, rules, pool, evaluations, now);
  const computed: ComputedResults = computeResults(pool, evaluations, rules, panel);
  return { competition, stage, rules, pool, computed, decided };
}
export type LoadedResults = Awaited<ReturnType<typeof loadResults>>;
