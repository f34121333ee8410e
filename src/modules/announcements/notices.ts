import type { Db } from '../../db/connect.js';
import type { AnnouncementRow, CompetitionRow } from '../../db/schema.js';
import { t } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../platform/notify.js';
import type { AdminLine } from './queries.js';

/** The reason a disqualified proposal is given (the check's text, else its code). */
export const reasonOf = (l: Pick<AdminLine, 'reasonCode' | 'reasonText'>): string =>
  l.reasonText?.trim() || l.reasonCode || '-';

/**
 * Tells each participant institution its proposals' results: every active admin lokal of the institution
 * gets one mail per institution it serves (in its language) listing the proposals that passed and those
 * disqualified with the reason, and an in-app notification. Returns the mails queued and the institutions
 * told. Call inside the publication's transaction.
 */
export async function sendAdminNotices(
  tx: Db,
  input: {
    competition: CompetitionRow;
    announcement: AnnouncementRow;
    lines: AdminLine[];
    outcomeOf: Map<number, 'passed' | 'disqualified'>;
    now: Date;
    baseUrl: string;
  },
): Promise<{ mails: number; institutions: number }> {
  const c = input.competition;
  const byInstitution = new Map<number, AdminLine[]>();
  for (const l of input.lines) {
    const list = byInstitution.get(l.institutionId) ?? [];
    list.push(l);
    byInstitution.set(l.institutionId, list);
  }
  const admins = await localAdminsOf(tx, [...byInstitution.keys()]);
  const told = new Set<number>();
  let mails = 0;
  for (const person of admins) {
    const own = byInstitution.get(person.institutionId)!;
    const passed = own.filter((l) => input.outcomeOf.get(l.proposalId) === 'passed');
    const disqualified = own.filter((l) => input.outcomeOf.get(l.proposalId) === 'disqualified');
    const institution = own[0]!.institution;
    await enqueueMail(tx, {
      to: person.email,
      toName: person.name,
      template: 'admin_results_published',
      locale: person.locale,
      vars: {
        name: person.name,
        institution,
        competition: c.name,
        letterNumber: input.announcement.letter_number,
        publishedAt: formatInstant(input.announcement.published_at, c.time_zone, person.locale),
        passedCount: passed.length,
        passed: passed.map((l) => `${l.code} — ${l.title} (${l.unit})`).join('\n'),
        disqualifiedCount: disqualified.length,
        disqualified: disqualified
          .map((l) => `${l.code} — ${l.title} (${l.unit}): ${reasonOf(l)}`)
          .join('\n'),
        link: `${input.baseUrl}/usulan`,
      },
      scope: {
        competitionId: c.id,
        organizerInstitutionId: c.organizer_institution_id,
        institutionId: person.institutionId,
      },
      now: input.now,
    });
    await notifyUser(tx, {
      userId: person.id,
      kind: 'admin_results_published',
      title: t(
        `Hasil seleksi administrasi ${c.name} telah diumumkan`,
        `The administrative check results of ${c.name} are published`,
      ),
      body: t(
        `${institution}: ${passed.length} proposal lolos, ${disqualified.length} didiskualifikasi.`,
        `${institution}: ${passed.length} passed, ${disqualified.length} disqualified.`,
      ),
      link: '/usulan',
      now: input.now,
    });
    mails++;
    told.add(person.institutionId);
  }
  return { mails, institutions: told.size };
}
