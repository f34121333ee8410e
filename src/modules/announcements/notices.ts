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
  await notifyUnits(tx, { competition: c, lines: input.lines, outcomeOf: input.outcomeOf, now: input.now });
  return { mails, institutions: told.size };
}

const UNIT_BATCH = 500;

/**
 * The proposers (active UPP accounts of each unit) are told in the app, without a mail: their unit's
 * proposals' results, each opening on the proposal, where the result and its reason show.
 */
async function notifyUnits(
  tx: Db,
  input: {
    competition: CompetitionRow;
    lines: AdminLine[];
    outcomeOf: Map<number, 'passed' | 'disqualified'>;
    now: Date;
  },
): Promise<void> {
  const byUnit = new Map<number, AdminLine[]>();
  for (const l of input.lines) byUnit.set(l.unitId, [...(byUnit.get(l.unitId) ?? []), l]);
  const unitIds = [...byUnit.keys()];
  for (let i = 0; i < unitIds.length; i += UNIT_BATCH) {
    const people = await tx
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select(['u.id', 'g.unit_id'])
      .distinct()
      .where('u.is_active', '=', 1)
      .where('g.role', '=', 'upp')
      .where('g.unit_id', 'in', unitIds.slice(i, i + UNIT_BATCH))
      .execute();
    // One multi-row insert per batch (thousands of proposals): the rows notifyUser would write.
    const at = input.now.toISOString();
    const rows = people.flatMap((person) =>
      (byUnit.get(person.unit_id!) ?? []).map((l) => {
        const passed = input.outcomeOf.get(l.proposalId) === 'passed';
        const title = passed
          ? t(`${l.code} lolos seleksi administrasi`, `${l.code} passed the administrative check`)
          : t(`${l.code} didiskualifikasi`, `${l.code} was disqualified`);
        const body = t(
          `Hasil seleksi administrasi ${input.competition.name} untuk "${l.title}" telah diumumkan.`,
          `The administrative check results of ${input.competition.name} for "${l.title}" are published.`,
        );
        return {
          user_id: person.id,
          kind: 'admin_result_proposal',
          title_id: title.id,
          title_en: title.en,
          body_id: body.id,
          body_en: body.en,
          link: `/usulan/${l.proposalId}`,
          created_at: at,
          read_at: null,
        };
      }),
    );
    for (let k = 0; k < rows.length; k += UNIT_BATCH)
      await tx
        .insertInto('notifications')
        .values(rows.slice(k, k + UNIT_BATCH))
        .execute();
  }
}
