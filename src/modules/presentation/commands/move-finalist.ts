import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { conflict, fieldError, invalidFields, t } from '../../../domain/errors.js';
import { checkPlacement } from '../../../domain/presentation-schedule.js';
import { auditPresentation } from '../audit.js';
import { issueLetters } from '../letters.js';
import {
  loadContext,
  loadScheduleWorld,
  scheduleRow,
  touchSchedule,
  type PresentationContext,
} from '../queries.js';
import { writeSlot } from '../slots.js';

/**
 * Moves one finalist to slot `index` of a session by hand, validated by the scheduler's own rules (400 with
 * each broken rule in words under `slot`). After the publication the finalist's letter is re-issued (a new
 * number, the next revision) and mailed, in the same transaction. Used by the secretariat's move and by an
 * accepted rescheduling request.
 */
export async function moveFinalistIn(
  tx: Db,
  ctx: PresentationContext,
  input: {
    proposalId: number;
    sessionId: number;
    index: number;
    origin: 'manual' | 'reschedule';
    actorUserId: number;
    now: Date;
    baseUrl: string;
  },
) {
  const world = await loadScheduleWorld(tx, ctx);
  const finalist = world.finalists.find((f) => f.id === input.proposalId);
  if (!finalist)
    throw fieldError(
      'proposalId',
      'not_finalist',
      t('Proposal ini bukan finalis kompetisi ini.', 'This proposal is not a finalist of this competition.'),
    );
  const session = world.sessions.find((s) => s.id === input.sessionId);
  if (!session)
    throw fieldError('sessionId', 'unknown_session', t('Sesi tidak ditemukan.', 'Session not found.'));
  const target = { finalistId: finalist.id, sessionId: session.id, index: input.index };
  const problems = checkPlacement(world.input, world.placements, finalist.id, target);
  if (problems.length)
    throw invalidFields({
      slot: {
        code: problems[0]!.code,
        message: t(problems.map((p) => p.message.id).join(' '), problems.map((p) => p.message.en).join(' ')),
      },
    });
  const when = await writeSlot(tx, {
    stageId: ctx.stage.id,
    schedule: world.input,
    placement: target,
    origin: input.origin,
    now: input.now,
  });
  const published = (await scheduleRow(tx, ctx.stage.id))?.published_at ?? null;
  const reissued = published
    ? await issueLetters(tx, ctx, [{ finalist, session, ...when }], input)
    : { letters: 0, mails: 0 };
  const version = await touchSchedule(tx, ctx.stage.id, input.now);
  return { finalist, session, when, reissued, version };
}

export async function moveFinalist(
  db: Db,
  input: {
    competition: CompetitionRow;
    proposalId: number;
    sessionId: number;
    slot: number;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
) {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    const pending = await tx
      .selectFrom('reschedule_requests')
      .select('id')
      .where('stage_id', '=', ctx.stage.id)
      .where('proposal_id', '=', input.proposalId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending)
      throw conflict(
        'reschedule_pending',
        t(
          'Finalis ini memiliki permintaan perubahan jadwal yang belum diputuskan; terima atau tolak permintaan itu.',
          'This finalist has an undecided rescheduling request; accept or refuse it.',
        ),
      );
    const r = await moveFinalistIn(tx, ctx, {
      proposalId: input.proposalId,
      sessionId: input.sessionId,
      index: input.slot - 1,
      origin: 'manual',
      actorUserId: input.actorUserId,
      now: input.now,
      baseUrl: input.baseUrl,
    });
    await auditPresentation(tx, ctx, {
      action: 'presentation.moved',
      entityType: 'proposal',
      entityId: input.proposalId,
      summary: { sessionId: input.sessionId, slot: input.slot, ...r.when, reissued: r.reissued.letters },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { version: r.version, reissued: r.reissued.letters > 0, ...r.when };
  });
}
