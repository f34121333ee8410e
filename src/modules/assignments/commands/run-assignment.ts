import type { RunAssignmentResult } from '../../../contracts/assignments.js';
import type { Db } from '../../../db/connect.js';
import { assignReviewers } from '../../../domain/assignment/solve.js';
import { conflict, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { assertOpenForAssignment, loadStageContext, poolNotReady } from '../context.js';
import { solverInput } from '../plan.js';
import { insertPairs, tellReviewers } from '../write.js';
import { runPanelInTransaction } from './run-panel-assignment.js';

/**
 * Runs the optimal assignment of a scored stage (domain/assignment/solve.ts): every proposal of the pool
 * gets the reviewers it still needs (k minus its active ones), never a conflicted one, loads balanced,
 * expertise preferred. Existing rows never move, so running it again after late proposals places only
 * theirs. In one transaction (the stage row locked on PostgreSQL, SQLite's single writer elsewhere): the
 * rows, the audit row, and a notice and mail to each reviewer given proposals. When no valid assignment
 * exists NOTHING is written and the answer names each proposal that cannot be served and why.
 * Reviewers without a completed profile are left out and named.
 */
export async function runAssignment(
  db: Db,
  input: {
    competitionId: number;
    stageId: number;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<RunAssignmentResult> {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadStageContext(tx, input.competitionId, input.stageId);
    const { competition, stage } = ctx;
    assertOpenForAssignment(stage, competition.time_zone, input.now);
    const notReady = poolNotReady(stage, ctx.pool.length);
    if (notReady) throw conflict('pool_empty', notReady);
    if (ctx.settings.mode === 'whole_panel') return runPanelInTransaction(tx, ctx, input);
    const leftOut = ctx.team.filter((m) => !m.profileComplete).map((m) => ({ id: m.id, name: m.name }));
    const solverIn = solverInput(ctx);
    const missing = solverIn.proposals.reduce((s, p) => s + p.need, 0);
    if (missing === 0)
      return {
        ok: true,
        placed: 0,
        expertiseMisses: 0,
        ...loadRange(ctx.assignments),
        notified: 0,
        message: t(
          'Semua proposal sudah memiliki penilai sesuai jumlahnya; tidak ada yang ditambahkan.',
          'Every proposal already has its reviewers; nothing was added.',
        ),
        unserved: [],
        leftOut,
      };
    const result = assignReviewers(solverIn);
    if (!result.ok) {
      const byId = new Map(ctx.pool.map((p) => [p.id, p]));
      return {
        ok: false,
        placed: 0,
        expertiseMisses: 0,
        ...loadRange(ctx.assignments),
        notified: 0,
        message: result.message,
        unserved: result.unserved.map((u) => ({
          proposalId: u.proposalId,
          code: byId.get(u.proposalId)?.code ?? String(u.proposalId),
          title: byId.get(u.proposalId)?.title ?? '',
          message: u.message,
        })),
        leftOut,
      };
    }
    await insertPairs(tx, {
      stageId: stage.id,
      pairs: result.pairs,
      origin: 'solver',
      actorUserId: input.actorUserId,
      now: input.now,
    });
    const added = new Map<number, number>();
    for (const p of result.pairs) added.set(p.reviewerId, (added.get(p.reviewerId) ?? 0) + 1);
    const notified = await tellReviewers(tx, ctx, added, input);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'assignment.run',
      entityType: 'stage',
      entityId: stage.id,
      summary: {
        competitionId: competition.id,
        stage: stage.kind,
        placed: result.cost.pairs,
        expertiseMisses: result.cost.expertiseMisses,
        minLoad: result.cost.minLoad,
        maxLoad: result.cost.maxLoad,
        reviewers: added.size,
        leftOut: leftOut.map((m) => m.id),
      },
      scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return {
      ok: true,
      placed: result.cost.pairs,
      expertiseMisses: result.cost.expertiseMisses,
      minLoad: result.cost.minLoad,
      maxLoad: result.cost.maxLoad,
      notified,
      message: t(
        `${result.cost.pairs} penugasan dibuat untuk ${added.size} penilai (beban ${result.cost.minLoad}–${result.cost.maxLoad} proposal per penilai; ${result.cost.expertiseMisses} di luar keahlian penilainya).`,
        `${result.cost.pairs} assignments made for ${added.size} reviewers (load ${result.cost.minLoad}–${result.cost.maxLoad} proposals each; ${result.cost.expertiseMisses} outside the reviewer's expertise).`,
      ),
      unserved: [],
      leftOut,
    };
  });
}

function loadRange(rows: readonly { reviewer_id: number; status: string }[]) {
  const load = new Map<number, number>();
  for (const r of rows)
    if (r.status === 'active') load.set(r.reviewer_id, (load.get(r.reviewer_id) ?? 0) + 1);
  const values = [...load.values()];
  return {
    minLoad: values.length ? Math.min(...values) : 0,
    maxLoad: values.length ? Math.max(...values) : 0,
  };
}
