import type { Db } from '../../db/connect.js';
import type { CertificateRow, CompetitionRow } from '../../db/schema.js';
import { t } from '../../domain/errors.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser, recipientsWithRole, type Recipient } from '../../platform/notify.js';

/** Where the admin lokal and the UPP find their certificates. */
export const MY_CERTIFICATES_PATH = '/piagam';

/**
 * Tells the admin lokal of each institution with new certificates, and the UPP of each unit, that they are
 * ready: one mail per person and institution (each in its language) listing its certificates, and an
 * in-app notice. Inside the issuing transaction.
 */
export async function sendCertificateNotices(
  tx: Db,
  input: { competition: CompetitionRow; certificates: CertificateRow[]; now: Date; baseUrl: string },
): Promise<{ mails: number }> {
  const c = input.competition;
  const byInstitution = new Map<number, CertificateRow[]>();
  for (const r of input.certificates)
    byInstitution.set(r.institution_id, [...(byInstitution.get(r.institution_id) ?? []), r]);
  const people: { person: Recipient; institutionId: number; rows: CertificateRow[] }[] = [];
  for (const a of await localAdminsOf(tx, [...byInstitution.keys()]))
    people.push({ person: a, institutionId: a.institutionId, rows: byInstitution.get(a.institutionId)! });
  const units = new Map<string, CertificateRow[]>();
  for (const r of input.certificates) {
    const key = `${r.institution_id}:${r.unit_id}`;
    units.set(key, [...(units.get(key) ?? []), r]);
  }
  for (const rows of units.values()) {
    const { institution_id, unit_id } = rows[0]!;
    const told = new Set(people.filter((p) => p.institutionId === institution_id).map((p) => p.person.id));
    for (const u of await recipientsWithRole(tx, {
      role: 'upp',
      institutionId: institution_id,
      unitId: unit_id,
    }))
      if (!told.has(u.id)) people.push({ person: u, institutionId: institution_id, rows });
  }
  let mails = 0;
  for (const { person, institutionId, rows } of people) {
    const institution = rows[0]!.institution_name;
    await enqueueMail(tx, {
      to: person.email,
      toName: person.name,
      template: 'certificates_ready',
      locale: person.locale,
      vars: {
        name: person.name,
        institution,
        competition: c.name,
        count: rows.length,
        certificates: rows
          .map(
            (r) =>
              `${r.number} — ${person.locale === 'en' ? r.award_label_en : r.award_label_id}: ${r.innovation_title} (${r.unit_name})`,
          )
          .join('\n'),
        link: `${input.baseUrl}${MY_CERTIFICATES_PATH}`,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id, institutionId },
      now: input.now,
    });
    await notifyUser(tx, {
      userId: person.id,
      kind: 'certificates_ready',
      title: t(`Piagam ${c.name} siap diunduh`, `Certificates of ${c.name} ready to download`),
      body: t(`${institution}: ${rows.length} piagam.`, `${institution}: ${rows.length} certificates.`),
      link: MY_CERTIFICATES_PATH,
      now: input.now,
    });
    mails++;
  }
  return { mails };
}
