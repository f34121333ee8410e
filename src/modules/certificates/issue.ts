import type { Db } from '../../db/connect.js';
import type { CertificateRow } from '../../db/schema.js';
import type { AwardLevel } from '../../contracts/awards.js';
import {
  certificateKind,
  defaultAwardLabel,
  formatCertificateNumber,
  numberSlug,
  type CertificateAward,
} from '../../domain/certificates.js';
import { badRequest, notFound, t, type Text } from '../../domain/errors.js';
import { recordAudit } from '../../platform/audit.js';
import { sendCertificateNotices } from './notices.js';
import { competitionWithOrganizer, settingsOf } from './queries.js';

/** What the caller brings along: the time, the base URL for the mails' links, the client's address. */
export interface CertificateServices {
  now: Date;
  baseUrl: string;
  ip?: string | null;
}

export interface CertificateEntry {
  proposalId: number;
  /** An award level of the registry, or FINALIST (the registry's TOP99 is kept as FINALIST). */
  award: AwardLevel | 'FINALIST';
  /** What the certificate says the award is; the level's own label when not given. */
  awardLabel?: Text;
}

/**
 * Issues certificates (issue 13 point 5): one row per competition, proposal and award kind, so issuing
 * twice issues once (an entry whose certificate exists is left as it is). Each new one gets the next
 * number of the competition (settings' prefix and sequence, taken under the settings row's lock), a copy of
 * what the paper says (the innovation, its institution and unit, the award's label, the competition and
 * year, the signer), and issued_at. In one transaction with the audit row and a mail + in-app notice to the
 * admin lokal of each institution and the UPP of each unit with new certificates. Runs in the caller's
 * transaction when given one (the results' publication), else in its own. The PDFs are made afterwards,
 * in the export pool (`renderCertificates`): the returned rows have no file yet.
 */
export async function issueCertificates(
  db: Db,
  services: CertificateServices,
  input: { competitionId: number; entries: CertificateEntry[]; actorId: number | null },
): Promise<{ issued: CertificateRow[]; alreadyIssued: number; mails: number }> {
  const run = async (tx: Db) => {
    const c = await competitionWithOrganizer(tx, input.competitionId);
    if (!c) throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
    const settings = await settingsOf(tx, c, services.now, { lock: true });

    // One entry per proposal and kind: the first one's label wins.
    const wanted = new Map<string, CertificateEntry & { kind: CertificateAward }>();
    for (const e of input.entries) {
      const kind = certificateKind(e.award);
      const key = `${e.proposalId}:${kind}`;
      if (!wanted.has(key)) wanted.set(key, { ...e, kind });
    }
    const ids = [...new Set(input.entries.map((e) => e.proposalId))];
    if (!ids.length) return { issued: [], alreadyIssued: 0, mails: 0 };
    const proposals = await tx
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select([
        'p.id',
        'p.code',
        'p.title',
        'p.institution_id',
        'i.name as institution',
        'p.unit_id',
        'u.name as unit',
      ])
      .where('p.competition_id', '=', c.id)
      .where('p.id', 'in', ids)
      .execute();
    const byId = new Map(proposals.map((p) => [p.id, p]));
    const strangers = ids.filter((id) => !byId.has(id));
    if (strangers.length)
      throw badRequest(
        'proposal_not_in_competition',
        t(
          `Proposal ${strangers.join(', ')} bukan proposal kompetisi ini; tidak ada piagam yang diterbitkan.`,
          `Proposals ${strangers.join(', ')} are not of this competition; no certificate was issued.`,
        ),
      );
    const existing = new Set(
      (
        await tx
          .selectFrom('certificates')
          .select(['proposal_id', 'award'])
          .where('competition_id', '=', c.id)
          .where('proposal_id', 'in', ids)
          .execute()
      ).map((r) => `${r.proposal_id}:${r.award}`),
    );

    let seq = settings.next_seq;
    const at = services.now.toISOString();
    const issued: CertificateRow[] = [];
    const todo = [...wanted.entries()]
      .filter(([key]) => !existing.has(key))
      .map(([, e]) => e)
      // Numbers follow the proposals' codes, the award kinds in a fixed order within one proposal.
      .sort(
        (a, b) =>
          byId.get(a.proposalId)!.code.localeCompare(byId.get(b.proposalId)!.code) ||
          a.kind.localeCompare(b.kind),
      );
    for (const e of todo) {
      const p = byId.get(e.proposalId)!;
      const label = e.awardLabel ?? defaultAwardLabel(e.kind);
      const number = formatCertificateNumber(settings.number_prefix, seq);
      const row = await tx
        .insertInto('certificates')
        .values({
          competition_id: c.id,
          proposal_id: p.id,
          award: e.kind,
          award_label_id: label.id,
          award_label_en: label.en,
          seq,
          number,
          number_slug: numberSlug(number),
          year: c.year,
          competition_name: c.name,
          innovation_title: p.title,
          institution_id: p.institution_id,
          institution_name: p.institution,
          unit_id: p.unit_id,
          unit_name: p.unit,
          signer_name: settings.signer_name,
          signer_position: settings.signer_position,
          issued_by: input.actorId,
          issued_at: at,
          file_id: null,
          revoked_at: null,
          revoked_by: null,
          revoked_reason: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      issued.push(row);
      seq++;
    }
    if (!issued.length) return { issued, alreadyIssued: existing.size, mails: 0 };
    await tx
      .updateTable('certificate_settings')
      .set({ next_seq: seq })
      .where('competition_id', '=', c.id)
      .execute();
    const notices = await sendCertificateNotices(tx, {
      competition: c,
      certificates: issued,
      now: services.now,
      baseUrl: services.baseUrl,
    });
    await recordAudit(tx, {
      actorUserId: input.actorId,
      action: 'certificates.issued',
      entityType: 'competition',
      entityId: c.id,
      summary: {
        competitionId: c.id,
        count: issued.length,
        alreadyIssued: existing.size,
        first: issued[0]!.number,
        last: issued[issued.length - 1]!.number,
        certificates: issued.map((r) => ({
          id: r.id,
          number: r.number,
          proposalId: r.proposal_id,
          award: r.award,
        })),
        mails: notices.mails,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: services.ip ?? null,
      now: services.now,
    });
    return { issued, alreadyIssued: existing.size, mails: notices.mails };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
