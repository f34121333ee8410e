import type { Db } from '../../../db/connect.js';
import { conflict, fieldError, t } from '../../../domain/errors.js';
import { recipientsWithRole, notifyUser } from '../../../platform/notify.js';
import { auditPresentation } from '../audit.js';
import type { FinalistAccess } from '../participant.js';

/**
 * The admin lokal asks to move its finalist's slot: the reason and the times it cannot make (each `to`
 * after its `from`). Only after the publication (409 `not_invited`) and one pending request at a time (409
 * `request_pending`). The organizer's secretariat is told in the app.
 */
export async function requestReschedule(
  db: Db,
  input: {
    access: FinalistAccess;
    reason: string;
    unavailable: { from: string; to: string }[];
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<{ id: number }> {
  const { ctx, proposal } = input.access;
  input.unavailable.forEach((u) => {
    if (Date.parse(u.to) <= Date.parse(u.from))
      throw fieldError(
        'unavailable',
        'end_before_start',
        t(
          'Setiap rentang waktu harus berakhir setelah dimulai.',
          'Each time range must end after it starts.',
        ),
      );
  });
  return db.transaction().execute(async (tx) => {
    const slot = await tx
      .selectFrom('presentation_letters')
      .select('id')
      .where('stage_id', '=', ctx.stage.id)
      .where('proposal_id', '=', proposal.id)
      .executeTakeFirst();
    if (!slot)
      throw conflict(
        'not_invited',
        t('Jadwal presentasi belum diumumkan.', 'The presentation schedule is not published yet.'),
      );
    const pending = await tx
      .selectFrom('reschedule_requests')
      .select('id')
      .where('stage_id', '=', ctx.stage.id)
      .where('proposal_id', '=', proposal.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending)
      throw conflict(
        'request_pending',
        t(
          'Masih ada permintaan perubahan jadwal yang menunggu keputusan sekretariat.',
          'A rescheduling request is still waiting for the secretariat.',
        ),
      );
    const at = input.now.toISOString();
    const row = await tx
      .insertInto('reschedule_requests')
      .values({
        stage_id: ctx.stage.id,
        proposal_id: proposal.id,
        reason: input.reason,
        unavailable: JSON.stringify(
          input.unavailable.map((u) => ({
            from: new Date(u.from).toISOString(),
            to: new Date(u.to).toISOString(),
          })),
        ),
        status: 'pending',
        decision_reason: null,
        requested_by: input.actorUserId,
        requested_at: at,
        decided_by: null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = ctx.competition;
    for (const s of await recipientsWithRole(tx, {
      role: 'secretariat',
      institutionId: c.organizer_institution_id,
    }))
      await notifyUser(tx, {
        userId: s.id,
        kind: 'presentation_reschedule_requested',
        title: t(`Permintaan perubahan jadwal ${proposal.code}`, `Rescheduling request for ${proposal.code}`),
        body: t(input.reason, input.reason),
        link: `/sekretariat/kompetisi/${c.id}/presentasi`,
        now: input.now,
      });
    await auditPresentation(tx, ctx, {
      action: 'presentation.reschedule_requested',
      entityType: 'reschedule_request',
      entityId: row.id,
      summary: { proposalId: proposal.id, unavailable: input.unavailable },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { id: row.id };
  });
}
