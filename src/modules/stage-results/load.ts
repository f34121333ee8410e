import type { Db } from '../../db/connect.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewSettingsOf, type ReviewSettings } from '../../domain/review-settings.js';
import { findReviewStage } from '../assignments/context.js';
import { poolOf, submittedEvaluations } from '../assignments/queries.js';
import { findCompetitionRow } from '../competitions/queries.js';
import { notFound, t } from '../../domain/errors.js';
import { computeResults, type ComputedResults } from './compute.js';

/** A scored stage, its rules and its results as they stand (computed), plus the decision if taken. */
export async function loadResults(db: Db, competitionId: number, stageId: number, lock = false) {
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
  const computed: ComputedResults = computeResults(pool, evaluations, rules);
  return { competition, stage, rules, pool, computed, decided };
}
export type LoadedResults = Awaited<ReturnType<typeof loadResults>>;
