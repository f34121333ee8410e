import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import type { SessionBody } from '../../../contracts/presentation.js';
import { conflict, invalidFields, notFound, t } from '../../../domain/errors.js';
import { sessionProblems, type SessionDraft } from '../../../domain/presentation-sessions.js';
import { auditPresentation } from '../audit.js';
import {
  loadContext,
  panelOf,
  scheduleRow,
  sessionsOf,
  touchSchedule,
  type PresentationContext,
} from '../queries.js';

export const sessionNotFound = () => notFound(t('Sesi tidak ditemukan.', 'Session not found.'));

/** 409 once the schedule is published: the sessions are fixed, moves go through rescheduling. */
export async function refuseWhenPublished(tx: Db, ctx: PresentationContext): Promise<void> {
  const row = await scheduleRow(tx, ctx.stage.id);
  if (row?.published_at)
    throw conflict(
      'schedule_published',
      t(
        'Jadwal presentasi sudah diumumkan; sesi tidak dapat diubah lagi. Pindahkan finalis satu per satu atau melalui permintaan perubahan jadwal.',
        'The presentation schedule is published; sessions cannot change any more. Move finalists one by one or through a rescheduling request.',
      ),
    );
}

/**
 * Creates (no `sessionId`) or changes a panel session of the presentation stage, checked field by field
 * (domain/presentation-sessions.ts). A change of an existing session drops the slots that no longer fit
 * it (they come back as unplaced, to assign again).
 */
export async function saveSession(
  db: Db,
  input: {
    competition: CompetitionRow;
    sessionId?: number;
    body: SessionBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<{ id: number }> {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    await refuseWhenPublished(tx, ctx);
    const sessions = await sessionsOf(tx, ctx.stage.id);
    if (input.sessionId !== undefined && !sessions.some((s) => s.id === input.sessionId))
      throw sessionNotFound();
    const panel = await panelOf(tx, ctx.competition.id);
    const b = input.body;
    const draft: SessionDraft = {
      name: b.name,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      mode: b.mode,
      room: b.mode === 'offline' ? (b.room ?? null) : (b.room ?? null),
      meetingUrl: b.meetingUrl ?? null,
      groupKeys: [...new Set(b.groupKeys)],
      panelistIds: [...new Set(b.panelistIds)],
    };
    const problems = sessionProblems(draft, {
      stage: { opensAt: ctx.stage.opens_at, closesAt: ctx.stage.closes_at },
      timeZone: ctx.competition.time_zone,
      groupKeys: ctx.groups.map((g) => g.key),
      panelists: new Map(panel.map((p) => [p.id, p.name])),
      others: sessions.filter((s) => s.id !== input.sessionId),
    });
    if (Object.keys(problems).length) throw invalidFields(problems);
    const at = input.now.toISOString();
    const values = {
      name: draft.name,
      starts_at: new Date(draft.startsAt).toISOString(),
      ends_at: new Date(draft.endsAt).toISOString(),
      mode: draft.mode,
      room: draft.room,
      meeting_url: draft.meetingUrl,
      group_keys: JSON.stringify(draft.groupKeys),
      updated_at: at,
    };
    let id = input.sessionId;
    if (id === undefined) {
      const row = await tx
        .insertInto('presentation_sessions')
        .values({
          ...values,
          competition_id: ctx.competition.id,
          stage_id: ctx.stage.id,
          created_by: input.actorUserId,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      await tx.updateTable('presentation_sessions').set(values).where('id', '=', id).execute();
      await tx.deleteFrom('presentation_session_panelists').where('session_id', '=', id).execute();
      // The slots are re-timed by the next assignment; those of a changed session are dropped now.
      await tx.deleteFrom('presentation_slots').where('session_id', '=', id).execute();
    }
    if (draft.panelistIds.length)
      await tx
        .insertInto('presentation_session_panelists')
        .values(draft.panelistIds.map((user_id) => ({ session_id: id!, user_id })))
        .execute();
    await touchSchedule(tx, ctx.stage.id, input.now);
    await auditPresentation(tx, ctx, {
      action: input.sessionId === undefined ? 'presentation.session_created' : 'presentation.session_changed',
      entityType: 'presentation_session',
      entityId: id,
      summary: { ...values, panelistIds: draft.panelistIds },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { id };
  });
}
