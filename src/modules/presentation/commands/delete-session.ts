import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { auditPresentation } from '../audit.js';
import { loadContext, touchSchedule } from '../queries.js';
import { refuseWhenPublished, sessionNotFound } from './save-session.js';

/** Removes a session (and its slots) before the publication. */
export async function deleteSession(
  db: Db,
  input: {
    competition: CompetitionRow;
    sessionId: number;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    await refuseWhenPublished(tx, ctx);
    const row = await tx
      .selectFrom('presentation_sessions')
      .select(['id', 'name'])
      .where('id', '=', input.sessionId)
      .where('stage_id', '=', ctx.stage.id)
      .executeTakeFirst();
    if (!row) throw sessionNotFound();
    await tx.deleteFrom('presentation_slots').where('session_id', '=', row.id).execute();
    await tx.deleteFrom('presentation_session_panelists').where('session_id', '=', row.id).execute();
    await tx.deleteFrom('presentation_sessions').where('id', '=', row.id).execute();
    await touchSchedule(tx, ctx.stage.id, input.now);
    await auditPresentation(tx, ctx, {
      action: 'presentation.session_removed',
      entityType: 'presentation_session',
      entityId: row.id,
      summary: { name: row.name },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
  });
}
