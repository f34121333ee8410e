import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import type { FinalistsInput, FinalistsResult } from '../../../domain/shortlist/types.js';
import { recordAudit } from '../../../platform/audit.js';
import {
  evidenceDecided,
  evidenceNotDecided,
  findSelection,
  loadCandidates,
  loadContext,
  selectionPublished,
} from '../queries.js';

/** Rows per multi-row insert of lines (13 columns: far below both dialects' parameter limits). */
const LINE_BATCH = 500;

/** Solves the selection off the event loop (the export pool's `finalists` task in the app). */
export type FinalistsSolver = (input: FinalistsInput) => Promise<FinalistsResult>;

/**
 * "Hitung finalis" (issue 12 point 7): the candidates (the evidence stage's advanced proposals) and the
 * stage's settings go to the exact solver, off the event loop; its answer is STAGED: one
 * `finalist_selections` row per stage (settings snapshot, feasibility, problems, quota outcomes, stats) and a
 * `finalist_lines` row per candidate with its explanation, replaced whole in one transaction on every
 * recompute (version + 1). Refused with 409 `evidence_stage_not_decided` before the evidence stage's results
 * exist, 409 `finalists_published` once the provisional list is out. Audited.
 */
export async function computeFinalists(
  db: Db,
  input: {
    competition: CompetitionRow;
    solve: FinalistsSolver;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<{ version: number; candidates: number; result: FinalistsResult }> {
  const ctx = await loadContext(db, input.competition);
  if (!(await evidenceDecided(db, ctx.evidenceStage.id))) throw evidenceNotDecided(ctx);
  if ((await findSelection(db, ctx.stage.id))?.provisional_published_at) throw selectionPublished();
  const candidates = await loadCandidates(db, ctx);
  const result = await input.solve({
    candidates: candidates.map((c) => ({
      id: c.id,
      score: c.score,
      groupKey: c.groupKey,
      categoryKey: c.categoryKey,
      participantType: c.participantType,
      regionCode: c.regionCode,
    })),
    passMark: ctx.settings.passMark,
    perGroup: ctx.settings.perGroup,
    quotas: ctx.settings.quotas,
    threeTRegions: ctx.settings.threeTRegions,
    groupLabels: Object.fromEntries(ctx.groups.map((g) => [g.key, t(g.nameId, g.nameEn)])),
  });
  const snapshot = JSON.stringify(ctx.settings);

  const version = await db.transaction().execute(async (tx) => {
    const locked = await loadContext(tx, input.competition, true);
    if (JSON.stringify(locked.settings) !== snapshot)
      throw conflict(
        'settings_changed',
        t(
          'Pengaturan finalis baru saja diubah; hitung lagi.',
          'The finalists settings just changed; compute again.',
        ),
      );
    const existing = await findSelection(tx, locked.stage.id);
    if (existing?.provisional_published_at) throw selectionPublished();
    const at = input.now.toISOString();
    const row = {
      settings: snapshot,
      feasible: result.feasible ? 1 : 0,
      problems: JSON.stringify(
        result.feasible ? { problems: [], text: null } : { problems: result.problems, text: result.text },
      ),
      quota_outcomes: JSON.stringify(result.feasible ? result.quotas : []),
      stats: JSON.stringify({
        ...result.stats,
        unfilled: result.feasible ? result.unfilled : {},
        totalScore: result.feasible ? result.totalScore : null,
      }),
      computed_by: input.actorUserId,
      computed_at: at,
    };
    let selectionId: number;
    let version = 1;
    if (existing) {
      version = existing.version + 1;
      await tx
        .updateTable('finalist_selections')
        .set({ ...row, version })
        .where('id', '=', existing.id)
        .execute();
      await tx.deleteFrom('finalist_lines').where('selection_id', '=', existing.id).execute();
      selectionId = existing.id;
    } else {
      const inserted = await tx
        .insertInto('finalist_selections')
        .values({ ...row, competition_id: input.competition.id, stage_id: locked.stage.id, version })
        .returning('id')
        .executeTakeFirstOrThrow();
      selectionId = inserted.id;
    }
    const lines = result.feasible
      ? result.explanations.map((e) => ({
          selection_id: selectionId,
          proposal_id: e.id,
          group_key: e.groupKey,
          score: e.score,
          rank_in_group: e.rankInGroup,
          passes_mark: e.passesMark ? 1 : 0,
          in_plain_top: e.inPlainTop ? 1 : 0,
          selected: e.selected ? 1 : 0,
          reason: e.reason,
          quotas: JSON.stringify(e.quotas),
          explanation_id: e.text.id,
          explanation_en: e.text.en,
        }))
      : [];
    for (let i = 0; i < lines.length; i += LINE_BATCH)
      await tx
        .insertInto('finalist_lines')
        .values(lines.slice(i, i + LINE_BATCH))
        .execute();
    const c = input.competition;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'finalists.computed',
      entityType: 'finalist_selection',
      entityId: selectionId,
      summary: {
        competitionId: c.id,
        version,
        candidates: candidates.length,
        feasible: result.feasible,
        selected: result.selected.length,
        addedByQuotas: result.feasible ? result.addedByQuotas : [],
        removedByQuotas: result.feasible ? result.removedByQuotas : [],
        method: result.stats.method,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return version;
  });
  return { version, candidates: candidates.length, result };
}
