import type { Db } from '../../../db/connect.js';
import { conflict, t, type Text } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { loadResults, type LoadedResults } from '../load.js';

/** Why the results cannot be set now, or null. */
export function resultsBlocker(r: LoadedResults): Text | null {
  if (r.decided.length)
    return t('Hasil tahap ini sudah ditetapkan.', "This stage's results are already set.");
  if (!r.pool.length)
    return t('Tahap ini belum menilai proposal apa pun.', 'This stage has scored no proposal yet.');
  if (r.rules.passMark === null)
    return t('Tetapkan dahulu nilai batas lulus tahap ini.', "Set the stage's pass mark first.");
  const { waiting, pendingThird } = r.computed.counts;
  if (waiting || pendingThird)
    return t(
      `Belum semua proposal selesai dinilai: ${waiting} menunggu penilaian, ${pendingThird} menunggu penilai ketiga.`,
      `Not every proposal is scored yet: ${waiting} waiting for evaluations, ${pendingThird} waiting for a third reviewer.`,
    );
  return null;
}

/**
 * Sets a scored stage's results, once: each proposal's raw, normalized and counted score and its outcome
 * (advanced when it reaches the pass mark: the next stage takes it; else stopped), in one transaction with
 * the audit row. Refused while a proposal is unscored or waiting for its third reviewer, without a pass
 * mark, or when already set (409; the unique index keeps two at once to one).
 */
export async function decideResults(
  db: Db,
  input: { competitionId: number; stageId: number; actorUserId: number; ip: string | null; now: Date },
): Promise<{ advanced: number; stopped: number; message: Text }> {
  return db.transaction().execute(async (tx) => {
    const r = await loadResults(tx, input.competitionId, input.stageId, input.now, true);
    const blocker = resultsBlocker(r);
    if (blocker) throw conflict(r.decided.length ? 'already_decided' : 'results_not_ready', blocker);
    const at = input.now.toISOString();
    let advanced = 0;
    const rows = r.computed.rows.map((row) => {
      const outcome = row.passes ? ('advanced' as const) : ('stopped' as const);
      if (outcome === 'advanced') advanced++;
      return {
        stage_id: r.stage.id,
        proposal_id: row.proposal.id,
        raw_score: row.raw,
        normalized_score: row.normalized,
        score: row.score,
        basis: r.rules.basis,
        outcome,
        explanation_id: row.explanation.id,
        explanation_en: row.explanation.en,
        decided_by: input.actorUserId,
        decided_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += 300)
      await tx
        .insertInto('stage_results')
        .values(rows.slice(i, i + 300))
        .execute();
    const stopped = rows.length - advanced;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'stage.results_decided',
      entityType: 'stage',
      entityId: r.stage.id,
      summary: {
        competitionId: r.competition.id,
        stage: r.stage.kind,
        passMark: r.rules.passMark,
        basis: r.rules.basis,
        advanced,
        stopped,
      },
      scope: {
        competitionId: r.competition.id,
        organizerInstitutionId: r.competition.organizer_institution_id,
      },
      ip: input.ip,
      now: input.now,
    });
    return {
      advanced,
      stopped,
      message: t(
        `Hasil ${r.stage.name_id} ditetapkan: ${advanced} proposal mencapai nilai batas ${r.rules.passMark} dan lanjut, ${stopped} berhenti.`,
        `${r.stage.name_en} results set: ${advanced} proposals reached the pass mark ${r.rules.passMark} and go on, ${stopped} stop.`,
      ),
    };
  });
}
