import type { RunAssignmentResult } from '../../../contracts/assignments.js';
import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import type { StageContext } from '../context.js';
import { loadStageContext } from '../context.js';
import { panelPlan } from '../panel.js';
import { insertPairs, tellReviewers } from '../write.js';
import { withdrawInTransaction } from './withdraw-assignment.js';

/**
 * "Tugaskan panel" (issue 13 point 1): in a `whole_panel` stage every active panelist with a complete
 * profile is assigned to every finalist, except where they have a conflict of interest with it: then no
 * assignment, and the page lists the abstention (who, which finalist, why). An active assignment now in
 * conflict (the conflict came after it) is withdrawn through the ordinary withdrawal, its draft kept and
 * never counted. Running again adds only what is missing (new finalists, new panelists): nothing is
 * duplicated and a pair withdrawn earlier is not put back. In the caller's transaction (the run's, with
 * the stage row locked on PostgreSQL); one audit row `assignment.panel_run` per run.
 */
export async function runPanelInTransaction(
  tx: Db,
  ctx: StageContext,
  input: {
    competitionId: number;
    stageId: number;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<RunAssignmentResult> {
  const { competition, stage } = ctx;
  const leftOut = ctx.team.filter((m) => !m.profileComplete).map((m) => ({ id: m.id, name: m.name }));
  const first = panelPlan(ctx);
  for (const w of first.toWithdraw)
    await withdrawInTransaction(tx, {
      competitionId: competition.id,
      stageId: stage.id,
      assignmentId: w.assignmentId,
      reason: `Benturan kepentingan / Conflict of interest: ${w.reasons.map((r) => r.id).join('; ')}`,
      conflict: true,
      actorUserId: input.actorUserId,
      ip: input.ip,
      baseUrl: input.baseUrl,
      now: input.now,
    });
  const current = first.toWithdraw.length ? await loadStageContext(tx, competition.id, stage.id) : ctx;
  const plan = first.toWithdraw.length ? panelPlan(current) : first;
  await insertPairs(tx, {
    stageId: stage.id,
    pairs: plan.pairs,
    origin: 'solver',
    actorUserId: input.actorUserId,
    now: input.now,
  });
  const added = new Map<number, number>();
  for (const p of plan.pairs) added.set(p.reviewerId, (added.get(p.reviewerId) ?? 0) + 1);
  const notified = added.size ? await tellReviewers(tx, current, added, input) : 0;
  const loads = new Map<number, number>();
  for (const a of current.assignments)
    if (a.status === 'active') loads.set(a.reviewer_id, (loads.get(a.reviewer_id) ?? 0) + 1);
  for (const [id, n] of added) loads.set(id, (loads.get(id) ?? 0) + n);
  const values = [...loads.values()];
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: 'assignment.panel_run',
    entityType: 'stage',
    entityId: stage.id,
    summary: {
      competitionId: competition.id,
      stage: stage.kind,
      placed: plan.pairs.length,
      withdrawn: first.toWithdraw.map((w) => w.assignmentId),
      abstentions: plan.abstentions.map((a) => ({ reviewerId: a.reviewer.id, proposalId: a.proposal.id })),
      leftOut: leftOut.map((m) => m.id),
    },
    scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
    ip: input.ip,
    now: input.now,
  });
  const n = plan.pairs.length;
  const a = plan.abstentions.length;
  return {
    ok: true,
    placed: n,
    expertiseMisses: 0,
    minLoad: values.length ? Math.min(...values) : 0,
    maxLoad: values.length ? Math.max(...values) : 0,
    notified,
    message: n
      ? t(
          `${n} penugasan dibuat untuk ${added.size} panelis; ${a} abstain karena benturan kepentingan.`,
          `${n} assignments made for ${added.size} panelists; ${a} abstentions for a conflict of interest.`,
        )
      : t(
          `Setiap panelis sudah ditugaskan pada setiap finalis; tidak ada yang ditambahkan (${a} abstain).`,
          `Every panelist is already assigned to every finalist; nothing was added (${a} abstentions).`,
        ),
    unserved: [],
    leftOut,
    abstentions: plan.abstentions,
    withdrawn: first.toWithdraw.length,
  };
}
