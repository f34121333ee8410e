import type { Db } from '../../db/connect.js';
import { t } from '../../domain/errors.js';
import { letterNumber } from '../../domain/presentation-settings.js';
import { formatInstant } from '../../domain/time.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser, recipientsWithRole, type Recipient } from '../../platform/notify.js';
import { placeText, slotText } from './letter-pdf.js';
import type { FinalistItem, PresentationContext, SessionItem } from './queries.js';

/*
 * Issuing invitation letters: each takes the next number of the stage's sequence (the secretariat's
 * pattern), supersedes the finalist's previous letter (a rescheduling or a move after the publication
 * re-issues it as a new revision), and tells the admin lokal of the finalist's institution and the UPPs of
 * its unit by mail and in the app. Inside the change's transaction, so the letter and its mails commit
 * together.
 */

export interface LetterToIssue {
  finalist: FinalistItem;
  session: SessionItem;
  startsAt: string;
  endsAt: string;
}

/** Who hears about a finalist's letter: its institution's admin lokal and its unit's UPPs, once each. */
export async function participantsOf(
  tx: Db,
  f: Pick<FinalistItem, 'institutionId' | 'unitId'>,
): Promise<Recipient[]> {
  const admins = await localAdminsOf(tx, [f.institutionId]);
  const upps = await recipientsWithRole(tx, {
    role: 'upp',
    institutionId: f.institutionId,
    unitId: f.unitId,
  });
  const seen = new Set<number>();
  return [...admins, ...upps].filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

export const participantLink = (baseUrl: string, proposalId: number) => `${baseUrl}/presentasi/${proposalId}`;

export async function issueLetters(
  tx: Db,
  ctx: PresentationContext,
  letters: readonly LetterToIssue[],
  input: { actorUserId: number; now: Date; baseUrl: string },
): Promise<{ letters: number; mails: number }> {
  const c = ctx.competition;
  const tz = c.time_zone;
  const schedule = await tx
    .selectFrom('presentation_schedules')
    .select('next_letter_seq')
    .where('stage_id', '=', ctx.stage.id)
    .executeTakeFirstOrThrow();
  let seq = schedule.next_letter_seq ?? ctx.settings.letterStart;
  const at = input.now.toISOString();
  let mails = 0;
  for (const l of letters) {
    const previous = await tx
      .selectFrom('presentation_letters')
      .select(['id', 'revision'])
      .where('stage_id', '=', ctx.stage.id)
      .where('proposal_id', '=', l.finalist.id)
      .orderBy('revision', 'desc')
      .executeTakeFirst();
    if (previous)
      await tx
        .updateTable('presentation_letters')
        .set({ superseded_at: at })
        .where('stage_id', '=', ctx.stage.id)
        .where('proposal_id', '=', l.finalist.id)
        .where('superseded_at', 'is', null)
        .execute();
    const revision = (previous?.revision ?? 0) + 1;
    const number = letterNumber(ctx.settings.letterPattern, seq++, c.year);
    await tx
      .insertInto('presentation_letters')
      .values({
        stage_id: ctx.stage.id,
        proposal_id: l.finalist.id,
        letter_number: number,
        revision,
        session_id: l.session.id,
        starts_at: l.startsAt,
        ends_at: l.endsAt,
        issued_by: input.actorUserId,
        issued_at: at,
        superseded_at: null,
      })
      .execute();
    const slot = { startsAt: l.startsAt, endsAt: l.endsAt };
    const deadline = ctx.settings.uploadDeadline;
    const link = participantLink(input.baseUrl, l.finalist.id);
    for (const person of await participantsOf(tx, l.finalist)) {
      await enqueueMail(tx, {
        to: person.email,
        toName: person.name,
        template: 'presentation_invitation',
        locale: person.locale,
        vars: {
          name: person.name,
          competition: c.name,
          code: l.finalist.code,
          title: l.finalist.title,
          institution: l.finalist.institutionName,
          letterNumber: number,
          revision,
          slot: slotText(slot, tz, 'id'),
          slotEn: slotText(slot, tz, 'en'),
          place: placeText(l.session, 'id'),
          placeEn: placeText(l.session, 'en'),
          uploadDeadline: deadline ? formatInstant(deadline, tz, 'id') : '-',
          uploadDeadlineEn: deadline ? formatInstant(deadline, tz, 'en') : '-',
          link,
        },
        scope: {
          competitionId: c.id,
          organizerInstitutionId: c.organizer_institution_id,
          institutionId: l.finalist.institutionId,
        },
        now: input.now,
      });
      await notifyUser(tx, {
        userId: person.id,
        kind: 'presentation_invitation',
        title: t(
          revision > 1
            ? `Jadwal presentasi ${l.finalist.code} diubah`
            : `Undangan presentasi ${l.finalist.code}`,
          revision > 1
            ? `Presentation of ${l.finalist.code} rescheduled`
            : `Presentation invitation for ${l.finalist.code}`,
        ),
        body: t(`${number}: ${slotText(slot, tz, 'id')}.`, `${number}: ${slotText(slot, tz, 'en')}.`),
        link: `/presentasi/${l.finalist.id}`,
        now: input.now,
      });
      mails++;
    }
  }
  await tx
    .updateTable('presentation_schedules')
    .set({ next_letter_seq: seq })
    .where('stage_id', '=', ctx.stage.id)
    .execute();
  return { letters: letters.length, mails };
}
