import type { Db } from '../../db/connect.js';
import { buildSchedule, capacityOf, slotTime } from '../../domain/presentation-schedule.js';
import { t } from '../../domain/errors.js';
import {
  currentLetters,
  loadScheduleWorld,
  parseIntervals,
  scheduleRow,
  type PresentationContext,
} from './queries.js';

/*
 * The secretariat's schedule page: the settings, the panel, each session with its slots in order (time,
 * finalist, institution, its upload), the finalists without a slot with the reason in words, the
 * rescheduling requests and the publication with the letters in force.
 */

export async function uploadsOf(db: Db, stageId: number) {
  const rows = await db
    .selectFrom('presentation_uploads as u')
    .leftJoin('files as f', 'f.id', 'u.file_id')
    .select(['u.proposal_id', 'u.video_url', 'u.updated_at', 'f.original_name', 'f.size', 'f.id as file_id'])
    .where('u.stage_id', '=', stageId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.proposal_id,
      {
        fileName: r.original_name ?? null,
        fileSize: r.size ?? null,
        hasFile: r.file_id !== null,
        videoUrl: r.video_url,
        updatedAt: r.updated_at,
      },
    ]),
  );
}

export type UploadView = ReturnType<Awaited<ReturnType<typeof uploadsOf>>['get']>;

export async function scheduleView(db: Db, ctx: PresentationContext) {
  const world = await loadScheduleWorld(db, ctx);
  const schedule = await scheduleRow(db, ctx.stage.id);
  const uploads = await uploadsOf(db, ctx.stage.id);
  const byFinalist = new Map(world.finalists.map((f) => [f.id, f]));
  const slotOf = new Map(world.slots.map((s) => [`${s.session_id}:${s.slot_index}`, s]));
  const panelName = new Map(world.panel.map((p) => [p.id, p.name]));
  const conflictsOf = new Map(world.input.finalists.map((f) => [f.id, f.conflictedPanelists]));
  const sessions = world.sessions.map((s) => {
    const input = world.input.sessions.find((x) => x.id === s.id)!;
    const capacity = capacityOf(input, world.input.shape);
    return {
      ...s,
      panelists: s.panelistIds.map((id) => ({ id, name: panelName.get(id) ?? `#${id}` })),
      capacity,
      slots: Array.from({ length: capacity }, (_, index) => {
        const when = slotTime(input, world.input.shape, index);
        const row = slotOf.get(`${s.id}:${index}`);
        const f = row ? byFinalist.get(row.proposal_id) : undefined;
        return {
          slot: index + 1,
          startsAt: new Date(when.from).toISOString(),
          endsAt: new Date(when.to).toISOString(),
          origin: row?.origin ?? null,
          finalist: f
            ? {
                id: f.id,
                code: f.code,
                title: f.title,
                institution: f.institutionName,
                unit: f.unitName,
                groupKey: f.groupKey,
                abstaining: s.panelistIds
                  .filter((p) => (conflictsOf.get(f.id) ?? []).includes(p))
                  .map((p) => panelName.get(p) ?? `#${p}`),
                upload: uploads.get(f.id) ?? null,
              }
            : null,
        };
      }),
    };
  });
  const placed = new Set(world.placements.map((p) => p.finalistId));
  const missing = world.finalists.filter((f) => !placed.has(f.id));
  // Why each is still without a slot: what the scheduler would say, given the slots as they are.
  const trial = missing.length ? buildSchedule(world.input, world.placements) : { unplaced: [] };
  const reasons = new Map(trial.unplaced.map((u) => [u.finalistId, u]));
  const unplaced = missing.map((f) => {
    const u = reasons.get(f.id);
    return {
      proposalId: f.id,
      code: f.code,
      title: f.title,
      institution: f.institutionName,
      groupKey: f.groupKey,
      reason: u?.reason ?? 'not_assigned',
      message:
        u?.message ??
        t(
          `${f.code}: belum dijadwalkan; jalankan penjadwalan otomatis atau pindahkan secara manual.`,
          `${f.code}: not scheduled yet; run the automatic assignment or move it by hand.`,
        ),
    };
  });
  const requests = await db
    .selectFrom('reschedule_requests as r')
    .innerJoin('proposals as p', 'p.id', 'r.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select([
      'r.id',
      'r.proposal_id',
      'p.code',
      'i.name as institution',
      'r.reason',
      'r.unavailable',
      'r.status',
      'r.decision_reason',
      'r.requested_at',
      'r.decided_at',
    ])
    .where('r.stage_id', '=', ctx.stage.id)
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const letters = await currentLetters(db, ctx.stage.id);
  return {
    competition: {
      id: ctx.competition.id,
      name: ctx.competition.name,
      year: ctx.competition.year,
      timeZone: ctx.competition.time_zone,
    },
    stage: { id: ctx.stage.id, opensAt: ctx.stage.opens_at, closesAt: ctx.stage.closes_at },
    settings: ctx.settings,
    groups: ctx.groups,
    panel: world.panel.map((p) => ({ id: p.id, name: p.name })),
    finalists: world.finalists.length,
    sessions,
    unplaced,
    requests: requests.map((r) => ({
      id: r.id,
      proposalId: r.proposal_id,
      code: r.code,
      institution: r.institution,
      reason: r.reason,
      unavailable: parseIntervals(r.unavailable).map((u) => ({
        from: new Date(u.from).toISOString(),
        to: new Date(u.to).toISOString(),
      })),
      status: r.status,
      decisionReason: r.decision_reason,
      requestedAt: r.requested_at,
      decidedAt: r.decided_at,
    })),
    schedule: { version: schedule?.version ?? 1, publishedAt: schedule?.published_at ?? null },
    letters: letters.map((l) => ({
      proposalId: l.proposal_id,
      code: l.code,
      number: l.letter_number,
      revision: l.revision,
      startsAt: l.starts_at,
      issuedAt: l.issued_at,
    })),
  };
}
