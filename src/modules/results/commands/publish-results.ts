import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { AppError, conflict, t } from '../../../domain/errors.js';
import { FINALIST_LEVEL, tallyAwards, type AwardSpec } from '../../../domain/final-panel-settings.js';
import type { AnnouncementEntry } from '../../../contracts/announcements.js';
import type { MissingForResults } from '../../../contracts/results.js';
import { recordAudit } from '../../../platform/audit.js';
import { insertAnnouncement } from '../../announcements/publish.js';
import {
  findResultsAnnouncement,
  loadDecisions,
  loadFinalists,
  loadResultsContext,
  resultsPublished,
  RESULTS_KIND,
} from '../context.js';
import { issueCertificates } from '../../certificates/issue.js';
import { indexCompetition } from '../../gallery/commands/index-competition.js';
import { sendResultNotices } from '../notices.js';
import { missingForResults, presentationScores } from '../plenary.js';

const MISSING_TEXT: Record<MissingForResults['missing'][number], { id: string; en: string }> = {
  presentation_score: { id: 'belum ada nilai presentasi', en: 'no presentation score' },
  decision: { id: 'belum ada keputusan panel', en: 'no panel decision' },
};

/**
 * Publishes the competition's results (issue 13 points 5–6) in ONE transaction, the final_panel stage row
 * locked (PostgreSQL); the announcements' unique (stage, kind) index is the last guard, so two publishers
 * at once publish once (the other: 409 `results_published`). Refused, nothing written, when a finalist has
 * no presentation score or no decision (409 `results_incomplete`, `missing` naming each), when an award is
 * given more often than its places (409 `awards_over_places`), or without the award ceremony's details
 * (409 `ceremony_missing`). Then: the public announcement `final_results` (its letter number = the decree),
 * the award registry rows (TOP99 for every finalist, the award's level for each winner; the competition's
 * year, the institution linked, competition_id and proposal_id), a mail + in-app notice to every admin
 * lokal and UPP of a finalist, the finalists in the public gallery (issue 14, its own audit row
 * `gallery.indexed`), and the audit row. Certificates (issue 13 point 5) are issued by their own
 * module from here after the merge.
 */
