import type { Db } from '../../../db/connect.js';
import { assignReviewers } from '../../../domain/assignment/solve.js';
import { t, type Text } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { loadStageContext } from '../context.js';
import { solverInput } from '../plan.js';
import { insertPairs, tellReviewers } from '../write.js';

/**
 * One more reviewer on one proposal (the gap rule's third evaluator, issue 12 point 5): conflict-free, not
 * one already on it or withdrawn from it, the least loaded (the same solver on this proposal alone, need
 * 1), origin `third`. Runs inside the caller's transaction (the submit that revealed the gap, or the
 * secretariat's button on the results page). Returns the reviewer, or why none could be assigned (nothing
 * written then: the results page shows the proposal as still waiting for its third).
 */
export async function assignExtraReviewer(
  tx: Db,
  input: {
    competitionId: number;
    stageId: number;
    proposalId: number;
    actorUserId: number | null;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<{ reviewerId: number | null; reviewerName: string | null; message: Text }> {
  const ctx = await loadStageContext(tx, input.competitionId, input.stageId);
  const result = assignReviewers(solverInput({ ...ctx, only: new Set([input.proposalId]), needOf: () => 1 }));
  if (!result.ok || !result.pairs.length) {
    const why = result.ok ? null : (result.unserved[0]?.message ?? result.message);
    return {
      reviewerId: null,
      reviewerName: null,
      message: t(
        `Belum ada penilai ketiga yang dapat ditugaskan${why ? `: ${why.id}` : ''}.`,
        `No third reviewer can be assigned yet${why ? `: ${why.en}` : ''}.`,
      ),
    };
  }
  const pair = result.pairs[0]!;
  const [id] = await insertPairs(tx, {
    stageId: ctx.stage.id,
    pairs: [pair],
    origin: 'third',
    actorUserId: input.actorUserId,
    now: input.now,
  });
  await tellReviewers(tx, ctx, new Map([[pair.reviewerId, 1]]), input);
  const name = ctx.team.find((m) => m.id === pair.reviewerId)?.name ?? '';
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: 'assignment.third_added',
    entityType: 'review_assignment',
    entityId: id,
    summary: {
      competitionId: ctx.competition.id,
      stage: ctx.stage.kind,
      proposalId: input.proposalId,
      reviewerId: pair.reviewerId,
    },
    scope: {
      competitionId: ctx.competition.id,
      organizerInstitutionId: ctx.competition.organizer_institution_id,
      institutionId: ctx.pool.find((p) => p.id === input.proposalId)?.institutionId ?? null,
    },
    ip: input.ip,
    now: input.now,
  });
  return {
    reviewerId: pair.reviewerId,
    reviewerName: name,
    message: t(`${name} ditugaskan sebagai penilai ketiga.`, `${name} was assigned as the third reviewer.`),
  };
}
