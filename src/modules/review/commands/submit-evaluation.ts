import type { Db } from '../../../db/connect.js';
import { AppError, t, type FieldProblem } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/policy.js';
import { evaluationTotal } from '../../../domain/scoring/evaluation-total.js';
import { parseSettings } from '../../../domain/deadlines.js';
import { reviewSettingsOf } from '../../../domain/review-settings.js';
import { decideScore } from '../../../domain/scoring/aggregate.js';
import { recordAudit } from '../../../platform/audit.js';
import { assignExtraReviewer } from '../../assignments/commands/assign-extra.js';
import { loadOwnAssignment, stageClosed } from '../queries.js';
import { assertNoConflict } from '../conflict.js';
import { evaluationChanged, evaluationSubmitted, stageClosedError } from '../refusals.js';
import { evaluationScope, rubricFor } from './save-evaluation.js';

/**
 * "Kirim penilaian": every criterion needs a value (400 `scores_incomplete` naming each one missing); the
 * weighted total (domain/scoring/evaluation-total.ts) is computed and stored, the evaluation is submitted
 * and locked (any later change: 409 `evaluation_submitted`). The version guards against a submit from a
 * stale page (409 `evaluation_changed`); a closed stage refuses it (409 `stage_closed`). Audited.
 * When this total reveals a gap above the stage's threshold (domain/scoring/aggregate.ts `decideScore`)
 * and the proposal has no extra reviewer yet, one is assigned in the same transaction (the assignment's
 * `assignExtraReviewer`: conflict-free, least loaded, origin `third`); if none can be, the stage's results
 * page shows the proposal waiting for its third reviewer, with a button to try again.
 */
export async function submitEvaluation(
  db: Db,
  input: {
    assignmentId: number;
    actor: Actor;
    version: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<{ version: number; total: number; submittedAt: string; thirdAssigned: boolean }> {
  return db.transaction().execute(async (tx) => {
    const c = await loadOwnAssignment(tx, input.actor, input.assignmentId, 'evaluation.score');
    await assertNoConflict(tx, c);
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
    const thirdAssigned = await bringThirdIfGap(tx, c, input);
    return { version: e.version + 1, total, submittedAt: nowIso, thirdAssigned };
  });
}

/** The gap rule after a submit: assigns the extra reviewer once the first k totals differ too much. */
async function bringThirdIfGap(
  tx: Db,
  c: {
    stage: { id: number; kind: string; settings: string };
    competition: { id: number };
    proposal: { id: number };
  },
  input: { ip: string | null; baseUrl: string; now: Date },
): Promise<boolean> {
  const rules = reviewSettingsOf(parseSettings(c.stage.settings), c.stage.kind);
  const rows = await tx
    .selectFrom('review_assignments as a')
    .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
    .select(['a.id', 'e.status', 'e.total', 'e.submitted_at'])
    .where('a.stage_id', '=', c.stage.id)
    .where('a.proposal_id', '=', c.proposal.id)
    .where('a.status', '=', 'active')
    .execute();
  const totals = rows
    .filter((r) => r.status === 'submitted' && r.total !== null)
    .sort((x, y) => String(x.submitted_at).localeCompare(String(y.submitted_at)) || x.id - y.id)
    .map((r) => Number(r.total));
  const d = decideScore(totals, rules);
  if (d.status !== 'pending_third' || rows.length > rules.reviewersPerProposal) return false;
  const extra = await assignExtraReviewer(tx, {
    competitionId: c.competition.id,
    stageId: c.stage.id,
    proposalId: c.proposal.id,
    actorUserId: null,
    ip: input.ip,
    baseUrl: input.baseUrl,
    now: input.now,
  });
  return extra.reviewerId !== null;
}
