import type { Db } from '../../../db/connect.js';
import type { AnnouncementRow, CompetitionRow } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import type { PublishFinalistsBody } from '../../../contracts/finalists.js';
import { recordAudit } from '../../../platform/audit.js';
import { insertAnnouncement } from '../../announcements/publish.js';
import { applyTransitions } from '../../proposals/transition.js';
import { PROVISIONAL_KIND } from '../../objections/queries.js';
import { findSelection, loadContext, type FinalistsContext } from '../queries.js';
import { finalistEntries } from '../entries.js';

/** The uji publik's window as people read it ("11 Juni 2026 pukul 08.00 WIB – …"), both languages. */
export function windowText(ctx: FinalistsContext): { id: string; en: string } | null {
  const s = ctx.objectionStage;
  if (!s?.opens_at || !s.closes_at) return null;
  const z = ctx.competition.time_zone;
  return {
    id: `${formatInstant(s.opens_at, z, 'id')} – ${formatInstant(s.closes_at, z, 'id')}`,
    en: `${formatInstant(s.opens_at, z, 'en')} – ${formatInstant(s.closes_at, z, 'en')}`,
  };
}

export function defaultProvisionalTexts(ctx: FinalistsContext, count: number) {
  const w = windowText(ctx);
  return {
    titleId: `Pengumuman Finalis Sementara ${ctx.competition.name}`,
    titleEn: `Provisional finalists of ${ctx.competition.name}`,
    bodyId:
      `Berdasarkan hasil penilaian, ${count} proposal ditetapkan sebagai finalis sementara. ` +
      `Masyarakat dapat menyampaikan keberatan (uji publik) terhadap finalis${w ? ` pada ${w.id}` : ''} melalui tautan pada setiap finalis.`,
    bodyEn:
      `Following the evaluation, ${count} proposals are the provisional finalists. ` +
      `The public may object to a finalist (public review)${w ? ` during ${w.en}` : ''} through the link on each finalist.`,
  };
}

/**
 * Publishes the provisional finalists (issue 12 point 7), in ONE transaction: the finalists stage row is
 * locked (PostgreSQL; SQLite has one writer) and a publication refused when one exists (409
 * `already_published`; the unique (stage, kind) index of announcements is the last guard); the staged
 * selection must be the one the secretariat looked at (`version`), feasible and computed with the current
 * settings; the uji publik's window must be scheduled and not over (else nobody could object). Each selected
 * proposal moves passed_admin → finalist through the one transition function (`shortlist`, bulk, a revision
 * each; one that moved meanwhile → 409 `proposal_changed`, nothing kept); the announcement
 * `finalists_provisional` (entries: proposalId, code, title, institution, group); the selection marked
 * provisionally published; the audit row. The objection form opens with it.
 */
export async function publishProvisional(
  db: Db,
  input: {
    competition: CompetitionRow;
    body: PublishFinalistsBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<{ announcement: AnnouncementRow; moved: number }> {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, c, true);
    const selection = await findSelection(tx, ctx.stage.id);
    if (selection?.provisional_published_at)
      throw conflict(
        'already_published',
        t(
          'Daftar finalis sementara sudah diumumkan (mungkin oleh anggota sekretariat lain). Muat ulang halaman.',
          'The provisional finalists were already published (perhaps by another secretariat member). Reload the page.',
        ),
      );
    if (!selection)
      throw conflict(
        'finalists_not_computed',
        t(
          'Finalis belum dihitung. Tekan "Hitung finalis" dahulu.',
          'The finalists are not computed yet. Compute them first.',
        ),
      );
    if (selection.version !== input.body.version || selection.settings !== JSON.stringify(ctx.settings))
      throw conflict(
        'selection_changed',
        t(
          'Perhitungan finalis berubah sejak halaman dimuat (dihitung ulang atau pengaturannya diubah). Muat ulang, periksa, lalu umumkan.',
          'The finalists changed since the page was loaded (recomputed, or their settings changed). Reload, check, then publish.',
        ),
      );
    if (!selection.feasible)
      throw conflict(
        'selection_infeasible',
        t(
          'Kuota tidak dapat dipenuhi; ubah pengaturannya dan hitung lagi sebelum mengumumkan.',
          'The quotas cannot be met; change the settings and compute again before publishing.',
        ),
      );
    const closes = ctx.objectionStage?.closes_at;
    if (!ctx.objectionStage?.opens_at || !closes || closes <= input.now.toISOString())
      throw conflict(
        'objection_window_unscheduled',
        t(
          'Jadwal uji publik belum diatur atau sudah lewat. Atur jadwal tahap uji publik pada lini masa kompetisi dahulu.',
          'The public review is not scheduled, or its window is over. Schedule the public review stage on the timeline first.',
        ),
      );

    const selected = (
      await tx
        .selectFrom('finalist_lines')
        .select('proposal_id')
        .where('selection_id', '=', selection.id)
        .where('selected', '=', 1)
        .orderBy('proposal_id')
        .execute()
    ).map((r) => r.proposal_id);
    const moved = await applyTransitions(tx, {
      ids: selected,
      action: 'shortlist',
      actorUserId: input.actorUserId,
      now: input.now,
    });
    if (moved.length !== selected.length)
      throw conflict(
        'proposal_changed',
        t(
          'Sebagian proposal terpilih baru saja berubah status; muat ulang lalu hitung lagi.',
          'Some selected proposals just changed state; reload and compute again.',
        ),
      );
    const entries = await finalistEntries(tx, selected);
    const d = defaultProvisionalTexts(ctx, entries.length);
    const announcement = await insertAnnouncement(tx, {
      competitionId: c.id,
      stageId: ctx.stage.id,
      kind: PROVISIONAL_KIND,
      body: {
        letterNumber: input.body.letterNumber,
        titleId: input.body.titleId ?? d.titleId,
        titleEn: input.body.titleEn ?? d.titleEn,
        bodyId: input.body.bodyId ?? d.bodyId,
        bodyEn: input.body.bodyEn ?? d.bodyEn,
      },
      entries,
      actorUserId: input.actorUserId,
      now: input.now,
    });
    await tx
      .updateTable('finalist_selections')
      .set({
        provisional_letter_number: input.body.letterNumber,
        provisional_published_by: input.actorUserId,
        provisional_published_at: input.now.toISOString(),
      })
      .where('id', '=', selection.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'finalists.provisional_published',
      entityType: 'announcement',
      entityId: announcement.id,
      summary: {
        competitionId: c.id,
        kind: PROVISIONAL_KIND,
        letterNumber: input.body.letterNumber,
        selectionVersion: selection.version,
        finalists: selected,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return { announcement, moved: moved.length };
  });
}
