import type { Db } from '../../../db/connect.js';
import { parseSettings } from '../../../domain/deadlines.js';
import { conflict, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { loadResults } from '../load.js';

/**
 * Sets what decides passing a scored stage: the pass mark and which score counts (raw, or normalized), kept
 * under `review` in the stage's settings. Only before the results are decided (409 `results_decided`).
 */
export async function setResultsSettings(
  db: Db,
  input: {
    competitionId: number;
    stageId: number;
    passMark: number;
    basis: 'raw' | 'normalized';
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { competition, stage, rules, decided } = await loadResults(
      tx,
      input.competitionId,
      input.stageId,
      input.now,
      true,
    );
    if (decided.length)
      throw conflict(
        'results_decided',
        t(
          'Hasil tahap ini sudah ditetapkan; aturannya tidak dapat diubah lagi.',
          "This stage's results are set; its rules can no longer change.",
        ),
      );
    const settings = parseSettings(stage.settings);
    const review =
      settings.review && typeof settings.review === 'object'
        ? (settings.review as Record<string, unknown>)
        : {};
    const next = { ...settings, review: { ...review, passMark: input.passMark, basis: input.basis } };
    await tx
      .updateTable('stages')
      .set({ settings: JSON.stringify(next) })
      .where('id', '=', stage.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'stage.results_rules_set',
      entityType: 'stage',
      entityId: stage.id,
      summary: {
        competitionId: competition.id,
        stage: stage.kind,
        before: { passMark: rules.passMark, basis: rules.basis },
        after: { passMark: input.passMark, basis: input.basis },
      },
      scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
  });
}
