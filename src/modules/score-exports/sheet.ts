import type { Db } from '../../db/connect.js';
import { conflict, t } from '../../domain/errors.js';
import type { AssignmentContext } from '../review/queries.js';
import { criteriaOf } from '../review/queries.js';
import type { ScoreSheetInput } from './sheet-pdf.js';

/**
 * What one evaluation's score sheet shows, read for an assignment the caller may see. Only a submitted
 * evaluation has a sheet: a draft is the evaluator's unfinished work (409 `evaluation_not_submitted`).
 */
export async function loadScoreSheet(db: Db, c: AssignmentContext, now: Date): Promise<ScoreSheetInput> {
  const evaluation = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('assignment_id', '=', c.assignment.id)
    .executeTakeFirst();
  if (!evaluation || evaluation.status !== 'submitted' || !evaluation.submitted_at)
    throw conflict(
      'evaluation_not_submitted',
      t(
        'Lembar nilai tersedia setelah penilaian dikirim; penilaian ini masih berupa draf atau belum dimulai.',
        'The score sheet is available once the evaluation is submitted; this one is still a draft or not started.',
      ),
    );
  const [criteria, scores, proposal, reviewer, organizer] = await Promise.all([
    criteriaOf(db, c.stage.id, c.proposal.groupId),
    db.selectFrom('evaluation_scores').selectAll().where('evaluation_id', '=', evaluation.id).execute(),
    db
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
      .select(['i.name as institution', 'g.name_id', 'g.name_en'])
      .where('p.id', '=', c.proposal.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select('name')
      .where('id', '=', c.assignment.reviewer_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('institutions')
      .select('name')
      .where('id', '=', c.competition.organizer_institution_id)
      .executeTakeFirstOrThrow(),
  ]);
  const byCriterion = new Map(scores.map((s) => [s.criterion_id, s]));
  return {
    organizer: organizer.name,
    competition: { name: c.competition.name, timeZone: c.competition.time_zone },
    stage: { nameId: c.stage.name_id, nameEn: c.stage.name_en },
    proposal: {
      code: c.proposal.code,
      title: c.proposal.title,
      institution: proposal.institution,
      groupId: proposal.name_id,
      groupEn: proposal.name_en,
    },
    evaluator: reviewer.name,
    criteria: criteria.map((k) => {
      const s = byCriterion.get(k.id);
      return {
        labelId: k.label_id,
        labelEn: k.label_en,
        weight: k.weight,
        value: s?.value ?? null,
        evidenceSupports: s?.evidence_supports === null || s === undefined ? null : s.evidence_supports === 1,
        comment: s?.comment ?? null,
      };
    }),
    total: evaluation.total,
    submittedAt: evaluation.submitted_at,
    generatedAt: now.toISOString(),
  };
}
