import type { Db } from '../../db/connect.js';
import type { AnnouncementRow, CompetitionRow } from '../../db/schema.js';
import { t } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../platform/notify.js';

export type FinalOutcome = 'finalist' | 'removed' | 'not_selected';

interface CandidateLine {
  proposalId: number;
  code: string;
  title: string;
  institutionId: number;
  institution: string;
  unit: string;
}

/**
 * Tells every institution with a candidate proposal (a line of the selection) its proposals' outcomes in
 * the final list: each active admin lokal gets one mail per institution in its language (finalists,
 * removed after an upheld objection, not selected) and an in-app notification. Inside the fixing
 * transaction.
 */
export async function sendFinalNotices(
  tx: Db,
  input: {
    competition: CompetitionRow;
    announcement: AnnouncementRow;
    selectionId: number;
    outcomeOf: (proposalId: number) => FinalOutcome;
    now: Date;
    baseUrl: string;
  },
): Promise<{ mails: number; institutions: number }> {
  const c = input.competition;
  const rows = await tx
    .selectFrom('finalist_lines as l')
    .innerJoin('proposals as p', 'p.id', 'l.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'i.id as institution_id',
      'i.name as institution',
      'u.name as unit',
    ])
    .where('l.selection_id', '=', input.selectionId)
    .orderBy('p.code')
    .execute();
  const byInstitution = new Map<number, CandidateLine[]>();
  for (const r of rows) {
    const line = {
      proposalId: r.id,
      code: r.code,
      title: r.title,
      institutionId: r.institution_id,
      institution: r.institution,
      unit: r.unit,
    };
    byInstitution.set(r.institution_id, [...(byInstitution.get(r.institution_id) ?? []), line]);
  }
  const admins = await localAdminsOf(tx, [...byInstitution.keys()]);
  const told = new Set<number>();
  let mails = 0;
  const text = (l: CandidateLine) => `${l.code} — ${l.title} (${l.unit})`;
  for (const person of admins) {
    const own = byInstitution.get(person.institutionId)!;
    const of = (o: FinalOutcome) => own.filter((l) => input.outcomeOf(l.proposalId) === o);
    const finalists = of('finalist');
    const removed = of('removed');
    const notSelected = of('not_selected');
    const institution = own[0]!.institution;
    await enqueueMail(tx, {
      to: person.email,
      toName: person.name,
      template: 'finalists_final_published',
      locale: person.locale,
      vars: {
        name: person.name,
        institution,
        competition: c.name,
        decreeNumber: input.announcement.letter_number,
        publishedAt: formatInstant(input.announcement.published_at, c.time_zone, person.locale),
        finalistCount: finalists.length,
        finalists: finalists.map(text).join('\n'),
        removedCount: removed.length,
        removed: removed.map(text).join('\n'),
        notSelectedCount: notSelected.length,
        notSelected: notSelected.map(text).join('\n'),
        link: `${input.baseUrl}/kompetisi/${c.id}/pengumuman/finalists_final`,
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
      kind: 'finalists_final_published',
      title: t(
        `Daftar finalis akhir ${c.name} telah ditetapkan`,
        `The final finalists of ${c.name} are fixed`,
      ),
      body: t(
        `${institution}: ${finalists.length} finalis, ${removed.length} dikeluarkan setelah uji publik, ${notSelected.length} tidak terpilih.`,
        `${institution}: ${finalists.length} finalists, ${removed.length} removed after the public review, ${notSelected.length} not selected.`,
      ),
      link: '/usulan',
      now: input.now,
    });
    mails++;
    told.add(person.institutionId);
  }
  return { mails, institutions: told.size };
}
