import type { Db } from '../../../db/connect.js';
import type { AnnouncementRow, CompetitionRow } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import { finalistsAfterDecisions } from '../../../domain/objections.js';
import type { FixFinalistsBody } from '../../../contracts/finalists.js';
import type { AnnouncementEntry } from '../../../contracts/announcements.js';
import { recordAudit } from '../../../platform/audit.js';
import { insertAnnouncement } from '../../announcements/publish.js';
import { PROVISIONAL_KIND } from '../../objections/queries.js';
import { finalClosing } from '../closing.js';
import { finalistEntries } from '../entries.js';
import { sendFinalNotices } from '../notices.js';
import { findSelection, loadContext } from '../queries.js';

export const FINAL_KIND = 'finalists_final';

/**
 * Fixes the final list after the uji publik (issue 12 point 8), in ONE transaction: the stage row locked,
 * refused before the provisional publication, after the final one (409 `already_published`), and while
 * the uji publik is not over (409 `not_ready_final` naming the window's closing with hour and zone, and the
 * objections still waiting). The final entries are the proposals still `finalist`, which must be the
 * provisional list without the upheld objections' finalists (`finalistsAfterDecisions`; else 409
 * `finalists_mismatch`, nothing kept). Then the announcement `finalists_final` with the decree number, the
 * selection marked final, one mail + in-app notice to every admin lokal of an institution with a candidate
 * proposal (each proposal's outcome), and the audit row.
 */
export async function fixFinalList(
  db: Db,
  input: {
    competition: CompetitionRow;
    body: FixFinalistsBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
): Promise<{
  announcement: AnnouncementRow;
  finalists: number;
  removed: number;
  mails: number;
  institutions: number;
}> {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, c, true);
    const selection = await findSelection(tx, ctx.stage.id);
    if (!selection?.provisional_published_at)
      throw conflict(
        'provisional_not_published',
        t(
          'Daftar finalis sementara belum diumumkan; uji publik belum berlangsung.',
          'The provisional finalists are not published; the public review has not taken place.',
        ),
      );
    if (selection.final_published_at)
      throw conflict(
        'already_published',
        t(
          'Daftar finalis akhir sudah ditetapkan (mungkin oleh anggota sekretariat lain). Muat ulang halaman.',
          'The final finalists were already fixed (perhaps by another secretariat member). Reload the page.',
        ),
      );
    const closing = await finalClosing(tx, ctx, input.now);
    if (!closing.readiness.ready)
      throw conflict(
        'not_ready_final',
        t(
          `Daftar finalis akhir belum dapat ditetapkan: ${closing.blockers.map((b) => b.message.id).join(' ')}`,
          `The final list cannot be fixed yet: ${closing.blockers.map((b) => b.message.en).join(' ')}`,
        ),
      );

    const provisional = await tx
      .selectFrom('announcements')
      .select('entries')
      .where('stage_id', '=', ctx.stage.id)
      .where('kind', '=', PROVISIONAL_KIND)
      .executeTakeFirstOrThrow();
    const provisionalEntries = JSON.parse(provisional.entries) as AnnouncementEntry[];
    const expected = finalistsAfterDecisions(
      provisionalEntries.map((e) => ({ proposalId: e.proposalId! })),
      closing.upheld,
    ).map((e) => e.proposalId);
    const still = (
      await tx
        .selectFrom('proposals')
        .select('id')
        .where('competition_id', '=', c.id)
        .where('state', '=', 'finalist')
        .execute()
    ).map((r) => r.id);
    const sameSet = (a: number[], b: number[]) =>
      a.length === b.length &&
      [...a].sort((x, y) => x - y).every((v, i) => v === [...b].sort((x, y) => x - y)[i]);
    if (!sameSet(expected, still))
      throw conflict(
        'finalists_mismatch',
        t(
          'Finalis saat ini tidak sama dengan daftar sementara dikurangi keberatan yang diterima. Periksa status proposal sebelum menetapkan.',
          'The finalists now differ from the provisional list less the upheld objections. Check the proposals before fixing.',
        ),
      );

    const entries = await finalistEntries(tx, still);
    const announcement = await insertAnnouncement(tx, {
      competitionId: c.id,
      stageId: ctx.stage.id,
      kind: FINAL_KIND,
      body: {
        letterNumber: input.body.decreeNumber,
        titleId: input.body.titleId ?? `Penetapan Finalis ${c.name}`,
        titleEn: input.body.titleEn ?? `Final finalists of ${c.name}`,
        bodyId:
          input.body.bodyId ??
          `Setelah uji publik, ${entries.length} proposal ditetapkan sebagai finalis ${c.name} berdasarkan ${input.body.decreeNumber}.`,
        bodyEn:
          input.body.bodyEn ??
          `After the public review, ${entries.length} proposals are the finalists of ${c.name}, under ${input.body.decreeNumber}.`,
      },
      entries,
      actorUserId: input.actorUserId,
      now: input.now,
    });
    await tx
      .updateTable('finalist_selections')
      .set({
        decree_number: input.body.decreeNumber,
        final_published_by: input.actorUserId,
        final_published_at: input.now.toISOString(),
      })
      .where('id', '=', selection.id)
      .execute();

    const removed = new Set(
      closing.upheld.filter((id) => provisionalEntries.some((e) => e.proposalId === id)),
    );
    const finalists = new Set(still);
    const notices = await sendFinalNotices(tx, {
      competition: c,
      announcement,
      selectionId: selection.id,
      outcomeOf: (id) => (finalists.has(id) ? 'finalist' : removed.has(id) ? 'removed' : 'not_selected'),
      now: input.now,
      baseUrl: input.baseUrl,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'finalists.final_published',
      entityType: 'announcement',
      entityId: announcement.id,
      summary: {
        competitionId: c.id,
        kind: FINAL_KIND,
        decreeNumber: input.body.decreeNumber,
        finalists: still,
        removed: [...removed],
        institutions: notices.institutions,
        mails: notices.mails,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return { announcement, finalists: still.length, removed: removed.size, ...notices };
  });
}
