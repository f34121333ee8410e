import type { Db } from '../../db/connect.js';
import type { CompetitionRow } from '../../db/schema.js';
import { t } from '../../domain/errors.js';
import type { AwardSpec, Ceremony } from '../../domain/final-panel-settings.js';
import { formatInstant } from '../../domain/time.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser, recipientsWithRole, type Recipient } from '../../platform/notify.js';
import type { FinalistRow } from './context.js';

/**
 * Tells every admin lokal of a finalist's institution (one mail listing the institution's finalists) and
 * every UPP of a finalist's unit (one mail listing the unit's) the outcome of each: its award or
 * "finalist", with the decree and the award ceremony's details; plus an in-app notice. Inside the
 * publishing transaction.
 */
export async function sendResultNotices(
  tx: Db,
  input: {
    competition: CompetitionRow;
    finalists: readonly FinalistRow[];
    awardOf: (proposalId: number) => AwardSpec | null;
    decreeNumber: string;
    ceremony: Ceremony;
    now: Date;
    baseUrl: string;
  },
): Promise<{ mails: number }> {
  const c = input.competition;
  const outcome = (f: FinalistRow, locale: 'id' | 'en') => {
    const a = input.awardOf(f.id);
    const label = a
      ? locale === 'id'
        ? a.labelId
        : a.labelEn
      : locale === 'id'
        ? 'Finalis (Top 99)'
        : 'Finalist (Top 99)';
    return `${f.code} — ${f.title} (${f.unit}): ${label}`;
  };
  let mails = 0;
  const tell = async (person: Recipient, own: readonly FinalistRow[], scope: { institutionId: number }) => {
    const awarded = own.filter((f) => input.awardOf(f.id)).length;
    await enqueueMail(tx, {
      to: person.email,
      toName: person.name,
      template: 'results_published',
      locale: person.locale,
      vars: {
        name: person.name,
        institution: own[0]!.institution,
        competition: c.name,
        decreeNumber: input.decreeNumber,
        publishedAt: formatInstant(input.now, c.time_zone, person.locale),
        outcomesId: own.map((f) => outcome(f, 'id')).join('\n'),
        outcomesEn: own.map((f) => outcome(f, 'en')).join('\n'),
        ceremonyAt: formatInstant(input.ceremony.startsAt, c.time_zone, person.locale),
        ceremonyPlace: input.ceremony.place,
        ceremonyNotesId: input.ceremony.notesId,
        ceremonyNotesEn: input.ceremony.notesEn,
        link: `${input.baseUrl}/kompetisi/${c.id}/hasil`,
      },
      scope: {
        competitionId: c.id,
        organizerInstitutionId: c.organizer_institution_id,
        institutionId: scope.institutionId,
      },
      now: input.now,
    });
    await notifyUser(tx, {
      userId: person.id,
      kind: 'results_published',
      title: t(`Hasil ${c.name} telah diumumkan`, `The results of ${c.name} are published`),
      body: t(
        `${own.length} finalis, ${awarded} menerima penghargaan. Penganugerahan ${formatInstant(input.ceremony.startsAt, c.time_zone, 'id')}, ${input.ceremony.place}.`,
        `${own.length} finalists, ${awarded} awarded. Award ceremony ${formatInstant(input.ceremony.startsAt, c.time_zone, 'en')}, ${input.ceremony.place}.`,
      ),
      link: `/kompetisi/${c.id}/hasil`,
      now: input.now,
    });
    mails++;
  };

  const byInstitution = new Map<number, FinalistRow[]>();
  const byUnit = new Map<number, FinalistRow[]>();
  for (const f of input.finalists) {
    byInstitution.set(f.institutionId, [...(byInstitution.get(f.institutionId) ?? []), f]);
    byUnit.set(f.unitId, [...(byUnit.get(f.unitId) ?? []), f]);
  }
  for (const person of await localAdminsOf(tx, [...byInstitution.keys()]))
    await tell(person, byInstitution.get(person.institutionId)!, { institutionId: person.institutionId });
  for (const [unitId, own] of byUnit)
    for (const person of await recipientsWithRole(tx, { role: 'upp', unitId }))
      await tell(person, own, { institutionId: own[0]!.institutionId });
  return { mails };
}
