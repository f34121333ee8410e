import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import { capacityOf, checkPlacement } from '../../../domain/presentation-schedule.js';
import { auditPresentation } from '../audit.js';
import { loadContext, loadScheduleWorld } from '../queries.js';
import { moveFinalistIn } from './move-finalist.js';
import { pendingRequest } from './refuse-reschedule.js';

/**
 * Accepts a pending rescheduling request: its unavailable times become the finalist's (the scheduler
 * respects them from now on), the finalist moves to the slot the secretariat chose or, when none is named,
 * the earliest slot that keeps every rule (409 `no_slot_available` when there is none: nothing changes),
 * and the letter is re-issued with a new number and mailed, all in one transaction.
 */
export async function acceptReschedule(
  db: Db,
  input: {
    competition: CompetitionRow;
    requestId: number;
    sessionId?: number;
    slot?: number;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
) {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    const request = await pendingRequest(tx, ctx, input.requestId);
    const at = input.now.toISOString();
    await tx
      .updateTable('reschedule_requests')
      .set({ status: 'accepted', decided_by: input.actorUserId, decided_at: at })
      .where('id', '=', request.id)
      .execute();
    let target: { sessionId: number; index: number } | undefined =
      input.sessionId !== undefined && input.slot !== undefined
        ? { sessionId: input.sessionId, index: input.slot - 1 }
        : undefined;
    if (!target) {
      const world = await loadScheduleWorld(tx, ctx);
      const sessions = [...world.input.sessions].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
      outer: for (const s of sessions)
        for (let index = 0; index < capacityOf(s, world.input.shape); index++) {
          const p = { finalistId: request.proposal_id, sessionId: s.id, index };
          if (!checkPlacement(world.input, world.placements, request.proposal_id, p).length) {
            target = { sessionId: s.id, index };
            break outer;
          }
        }
      if (!target)
        throw conflict(
          'no_slot_available',
          t(
            'Tidak ada slot yang memenuhi semua aturan di luar waktu yang tidak dapat dihadiri. Tambah sesi, atau tolak permintaan dengan alasan.',
            'No slot keeps every rule outside the times the finalist cannot attend. Add a session, or refuse the request with a reason.',
          ),
        );
    }
    const moved = await moveFinalistIn(tx, ctx, {
      proposalId: request.proposal_id,
      sessionId: target.sessionId,
      index: target.index,
      origin: 'reschedule',
      actorUserId: input.actorUserId,
      now: input.now,
      baseUrl: input.baseUrl,
    });
    await auditPresentation(tx, ctx, {
      action: 'presentation.reschedule_accepted',
      entityType: 'reschedule_request',
      entityId: request.id,
      summary: { proposalId: request.proposal_id, ...moved.when, reissued: moved.reissued.letters },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { status: 'accepted' as const, ...moved.when, version: moved.version };
  });
}
