import type { Db } from '../../db/connect.js';
import type { ReviewerSheets } from '../../contracts/review-sheets.js';
import type { CompetitionRow, StageRow } from '../../db/schema.js';
import {
  criteriaOf,
  evaluationsOf,
  namedAssignmentsOf,
  proposalWithInstitution,
  statusOf,
  teamOf,
} from './queries.js';
import { presentScores } from './stage-view.js';

/**
 * Every reviewer's sheet of one proposal in a review stage, by name, for the organizer's secretariat (the
 * caller checks `scores.export`): status, total, instant and every criterion's score and comment once
 * submitted; a draft shows its status only, as it is still its reviewer's. Undefined when the proposal is
 * not the competition's.
 */
export async function reviewerSheets(
  db: Db,
  competition: CompetitionRow,
  stage: StageRow,
  proposalId: number,
): Promise<ReviewerSheets | undefined> {
  const proposal = await proposalWithInstitution(db, competition.id, proposalId);
  if (!proposal) return undefined;
  const [assignments, criteria] = await Promise.all([
    namedAssignmentsOf(db, stage.id, proposal.id),
    criteriaOf(db, stage.id, proposal.group_id),
  ]);
  const evaluations = await evaluationsOf(
    db,
    assignments.map((a) => a.id),
  );
  return {
    proposal: {
      id: proposal.id,
      code: proposal.code,
      title: proposal.title,
      institution: proposal.institution,
    },
    stage: {
      id: stage.id,
      kind: stage.kind,
      team: teamOf(stage.kind),
      closesAt: stage.closes_at,
      timeZone: competition.time_zone,
    },
    criteria: criteria.map((c) => ({
      id: c.id,
      labelId: c.label_id,
      labelEn: c.label_en,
      weight: c.weight,
    })),
    sheets: assignments.map((a) => {
      const e = evaluations.get(a.id);
      const status = statusOf(e?.row);
      const submitted = status === 'submitted' && e !== undefined;
      return {
        reviewerId: a.reviewer_id,
        name: a.name,
        status,
        total: submitted ? e.row.total : null,
        submittedAt: submitted ? e.row.submitted_at : null,
        scores: submitted ? presentScores(e.scores) : [],
      };
    }),
  };
}
