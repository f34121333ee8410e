import type { Db } from '../../db/connect.js';
import { parseIntervals } from './queries.js';
import type { FinalistAccess } from './participant.js';
import { uploadsOf } from './view.js';

/*
 * One finalist's presentation as its admin lokal and UPP see it: the slot with its session (time with
 * zone, room or link), the current letter, the upload and its deadline, the rescheduling requests.
 */

export async function currentLetter(db: Db, stageId: number, proposalId: number) {
  return db
    .selectFrom('presentation_letters')
    .selectAll()
    .where('stage_id', '=', stageId)
    .where('proposal_id', '=', proposalId)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
}

export async function finalistView(db: Db, access: FinalistAccess, now: Date) {
  const { ctx, proposal } = access;
  const letter = await currentLetter(db, ctx.stage.id, proposal.id);
  // The slot is the participant's only once it is published (the letter names it).
  const session = letter
    ? await db
        .selectFrom('presentation_sessions')
        .selectAll()
        .where('id', '=', letter.session_id)
        .executeTakeFirst()
    : undefined;
  const upload = (await uploadsOf(db, ctx.stage.id)).get(proposal.id) ?? null;
  const requests = await db
    .selectFrom('reschedule_requests')
    .selectAll()
    .where('stage_id', '=', ctx.stage.id)
    .where('proposal_id', '=', proposal.id)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const deadline = ctx.settings.uploadDeadline;
  const open = !!letter && (!deadline || now.getTime() <= Date.parse(deadline));
  const pending = requests.some((r) => r.status === 'pending');
  return {
    competition: { id: ctx.competition.id, name: ctx.competition.name, timeZone: ctx.competition.time_zone },
    proposal: { id: proposal.id, code: proposal.code, title: proposal.title },
    slot:
      letter && session
        ? {
            startsAt: letter.starts_at,
            endsAt: letter.ends_at,
            session: session.name,
            mode: session.mode,
            room: session.room,
            meetingUrl: session.meeting_url,
          }
        : null,
    letter: letter
      ? { number: letter.letter_number, revision: letter.revision, issuedAt: letter.issued_at }
      : null,
    presentationMinutes: ctx.settings.presentationMinutes,
    interviewMinutes: ctx.settings.interviewMinutes,
    bring: { id: ctx.settings.bringId, en: ctx.settings.bringEn },
    upload,
    uploadDeadline: deadline,
    requests: requests.map((r) => ({
      id: r.id,
      reason: r.reason,
      unavailable: parseIntervals(r.unavailable).map((u) => ({
        from: new Date(u.from).toISOString(),
        to: new Date(u.to).toISOString(),
      })),
      status: r.status,
      decisionReason: r.decision_reason,
      requestedAt: r.requested_at,
      decidedAt: r.decided_at,
    })),
    abilities: {
      upload: access.as === 'participant' && open,
      reschedule: access.as === 'participant' && !!letter && !pending && access.canReschedule,
      letter: !!letter,
    },
  };
}
