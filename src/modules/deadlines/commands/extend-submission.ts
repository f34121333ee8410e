import type { Db } from '../../../db/connect.js';
import {
  extensionsOf,
  parseSettings,
  validateExtension,
  type DeadlineExtension,
  type ExtensionInput,
} from '../../../domain/deadlines.js';
import { conflict, invalidFields, notFound, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import { scheduleSubmissionJobs } from '../jobs.js';
import { activeUsersWithRoles, findCompetitionRow, findSubmissionStage } from '../queries.js';

/**
 * Extends a published competition's submission deadline in one transaction: checks the new closing (later
 * than the current one and than the server's now; 400 per field), moves the stage's closes_at, appends the
 * extension with its letter number to the stage settings, moves the closing and reminder jobs, audits
 * `competition.deadline_extended`, and tells every admin lokal and UPP (in-app and by e-mail). Refuses a
 * draft competition and a submission that has already been closed with 409.
 */
export async function extendSubmission(
  db: Db,
  input: ExtensionInput & {
    competitionId: number;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
): Promise<DeadlineExtension> {
  return db.transaction().execute(async (tx) => {
    const competition = await findCompetitionRow(tx, input.competitionId);
    if (!competition) throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
    if (competition.status !== 'published')
      throw conflict(
        'competition_not_published',
        t(
          'Batas pengajuan hanya dapat diperpanjang pada kompetisi yang telah diterbitkan; ubah jadwal draf melalui pengaturan.',
          'Only a published competition’s deadline can be extended; change a draft’s calendar in its settings.',
        ),
      );
    const stage = await findSubmissionStage(tx, competition.id, true);
    if (!stage?.closes_at)
      throw conflict(
        'no_submission_stage',
        t(
          'Kompetisi ini tidak memiliki tahapan pengajuan dengan waktu penutupan.',
          'This competition has no submission stage with a closing time.',
        ),
      );
    const settings = parseSettings(stage.settings);
    if (settings.closedAt !== undefined)
      throw conflict(
        'submission_closed',
        t(
          'Pengajuan sudah ditutup dan proposal sudah diterima atau dibekukan; batas tidak dapat diperpanjang lagi.',
          'Submission has already closed and proposals were received or frozen; the deadline can no longer be extended.',
        ),
      );
    const problems = validateExtension(input, {
      currentClosesAt: stage.closes_at,
      now: input.now,
      timeZone: competition.time_zone,
    });
    if (Object.keys(problems).length) throw invalidFields(problems);

    const closesAt = new Date(input.closesAt).toISOString();
    const extension: DeadlineExtension = {
      previousClosesAt: stage.closes_at,
      closesAt,
      letterNumber: input.letterNumber.trim(),
      reasonId: input.reasonId?.trim() || null,
      reasonEn: input.reasonEn?.trim() || null,
      at: input.now.toISOString(),
      by: input.actorUserId,
    };
    await tx
      .updateTable('stages')
      .set({
        closes_at: closesAt,
        settings: JSON.stringify({ ...settings, extensions: [...extensionsOf(settings), extension] }),
      })
      .where('id', '=', stage.id)
      .execute();
    await tx
      .updateTable('competitions')
      .set({ updated_at: input.now.toISOString() })
      .where('id', '=', competition.id)
      .execute();
    await scheduleSubmissionJobs(tx, competition.id, input.now);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'competition.deadline_extended',
      entityType: 'competition',
      entityId: competition.id,
      summary: {
        before: { closesAt: extension.previousClosesAt },
        after: { closesAt },
        letterNumber: extension.letterNumber,
        reasonId: extension.reasonId,
        reasonEn: extension.reasonEn,
      },
      scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });

    const tz = competition.time_zone;
    const text = (locale: 'id' | 'en') => formatInstant(closesAt, tz, locale);
    const link = `/kompetisi/${competition.id}`;
    for (const user of await activeUsersWithRoles(tx, ['local_admin', 'upp'])) {
      await notifyUser(tx, {
        userId: user.id,
        kind: 'deadline_extended',
        title: t(
          `Batas pengajuan ${competition.name} diperpanjang`,
          `${competition.name}: submission deadline extended`,
        ),
        body: t(
          `Batas pengajuan proposal diperpanjang sampai ${text('id')} (surat nomor ${extension.letterNumber}).`,
          `Proposal submission now closes ${text('en')} (letter no. ${extension.letterNumber}).`,
        ),
        link,
        now: input.now,
      });
      await enqueueMail(tx, {
        to: user.email,
        toName: user.name,
        template: 'deadline_extended',
        locale: user.locale,
        vars: {
          name: user.name,
          competition: competition.name,
          closesAt: text(user.locale),
          previousClosesAt: formatInstant(extension.previousClosesAt, tz, user.locale),
          letterNumber: extension.letterNumber,
          reason: (user.locale === 'id' ? extension.reasonId : extension.reasonEn) ?? '',
          link: `${input.baseUrl}${link}`,
        },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
        },
        now: input.now,
      });
    }
    return extension;
  });
}
