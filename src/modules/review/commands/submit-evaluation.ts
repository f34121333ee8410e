import type { Db } from '../../../db/connect.js';
import { AppError, t, type FieldProblem } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/policy.js';
import { evaluationTotal } from '../../../domain/scoring/evaluation-total.js';
import { recordAudit } from '../../../platform/audit.js';
import { loadOwnAssignment, stageClosed } from '../queries.js';
import { evaluationChanged, evaluationSubmitted, stageClosedError } from '../refusals.js';
import { evaluationScope, rubricFor } from './save-evaluation.js';

/**
 * "Kirim penilaian": every criterion needs a value (400 `scores_incomplete` naming each one missing); the
 * weighted total (domain/scoring/evaluation-total.ts) is computed and stored, the evaluation is submitted
 * and locked (any later change: 409 `evaluation_submitted`). The version guards against a submit from a
 * stale page (409 `evaluation_changed`); a closed stage refuses it (409 `stage_closed`). Audited.
 */
export async function submitEvaluation(
  db: Db,
  input: { assignmentId: number; actor: Actor; version: number; ip: string | null; now: Date },
): Promise<{ version: number; total: number; submittedAt: string }> {
  return db.transaction().execute(async (tx) => {
    const c = await loadOwnAssignment(tx, input.actor, input.assignmentId, 'evaluation.score');
    const e = await tx
      .selectFrom('evaluations')
      .selectAll()
      .where('assignment_id', '=', c.assignment.id)
      .executeTakeFirst();
    if (e?.status === 'submitted') throw evaluationSubmitted();
    if (stageClosed(c.stage, input.now)) throw stageClosedError(c.stage, c.competition);
    const criteria = await rubricFor(tx, c);
    const scores = e
      ? await tx.selectFrom('evaluation_scores').selectAll().where('evaluation_id', '=', e.id).execute()
      : [];
    const valueOf = new Map(scores.map((s) => [s.criterion_id, s.value]));
    const missing: Record<string, FieldProblem> = {};
    for (const k of criteria)
      if (valueOf.get(k.id) === null || valueOf.get(k.id) === undefined)
        missing[`scores.${k.key}.value`] = {
          code: 'score_required',
          message: t(`Beri nilai untuk "${k.label_id}".`, `Give a score for "${k.label_en}".`),
        };
    if (!e || Object.keys(missing).length)
      throw new AppError(
        400,
        'scores_incomplete',
        t(
          'Semua kriteria harus diberi nilai sebelum penilaian dikirim.',
          'Every criterion needs a score before the evaluation is submitted.',
        ),
        missing,
      );
    if (input.version !== e.version) throw evaluationChanged(e.version);
    const total = evaluationTotal(criteria.map((k) => ({ weight: k.weight, value: valueOf.get(k.id)! })))!;
    const nowIso = input.now.toISOString();
    const res = await tx
      .updateTable('evaluations')
      .set({
        status: 'submitted',
        total,
        submitted_at: nowIso,
        version: e.version + 1,
        updated_at: nowIso,
        saved_by: input.actor.userId,
      })
      .where('id', '=', e.id)
      .where('version', '=', e.version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw evaluationChanged(e.version + 1);
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'evaluation.submitted',
      entityType: 'review_assignment',
      entityId: c.assignment.id,
      summary: { code: c.proposal.code, stage: c.stage.kind, stageId: c.stage.id, total },
      scope: evaluationScope(c),
      ip: input.ip,
      now: input.now,
    });
    return { version: e.version + 1, total, submittedAt: nowIso };
  });
}
