import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { parseSettings } from '../../../domain/deadlines.js';
import { invalidFields, type FieldProblem } from '../../../domain/errors.js';
import { checkFinalPanelSettings, finalPanelSettingsOf } from '../../../domain/final-panel-settings.js';
import type { FinalPanelSettingsBody } from '../../../contracts/results.js';
import { recordAudit } from '../../../platform/audit.js';
import { findResultsAnnouncement, loadResultsContext, resultsPublished } from '../context.js';

/**
 * The secretariat sets the final session's awards per group (places, registry level, names) and the award
 * ceremony's details, under `finalPanel` in the stage's settings: 400 `validation_failed` with one field per
 * problem (domain/final-panel-settings), 409 `results_published` after the publication. Audited.
 */
export async function saveFinalPanelSettings(
  db: Db,
  input: {
    competition: CompetitionRow;
    body: FinalPanelSettingsBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    const ctx = await loadResultsContext(tx, c, true);
    if (await findResultsAnnouncement(tx, ctx.stage.id)) throw resultsPublished();
    const groupKeys = ctx.groups.map((g) => g.key);
    const problems = checkFinalPanelSettings(input.body, groupKeys);
    if (Object.keys(problems).length)
      throw invalidFields(
        Object.fromEntries(
          Object.entries(problems).map(([k, message]): [string, FieldProblem] => [
            k,
            { code: 'invalid', message },
          ]),
        ),
      );
    const stored = parseSettings(ctx.stage.settings);
    const finalPanel = { awards: input.body.awards, ceremony: input.body.ceremony ?? null };
    const settings = finalPanelSettingsOf({ finalPanel }, groupKeys);
    await tx
      .updateTable('stages')
      .set({ settings: JSON.stringify({ ...stored, finalPanel: settings }) })
      .where('id', '=', ctx.stage.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'results.settings_saved',
      entityType: 'stage',
      entityId: ctx.stage.id,
      summary: { competitionId: c.id, before: ctx.settings, after: settings },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return settings;
  });
}
