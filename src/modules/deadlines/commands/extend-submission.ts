import type { Db } from '../../../db/connect.js';
import { extensionsOf, type DeadlineExtension, type ExtensionInput } from '../../../domain/deadlines.js';
import { t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import { participantUsers } from '../../competitions/participants.js';
import { scheduleSubmissionJobs } from '../../competitions/submission-jobs.js';
import { planExtension } from './plan-extension.js';

/**
 * Extends a published competition's submission deadline in one transaction: checks the new closing (later
 * than the current one and than the server's now; 400 per field), moves the stage's closes_at, appends the
 * extension with its letter number to the stage settings, moves the stages after it so the timeline does not
 * overlap (plan-extension.ts; 409 `stage_started` when one has begun), moves the closing and reminder jobs, audits
 * `competition.deadline_extended`, and tells every admin lokal and UPP of an institution the competition takes (in-app and by e-mail). Refuses a
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
    const { competition, stage, settings, extension, moves, moved, calendar } = await planExtension(tx, {
      ...input,
      lock: true,
    });
    const closesAt = extension.closesAt;
    await tx
      .updateTable('stages')
      .set({
        closes_at: closesAt,
        settings: JSON.stringify({ ...settings, extensions: [...extensionsOf(settings), extension] }),
      })
      .where('id', '=', stage.id)
      .execute();
    for (const m of moves)
      await tx
        .updateTable('stages')
        .set({ opens_at: m.opensAt, closes_at: m.closesAt })
        .where('id', '=', m.id)
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
        movedStages: moved,
        calendar,
      },
      scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });

    const tz = competition.time_zone;
    const text = (locale: 'id' | 'en') => formatInstant(closesAt, tz, locale);
    const link = `/kompetisi/${competition.id}`;
    const movedText = (locale: 'id' | 'en') =>
      moved
        .map(
          (m) =>
            `${locale === 'id' ? m.nameId : m.nameEn} ${locale === 'id' ? 'mulai' : 'from'} ${formatInstant((m.to.opensAt ?? m.to.closesAt)!, tz, locale)}`,
        )
        .join('; ');
    // Those whose institution the competition takes (competitions/participants.ts), not the whole installation.
    for (const user of await participantUsers(tx, competition, ['local_admin', 'upp'])) {
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
          movedStages: movedText(user.locale),
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
