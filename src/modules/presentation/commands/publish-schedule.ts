import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import { scheduleProblems } from '../../../domain/presentation-schedule.js';
import { auditPresentation } from '../audit.js';
import { issueLetters } from '../letters.js';
import { loadContext, loadScheduleWorld, scheduleRow } from '../queries.js';

/**
 * Publishes the schedule in ONE transaction: refused when another change came in between (409
 * `stale_schedule`), when already published (409 `already_published`: two publishes at once give one),
 * without an upload deadline (409 `upload_deadline_missing`), while a finalist has no slot (409
 * `finalists_unplaced`, naming them) or a slot breaks a rule. Then one invitation letter per finalist with
 * the next numbers of the pattern, each mailed and notified to the finalist's admin lokal and UPPs.
 */
export async function publishSchedule(
  db: Db,
  input: {
    competition: CompetitionRow;
    version: number;
    actorUserId: number;
    ip: string | null;
    now: Date;
    baseUrl: string;
  },
): Promise<{ letters: number; mails: number; publishedAt: string }> {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    const row = await scheduleRow(tx, ctx.stage.id);
    if (row?.published_at)
      throw conflict(
        'already_published',
        t(
          'Jadwal presentasi sudah diumumkan (mungkin oleh anggota sekretariat lain). Muat ulang halaman.',
          'The presentation schedule is already published (perhaps by another secretariat member). Reload the page.',
        ),
      );
    if ((row?.version ?? 1) !== input.version)
      throw conflict(
        'stale_schedule',
        t(
          'Jadwal berubah sejak halaman dimuat. Muat ulang dan periksa sebelum mengumumkan.',
          'The schedule changed since the page was loaded. Reload and check it before publishing.',
        ),
      );
    if (!ctx.settings.uploadDeadline)
      throw conflict(
        'upload_deadline_missing',
        t(
          'Tetapkan batas unggah bahan paparan sebelum mengumumkan; surat undangan menyebutkannya.',
          'Set the upload deadline before publishing; the invitation letters name it.',
        ),
      );
    const world = await loadScheduleWorld(tx, ctx);
    const placed = new Set(world.placements.map((p) => p.finalistId));
    const missing = world.finalists.filter((f) => !placed.has(f.id));
    if (!world.finalists.length || missing.length)
      throw conflict(
        'finalists_unplaced',
        t(
          missing.length
            ? `Finalis berikut belum mendapat slot: ${missing.map((f) => `${f.code} (${f.institutionName})`).join(', ')}.`
            : 'Belum ada finalis untuk dijadwalkan.',
          missing.length
            ? `These finalists have no slot yet: ${missing.map((f) => `${f.code} (${f.institutionName})`).join(', ')}.`
            : 'There are no finalists to schedule yet.',
        ),
      );
    const broken = scheduleProblems(world.input, world.placements);
    if (broken.length)
      throw conflict(
        'schedule_broken',
        t(
          broken.flatMap((b) => b.violations.map((v) => v.message.id)).join(' '),
          broken.flatMap((b) => b.violations.map((v) => v.message.en)).join(' '),
        ),
      );
    const at = input.now.toISOString();
    await tx
      .updateTable('presentation_schedules')
      .set({ published_at: at, published_by: input.actorUserId, version: input.version + 1, updated_at: at })
      .where('stage_id', '=', ctx.stage.id)
      .execute();
    const bySession = new Map(world.sessions.map((s) => [s.id, s]));
    const byFinalist = new Map(world.finalists.map((f) => [f.id, f]));
    const letters = world.slots
      .filter((s) => byFinalist.has(s.proposal_id))
      .map((s) => ({
        finalist: byFinalist.get(s.proposal_id)!,
        session: bySession.get(s.session_id)!,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
      }));
    const issued = await issueLetters(tx, ctx, letters, input);
    await auditPresentation(tx, ctx, {
      action: 'presentation.published',
      entityType: 'stage',
      entityId: ctx.stage.id,
      summary: { letters: issued.letters, mails: issued.mails, finalists: letters.map((l) => l.finalist.id) },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return { ...issued, publishedAt: at };
  });
}
