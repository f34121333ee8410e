import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { isReviewStage } from '../../domain/review-settings.js';
import { loadResults } from '../stage-results/load.js';

/*
 * Each finalist's score from every scored stage of the competition, and the reviewers' comments. A scored
 * stage is one of the review engine's kinds (REVIEW_STAGE_KINDS, so the presentation joins as soon as it is
 * one) or any stage with stage_results rows. A stage's score is its stage_results row where the stage is
 * decided, else what the results page computes now (stage-results computeResults).
 */

export interface ScoredStage {
  stage: StageRow;
  decided: boolean;
  /** proposal id → the score that counts (null: not scored yet). */
  scores: Map<number, number | null>;
}

/** `now` decides whether a whole-panel stage has closed (its sheets shown, its score final). */
export async function scoredStages(db: Db, competitionId: number, now: Date): Promise<ScoredStage[]> {
  const stages = await db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .execute();
  const withRows = new Set(
    (
      await db
        .selectFrom('stage_results')
        .select('stage_id')
        .distinct()
        .where('stage_id', 'in', stages.length ? stages.map((s) => s.id) : [-1])
        .execute()
    ).map((r) => r.stage_id),
  );
  const out: ScoredStage[] = [];
  for (const stage of stages) {
    if (withRows.has(stage.id)) {
      const rows = await db
        .selectFrom('stage_results')
        .select(['proposal_id', 'score'])
        .where('stage_id', '=', stage.id)
        .execute();
      out.push({
        stage,
        decided: true,
        scores: new Map(rows.map((r) => [r.proposal_id, r.score === null ? null : Number(r.score)])),
      });
    } else if (isReviewStage(stage.kind)) {
      const r = await loadResults(db, competitionId, stage.id, now);
      out.push({
        stage,
        decided: false,
        scores: new Map(r.computed.rows.map((row) => [row.proposal.id, row.score])),
      });
    }
  }
  return out;
}

export interface Note {
  proposalId: number;
  stageId: number;
  criterion: { id: string; en: string };
  comment: string;
}

/** The comments of the submitted sheets of these stages on these proposals (no reviewer named). */
export async function reviewerNotes(
  db: Db,
  stageIds: readonly number[],
  proposalIds: readonly number[],
): Promise<Note[]> {
  if (!stageIds.length || !proposalIds.length) return [];
  const out: Note[] = [];
  for (let i = 0; i < proposalIds.length; i += 500) {
    const rows = await db
      .selectFrom('evaluation_scores as s')
      .innerJoin('evaluations as e', 'e.id', 's.evaluation_id')
      .innerJoin('review_assignments as a', 'a.id', 'e.assignment_id')
      .innerJoin('rubric_criteria as c', 'c.id', 's.criterion_id')
      .select([
        'a.proposal_id',
        'a.stage_id',
        'c.label_id',
        'c.label_en',
        's.comment',
        'c.position',
        'e.id as eid',
      ])
      .where('a.stage_id', 'in', stageIds)
      .where('a.proposal_id', 'in', proposalIds.slice(i, i + 500))
      .where('a.status', '=', 'active')
      .where('e.status', '=', 'submitted')
      .where('s.comment', 'is not', null)
      .orderBy('a.stage_id')
      .orderBy('e.id')
      .orderBy('c.position')
      .execute();
    for (const r of rows)
      if (r.comment && r.comment.trim())
        out.push({
          proposalId: r.proposal_id,
          stageId: r.stage_id,
          criterion: { id: r.label_id, en: r.label_en },
          comment: r.comment,
        });
  }
  return out;
}
