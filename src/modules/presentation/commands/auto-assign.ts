import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { buildSchedule, checkPlacement, type Unplaced } from '../../../domain/presentation-schedule.js';
import { auditPresentation } from '../audit.js';
import { loadContext, loadScheduleWorld, touchSchedule } from '../queries.js';
import { writeSlot } from '../slots.js';
import { refuseWhenPublished } from './save-session.js';

/**
 * Places the finalists into the sessions' slots (domain/presentation-schedule.ts `buildSchedule`). The
 * secretariat's hand moves (origin `manual`) that still keep every rule stay where they are; every other
 * slot is computed again. Before the publication only. Returns who could not be placed and why.
 */
export async function autoAssign(
  db: Db,
  input: { competition: CompetitionRow; actorUserId: number; ip: string | null; now: Date },
): Promise<{ placed: number; unplaced: Unplaced[]; version: number }> {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    await refuseWhenPublished(tx, ctx);
    const world = await loadScheduleWorld(tx, ctx);
    const manual = new Set(world.slots.filter((s) => s.origin === 'manual').map((s) => s.proposal_id));
    const moved = world.placements.filter((p) => manual.has(p.finalistId));
    // A kept move must still hold; one that breaks a rule now (a session changed) is computed again.
    const keep = moved.filter((p) => checkPlacement(world.input, moved, p.finalistId, p).length === 0);
    const result = buildSchedule(world.input, keep);
    await tx.deleteFrom('presentation_slots').where('stage_id', '=', ctx.stage.id).execute();
    for (const p of result.placements)
      await writeSlot(tx, {
        stageId: ctx.stage.id,
        schedule: world.input,
        placement: p,
        origin: manual.has(p.finalistId) ? 'manual' : 'auto',
        now: input.now,
      });
    const version = await touchSchedule(tx, ctx.stage.id, input.now);
    await auditPresentation(tx, ctx, {
      action: 'presentation.assigned',
      entityType: 'stage',
      entityId: ctx.stage.id,
      summary: {
        placed: result.placements.length,
        kept: keep.length,
        unplaced: result.unplaced.map((u) => ({ proposalId: u.finalistId, reason: u.reason })),
      },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { placed: result.placements.length, unplaced: result.unplaced, version };
  });
}
