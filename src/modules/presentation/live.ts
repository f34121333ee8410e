import type { Db } from '../../db/connect.js';
import { capacityOf, slotTime } from '../../domain/presentation-schedule.js';
import { loadScheduleWorld, type PresentationContext } from './queries.js';
import { panelistAssignments } from './participant-queries.js';
import { uploadsOf } from './view.js';

/*
 * The panelist's live session (issue 13 point 2): the session's slots in order, the current one by the
 * server's time with its part (presentation, then interview), each finalist's upload, and what the
 * panelist does with it and how far their scoring of it got: "Nilai" opens the panelist's own scoring of that finalist (its active
 * review_assignments row of the presentation stage), "Abstain" when the panelist has a conflict with it.
 */

export type SlotPhase = 'upcoming' | 'presentation' | 'interview' | 'done';

export function phaseOf(slot: { from: number; to: number }, presentationMs: number, now: number): SlotPhase {
  if (now < slot.from) return 'upcoming';
  if (now >= slot.to) return 'done';
  return now < slot.from + presentationMs ? 'presentation' : 'interview';
}

export async function mySessions(db: Db, stageId: number, userId: number) {
  return db
    .selectFrom('presentation_sessions as s')
    .innerJoin('presentation_session_panelists as sp', 'sp.session_id', 's.id')
    .select(['s.id', 's.name', 's.starts_at', 's.ends_at', 's.mode', 's.room', 's.meeting_url'])
    .where('s.stage_id', '=', stageId)
    .where('sp.user_id', '=', userId)
    .orderBy('s.starts_at')
    .execute();
}

export async function liveSession(
  db: Db,
  ctx: PresentationContext,
  sessionId: number,
  userId: number,
  now: Date,
) {
  const world = await loadScheduleWorld(db, ctx);
  const session = world.sessions.find((s) => s.id === sessionId)!;
  const input = world.input.sessions.find((s) => s.id === sessionId)!;
  const shape = world.input.shape;
  const presentationMs = ctx.settings.presentationMinutes * 60_000;
  const uploads = await uploadsOf(db, ctx.stage.id);
  const finalists = new Map(world.finalists.map((f) => [f.id, f]));
  const conflicted = new Map(world.input.finalists.map((f) => [f.id, f.conflictedPanelists]));
  const assignments = await panelistAssignments(db, ctx.stage.id, userId);
  const assignmentOf = new Map(assignments.map((a) => [a.proposal_id, a]));
  const byIndex = new Map(
    world.slots.filter((s) => s.session_id === sessionId).map((s) => [s.slot_index, s]),
  );
  const at = now.getTime();
  const slots = Array.from({ length: capacityOf(input, shape) }, (_, index) => {
    const when = slotTime(input, shape, index);
    const row = byIndex.get(index);
    const f = row ? finalists.get(row.proposal_id) : undefined;
    const abstain = f ? (conflicted.get(f.id) ?? []).includes(userId) : false;
    const assignment = f && !abstain ? assignmentOf.get(f.id) : undefined;
    return {
      slot: index + 1,
      startsAt: new Date(when.from).toISOString(),
      presentationEndsAt: new Date(when.from + presentationMs).toISOString(),
      endsAt: new Date(when.to).toISOString(),
      phase: phaseOf(when, presentationMs, at),
      finalist: f
        ? {
            id: f.id,
            code: f.code,
            title: f.title,
            institution: f.institutionName,
            upload: uploads.get(f.id) ?? null,
            abstain,
            assignmentId: assignment?.id ?? null,
            /** The panelist's scoring of it: submitted, a draft, not begun; null without an assignment. */
            scoring: assignment ? (assignment.evaluation ?? 'none') : null,
          }
        : null,
    };
  }).filter((s) => s.finalist !== null);
  // The current slot: the one running now, else the next to come, else none (the session is over).
  const running = slots.findIndex((s) => s.phase === 'presentation' || s.phase === 'interview');
  const next = slots.findIndex((s) => s.phase === 'upcoming');
  return {
    competition: { id: ctx.competition.id, name: ctx.competition.name, timeZone: ctx.competition.time_zone },
    session: {
      id: session.id,
      name: session.name,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      mode: session.mode,
      room: session.room,
      meetingUrl: session.meetingUrl,
    },
    now: now.toISOString(),
    presentationMinutes: ctx.settings.presentationMinutes,
    interviewMinutes: ctx.settings.interviewMinutes,
    current: running >= 0 ? running : next,
    slots,
  };
}
