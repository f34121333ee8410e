import type { Db } from '../../../db/connect.js';
import type { SaveEvaluationBody, SaveEvaluationResult } from '../../../contracts/review.js';
import type { RubricCriterionRow } from '../../../db/schema.js';
import { invalidFields, t, type FieldProblem } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/policy.js';
import { evaluationTotal, isValidScore } from '../../../domain/scoring/evaluation-total.js';
import { recordAudit } from '../../../platform/audit.js';
import { criteriaOf, loadOwnAssignment, stageClosed, type AssignmentContext } from '../queries.js';
import { assertNoConflict } from '../conflict.js';
import { evaluationChanged, evaluationSubmitted, stageClosedError } from '../refusals.js';
import { materialiseRubric } from '../rubric.js';

/** The audit scope of a scoring event: the organizer's (its secretariat reads it), never the participant's. */
export const evaluationScope = (c: AssignmentContext) => ({
  competitionId: c.competition.id,
  organizerInstitutionId: c.competition.organizer_institution_id,
});

/** The stage's criteria for the proposal's group, materialising the rubric if it was never prepared. */
export async function rubricFor(tx: Db, c: AssignmentContext): Promise<RubricCriterionRow[]> {
  const criteria = await criteriaOf(tx, c.stage.id, c.proposal.groupId);
  if (criteria.length) return criteria;
  await materialiseRubric(tx, c.stage);
  return criteriaOf(tx, c.stage.id, c.proposal.groupId);
}

/** Field-level refusals of scores: an unknown criterion, a value outside 0–100 (naming the criterion). */
export function scoreProblems(
  criteria: readonly RubricCriterionRow[],
  scores: SaveEvaluationBody['scores'],
): Record<string, FieldProblem> {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const fields: Record<string, FieldProblem> = {};
  for (const s of scores) {
    const c = byId.get(s.criterionId);
    if (!c) {
      fields[`scores.${s.criterionId}`] = {
        code: 'unknown_criterion',
        message: t('Kriteria ini bukan bagian dari rubrik.', 'This criterion is not part of the rubric.'),
      };
      continue;
    }
    if (s.value !== null && s.value !== undefined && !isValidScore(s.value))
      fields[`scores.${c.key}.value`] = {
        code: 'score_out_of_range',
        message: t(
          `Nilai "${c.label_id}" harus antara 0 dan 100.`,
          `The score for "${c.label_en}" must be between 0 and 100.`,
        ),
      };
  }
  return fields;
}

/**
 * The evaluator's autosave (issue 12 point 4): the criteria sent are written (a value, a comment,
 * whether the evidence supports it; a key not sent keeps what was saved), with the version as an
 * optimistic lock as the proposal editor's: 409 `evaluation_changed` with the current version when another
 * tab saved meanwhile. Refused: an assignment not the caller's (404), a submitted evaluation (409
 * `evaluation_submitted`), a closed stage (409 `stage_closed` with the closing), a value outside 0–100
 * (400 naming the criterion; nothing of the request is saved, what was saved before stays). The first
 * save starts the draft (audited); later saves of a draft are not audited one by one.
 */
export async function saveEvaluation(
  db: Db,
  input: {
    assignmentId: number;
    actor: Actor;
    body: SaveEvaluationBody;
    ip: string | null;
    now: Date;
  },
): Promise<SaveEvaluationResult> {
  return db.transaction().execute(async (tx) => {
    const c = await loadOwnAssignment(tx, input.actor, input.assignmentId, 'evaluation.score');
    await assertNoConflict(tx, c);
    const existing = await tx
      .selectFrom('evaluations')
      .selectAll()
      .where('assignment_id', '=', c.assignment.id)
      .executeTakeFirst();
    if (existing?.status === 'submitted') throw evaluationSubmitted();
    if (stageClosed(c.stage, input.now)) throw stageClosedError(c.stage, c.competition);
    const criteria = await rubricFor(tx, c);
    const problems = scoreProblems(criteria, input.body.scores);
    if (Object.keys(problems).length) throw invalidFields(problems);
    const current = existing?.version ?? 0;
    if (input.body.version !== current) throw evaluationChanged(current);
    const nowIso = input.now.toISOString();
    let evaluationId: number;
    let version: number;
    if (!existing) {
      const created = await tx
        .insertInto('evaluations')
        .values({
          assignment_id: c.assignment.id,
          status: 'draft',
          total: null,
          submitted_at: null,
          saved_by: input.actor.userId,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .onConflict((oc) => oc.column('assignment_id').doNothing())
        .returning(['id', 'version'])
        .executeTakeFirst();
      // Another tab created it first: the same answer as a stale version.
      if (!created) throw evaluationChanged(1);
      evaluationId = created.id;
      version = created.version;
      await recordAudit(tx, {
        actorUserId: input.actor.userId,
        action: 'evaluation.started',
        entityType: 'review_assignment',
        entityId: c.assignment.id,
        summary: { code: c.proposal.code, stage: c.stage.kind, stageId: c.stage.id },
        scope: evaluationScope(c),
        ip: input.ip,
        now: input.now,
      });
    } else {
      const res = await tx
        .updateTable('evaluations')
        .set({ version: existing.version + 1, updated_at: nowIso, saved_by: input.actor.userId })
        .where('id', '=', existing.id)
        .where('version', '=', existing.version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw evaluationChanged(existing.version + 1);
      evaluationId = existing.id;
      version = existing.version + 1;
    }
    const stored = new Map(
      (
        await tx
          .selectFrom('evaluation_scores')
          .selectAll()
          .where('evaluation_id', '=', evaluationId)
          .execute()
      ).map((s) => [s.criterion_id, s]),
    );
    for (const s of input.body.scores) {
      const prior = stored.get(s.criterionId);
      const row = {
        evaluation_id: evaluationId,
        criterion_id: s.criterionId,
        value: s.value === undefined ? (prior?.value ?? null) : s.value,
        comment: s.comment === undefined ? (prior?.comment ?? null) : s.comment?.trim() || null,
        evidence_supports:
          s.evidenceSupports === undefined
            ? (prior?.evidence_supports ?? null)
            : s.evidenceSupports === null
              ? null
              : s.evidenceSupports
                ? 1
                : 0,
      };
      stored.set(s.criterionId, row);
      await tx
        .insertInto('evaluation_scores')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['evaluation_id', 'criterion_id']).doUpdateSet({
            value: row.value,
            comment: row.comment,
            evidence_supports: row.evidence_supports,
          }),
        )
        .execute();
    }
    const total = evaluationTotal(
      criteria.map((k) => ({ weight: k.weight, value: stored.get(k.id)?.value ?? null })),
    );
    return { version, savedAt: nowIso, total };
  });
}