export async function publishResults(
  db: Db,
  input: {
    competition: CompetitionRow;
    decreeNumber: string;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
) {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    const ctx = await loadResultsContext(tx, c, true);
    if (await findResultsAnnouncement(tx, ctx.stage.id)) throw resultsPublished();
    const [finalists, decisions, presentation] = await Promise.all([
      loadFinalists(tx, c.id),
      loadDecisions(tx, ctx.stage.id),
      presentationScores(tx, c.id, input.now),
    ]);
    if (!finalists.length)
      throw conflict(
        'no_finalists',
        t('Kompetisi ini belum memiliki finalis.', 'This competition has no finalists.'),
      );
    const missing = missingForResults(finalists, presentation?.scores ?? null, decisions);
    if (missing.length) {
      const list = (l: 'id' | 'en') =>
        missing.map((m) => `${m.code} (${m.missing.map((k) => MISSING_TEXT[k][l]).join(', ')})`).join('; ');
      throw new AppError(
        409,
        'results_incomplete',
        t(
          `Hasil belum dapat diumumkan: ${missing.length} finalis belum lengkap: ${list('id')}.`,
          `The results cannot be published yet: ${missing.length} finalists are incomplete: ${list('en')}.`,
        ),
        {},
        { missing },
      );
    }
    const over = tallyAwards(
      ctx.settings,
      [...decisions.values()].map((d) => ({ awardKey: d.awardKey })),
    ).filter((x) => x.status === 'over');
    if (over.length)
      throw conflict(
        'awards_over_places',
        t(
          `Hasil belum dapat diumumkan: ${over.map((x) => x.warning!.id).join(' ')}`,
          `The results cannot be published yet: ${over.map((x) => x.warning!.en).join(' ')}`,
        ),
      );
    const ceremony = ctx.settings.ceremony;
    if (!ceremony)
      throw conflict(
        'ceremony_missing',
        t(
          'Isi dahulu rincian upacara penghargaan (tanggal, jam, tempat) pada pengaturan sidang: rincian itu diumumkan bersama hasil.',
          'Enter the award ceremony details (date, time, place) in the final session settings first: they are published with the results.',
        ),
      );

    const awards = new Map(ctx.settings.awards.map((a) => [a.key, a]));
    const awardOf = (proposalId: number): AwardSpec | null => {
      const key = decisions.get(proposalId)?.awardKey;
      return key ? (awards.get(key) ?? null) : null;
    };
    const groupOf = new Map(ctx.groups.map((g) => [g.key, g]));
    const position = new Map(ctx.groups.map((g, i) => [g.key, i]));
    const ordered = [...finalists].sort(
      (a, b) =>
        position.get(a.groupKey)! - position.get(b.groupKey)! ||
        Number(!awardOf(a.id)) - Number(!awardOf(b.id)) ||
        a.code.localeCompare(b.code),
    );
    const entries: AnnouncementEntry[] = ordered.map((f) => {
      const g = groupOf.get(f.groupKey)!;
      const a = awardOf(f.id);
      return {
        proposalId: f.id,
        code: f.code,
        title: f.title,
        institution: f.institution,
        group: { id: g.nameId, en: g.nameEn },
        award: a ? { id: a.labelId, en: a.labelEn } : { id: 'Finalis (Top 99)', en: 'Finalist (Top 99)' },
      };
    });
    const awarded = finalists.filter((f) => awardOf(f.id)).length;
    const announcement = await insertAnnouncement(tx, {
      competitionId: c.id,
      stageId: ctx.stage.id,
      kind: RESULTS_KIND,
      body: {
        letterNumber: input.decreeNumber,
        titleId: `Hasil ${c.name}`,
        titleEn: `Results of ${c.name}`,
        bodyId: `Berdasarkan ${input.decreeNumber}, Sidang Tim Panel Independen menetapkan ${awarded} Top Inovasi Pelayanan Publik Terpuji dari ${finalists.length} finalis ${c.name}.`,
        bodyEn: `Under ${input.decreeNumber}, the Independent Panel's final session names ${awarded} outstanding public service innovations among the ${finalists.length} finalists of ${c.name}.`,
      },
      entries,
      actorUserId: input.actorUserId,
      now: input.now,
    });

    const at = input.now.toISOString();
    const registry = ordered.flatMap((f) => {
      const a = awardOf(f.id);
      return [FINALIST_LEVEL, ...(a ? [a.level] : [])].map((level) => ({
        year: c.year,
        level,
        innovation_title: f.title,
        institution_name: f.institution,
        institution_id: f.institutionId,
        source_url: `${input.baseUrl}/kompetisi/${c.id}/hasil`,
        notes: input.decreeNumber,
        created_at: at,
        created_by: input.actorUserId,
        updated_at: at,
        competition_id: c.id,
        proposal_id: f.id,
      }));
    });
    for (let i = 0; i < registry.length; i += 200)
      await tx
        .insertInto('awards')
        .values(registry.slice(i, i + 200))
        .execute();

    // The certificates (piagam, issue 13 point 5): one per finalist, and one per award, in this
    // transaction; their PDFs are made afterwards in the export pool (the route starts it).
    const certificates = await issueCertificates(
      tx,
      { now: input.now, baseUrl: input.baseUrl, ip: input.ip },
      {
        competitionId: c.id,
        actorId: input.actorUserId,
        entries: ordered.flatMap((f) => {
          const a = awardOf(f.id);
          return [
            { proposalId: f.id, award: 'FINALIST' as const },
            ...(a ? [{ proposalId: f.id, award: a.level, awardLabel: t(a.labelId, a.labelEn) }] : []),
          ];
        }),
      },
    );

    // The public gallery (issue 14): every finalist with its award levels from the registry rows above.
    const gallery = await indexCompetition(tx, {
      competition: c,
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });

    const notices = await sendResultNotices(tx, {
      competition: c,
      finalists: ordered,
      awardOf,
      decreeNumber: input.decreeNumber,
      ceremony,
      now: input.now,
      baseUrl: input.baseUrl,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'results.published',
      entityType: 'announcement',
      entityId: announcement.id,
      summary: {
        competitionId: c.id,
        decreeNumber: input.decreeNumber,
        finalists: finalists.length,
        awarded: ordered
          .filter((f) => awardOf(f.id))
          .map((f) => ({ proposalId: f.id, award: awardOf(f.id)!.key })),
        registryRows: registry.length,
        certificates: certificates.issued.length,
        galleryEntries: gallery.indexed,
        mails: notices.mails,
        ceremony,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return {
      publishedAt: announcement.published_at,
      decreeNumber: input.decreeNumber,
      finalists: finalists.length,
      awarded,
      registryRows: registry.length,
      certificates: certificates.issued.length,
      mails: notices.mails,
    };
  });
}
