import type { Criterion } from '../../contracts/review.js';
import type { CompetitionRow, EvaluationScoreRow, RubricCriterionRow, StageRow } from '../../db/schema.js';
import { stageClosed } from './queries.js';

/** Shapes shared by the review module's answers (the stage, a criterion, a sheet's scores, the path of an evidence file). */

/** The path an assignment's evidence file is served on (the assignment is checked, not the proposal). */
export const reviewFilePath = (assignmentId: number, attachmentId: number) =>
  `/api/review/assignments/${assignmentId}/attachments/${attachmentId}`;

export const stageSummary = (stage: StageRow, competition: CompetitionRow, now: Date) => ({
  id: stage.id,
  kind: stage.kind,
  nameId: stage.name_id,
  nameEn: stage.name_en,
  opensAt: stage.opens_at,
  closesAt: stage.closes_at,
  timeZone: competition.time_zone,
  closed: stageClosed(stage, now),
});

export const criterionOf = (c: RubricCriterionRow, sectionKeys: ReadonlyMap<number, string>): Criterion => ({
  id: c.id,
  key: c.key,
  labelId: c.label_id,
  labelEn: c.label_en,
  guidanceId: c.guidance_id,
  guidanceEn: c.guidance_en,
  weight: c.weight,
  sectionKey: c.section_id === null ? null : (sectionKeys.get(c.section_id) ?? null),
  position: c.position,
});

/** A sheet's scores as the API gives them, in criterion order. */
export const presentScores = (scores: readonly EvaluationScoreRow[]) =>
  scores
    .map((s) => ({
      criterionId: s.criterion_id,
      value: s.value,
      comment: s.comment,
      evidenceSupports: s.evidence_supports === null ? null : s.evidence_supports === 1,
    }))
    .sort((a, b) => a.criterionId - b.criterionId);
