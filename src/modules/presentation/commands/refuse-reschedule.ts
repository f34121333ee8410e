import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { conflict, notFound, t } from '../../../domain/errors.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import { auditPresentation } from '../audit.js';
import { placeText, slotText } from '../letter-pdf.js';
import { participantLink, participantsOf } from '../letters.js';
import { loadContext, type PresentationContext } from '../queries.js';

/** The request of the stage, still pending (404 unknown; 409 `already_decided`). */
export async function pendingRequest(tx: Db, ctx: PresentationContext, requestId: number) {
  const request = await tx
    .selectFrom('reschedule_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('stage_id', '=', ctx.stage.id)
    .executeTakeFirst();
  if (!request) throw notFound(t('Permintaan tidak ditemukan.', 'Request not found.'));
  if (request.status !== 'pending')
    throw conflict(
      'already_decided',
      t(
        'Permintaan ini sudah diputuskan. Muat ulang halaman.',
        'This request is already decided. Reload the page.',
      ),
    );
  return request;
}

/**
 * Refuses a pending rescheduling request with a reason: the slot stays; the finalist's admin lokal and
 * UPPs get a mail (with the reason and the slot that stays) and an in-app notice, in the same transaction.
 */
export async function refuseReschedule(
  db: Db,
  input: {
    competition: CompetitionRow;
    requestId: number;
    reason: string;
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
      .set({
        status: 'refused',
        decision_reason: input.reason,
        decided_by: input.actorUserId,
        decided_at: at,
      })
      .where('id', '=', request.id)
      .execute();
    const p = await tx
      .selectFrom('proposals')
      .select(['id', 'code', 'title', 'institution_id', 'unit_id'])
      .where('id', '=', request.proposal_id)
      .executeTakeFirstOrThrow();
    const slot = await tx
      .selectFrom('presentation_slots as s')
      .innerJoin('presentation_sessions as x', 'x.id', 's.session_id')
      .select(['s.starts_at', 's.ends_at', 'x.name', 'x.mode', 'x.room', 'x.meeting_url'])
      .where('s.stage_id', '=', ctx.stage.id)
      .where('s.proposal_id', '=', p.id)
      .executeTakeFirst();
    const c = ctx.competition;
    const tz = c.time_zone;
    const when = slot ? { startsAt: slot.starts_at, endsAt: slot.ends_at } : null;
    let mails = 0;
    for (const person of await participantsOf(tx, { institutionId: p.institution_id, unitId: p.unit_id })) {
      await enqueueMail(tx, {
        to: person.email,
        toName: person.name,
        template: 'presentation_reschedule_refused',
        locale: person.locale,
        vars: {
          name: person.name,
          competition: c.name,
          code: p.code,
          title: p.title,
          reason: input.reason,
          slot:
            when && slot
              ? `${slotText(when, tz, 'id')}, ${placeText({ ...slot, meetingUrl: slot.meeting_url }, 'id')}`
              : '-',
          slotEn:
            when && slot
              ? `${slotText(when, tz, 'en')}, ${placeText({ ...slot, meetingUrl: slot.meeting_url }, 'en')}`
              : '-',
          link: participantLink(input.baseUrl, p.id),
        },
        scope: {
          competitionId: c.id,
          organizerInstitutionId: c.organizer_institution_id,
          institutionId: p.institution_id,
        },
        now: input.now,
      });
      await notifyUser(tx, {
        userId: person.id,
        kind: 'presentation_reschedule_refused',
        title: t(`Perubahan jadwal ${p.code} ditolak`, `Rescheduling of ${p.code} refused`),
        body: t(input.reason, input.reason),
        link: `/presentasi/${p.id}`,
        now: input.now,
      });
      mails++;
    }
    await auditPresentation(tx, ctx, {
      action: 'presentation.reschedule_refused',
      entityType: 'reschedule_request',
      entityId: request.id,
      summary: { proposalId: p.id, reason: input.reason, mails },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { status: 'refused' as const, mails };
  });
}
