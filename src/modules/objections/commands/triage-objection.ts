import type { DismissObjectionBody, ForwardObjectionBody } from '../../../contracts/objections.js';
import type { Db } from '../../../db/connect.js';
import { conflict, fieldError, t } from '../../../domain/errors.js';
import { formatObjectionNumber, triageRefusal } from '../../../domain/objections.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import type { ObjectionView } from '../queries.js';
import { objectionStatusPath } from './file-objection.js';

/** Where the panel reads the forwarded objections of a competition (the web app's route). */
export const panelPath = (competitionId: number) => `/panel/kompetisi/${competitionId}/uji-publik`;

const handledMeanwhile = () =>
  conflict(
    'objection_changed',
    t(
      'Keberatan ini baru saja ditangani oleh orang lain; muat ulang.',
      'Someone else just handled this objection; reload it.',
    ),
  );

/** The conditional move of a triage: from new at the version read, or 409. */
async function moveFromNew(
  tx: Db,
  view: ObjectionView,
  version: number,
  set: {
    status: 'dismissed' | 'forwarded';
    dismiss_reason?: string | null;
    duplicate_of?: number | null;
    triage_note: string | null;
  },
  actorUserId: number,
  now: Date,
): Promise<void> {
  const refusal = triageRefusal(view.status);
  if (refusal) throw refusal;
  if (version !== view.version) throw handledMeanwhile();
  const res = await tx
    .updateTable('objections')
    .set({
      ...set,
      triaged_by: actorUserId,
      triaged_at: now.toISOString(),
      version: view.version + 1,
      updated_at: now.toISOString(),
    })
    .where('id', '=', view.id)
    .where('status', '=', 'new')
    .where('version', '=', view.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw handledMeanwhile();
}

const scopeOf = (view: ObjectionView) => ({
  competitionId: view.competition_id,
  organizerInstitutionId: view.organizer_institution_id,
});

/**
 * The secretariat finds an objection inadmissible (out of scope, no grounds, a duplicate of another of
 * the same competition, or another reason), with a note the filer is mailed (bilingual). Final.
 */
export async function dismissObjection(
  db: Db,
  input: {
    view: ObjectionView;
    body: DismissObjectionBody;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<void> {
  const { view, body } = input;
  await db.transaction().execute(async (tx) => {
    let duplicateOf: number | null = null;
    if (body.reason === 'duplicate') {
      if (!body.duplicateOf)
        throw fieldError(
          'duplicateOf',
          'required',
          t('Pilih keberatan yang diulang.', 'Choose the objection it repeats.'),
        );
      const original = await tx
        .selectFrom('objections')
        .select('id')
        .where('id', '=', body.duplicateOf)
        .where('competition_id', '=', view.competition_id)
        .where('id', '!=', view.id)
        .executeTakeFirst();
      if (!original)
        throw fieldError(
          'duplicateOf',
          'unknown_objection',
          t(
            'Keberatan yang diulang tidak ditemukan pada kompetisi ini.',
            'The objection it repeats is not one of this competition.',
          ),
        );
      duplicateOf = original.id;
    }
    await moveFromNew(
      tx,
      view,
      body.version,
      { status: 'dismissed', dismiss_reason: body.reason, duplicate_of: duplicateOf, triage_note: body.note },
      input.actorUserId,
      input.now,
    );
    const number = formatObjectionNumber(view.competition_year, view.id);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'objection.dismissed',
      entityType: 'objection',
      entityId: view.id,
      summary: { number, reason: body.reason, duplicateOf, note: body.note },
      scope: scopeOf(view),
      ip: input.ip,
      now: input.now,
    });
    await enqueueMail(tx, {
      to: view.email,
      toName: view.name,
      template: 'objection_outcome',
      locale: view.locale,
      vars: {
        name: view.name,
        number,
        code: view.proposal_code,
        title: view.proposal_title,
        program: view.competition_name,
        outcome: 'dismissed',
        reason: body.note,
        statusLink: `${input.baseUrl}${objectionStatusPath(number)}`,
      },
      scope: scopeOf(view),
      now: input.now,
    });
  });
}

/** The secretariat forwards an admissible objection to the competition's panel (told in the app). */
export async function forwardObjection(
  db: Db,
  input: {
    view: ObjectionView;
    body: ForwardObjectionBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<void> {
  const { view, body } = input;
  await db.transaction().execute(async (tx) => {
    await moveFromNew(
      tx,
      view,
      body.version,
      { status: 'forwarded', triage_note: body.note || null },
      input.actorUserId,
      input.now,
    );
    const number = formatObjectionNumber(view.competition_year, view.id);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'objection.forwarded',
      entityType: 'objection',
      entityId: view.id,
      summary: {
        number,
        proposal: { id: view.proposal_id, code: view.proposal_code },
        note: body.note ?? null,
      },
      scope: scopeOf(view),
      ip: input.ip,
      now: input.now,
    });
    for (const member of await recipientsWithRole(tx, {
      role: 'panelist',
      competitionId: view.competition_id,
    }))
      await notifyUser(tx, {
        userId: member.id,
        kind: 'objection_forwarded',
        title: t(`Keberatan ${number} menunggu keputusan`, `Objection ${number} awaits a decision`),
        body: t(
          `Sekretariat meneruskan keberatan terhadap finalis ${view.proposal_code} kepada Tim Panel.`,
          `The secretariat forwarded an objection to the finalist ${view.proposal_code} to the panel.`,
        ),
        link: panelPath(view.competition_id),
        now: input.now,
      });
  });
}
