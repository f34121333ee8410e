import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { parseSettings } from '../../../domain/deadlines.js';
import { invalidFields } from '../../../domain/errors.js';
import { checkFinalistSettings, type FinalistSettings } from '../../../domain/finalist-settings.js';
import { recordAudit } from '../../../platform/audit.js';
import { findSelection, loadContext, selectionPublished } from '../queries.js';

/**
 * Saves the finalists stage's settings (N per group, pass mark, quotas, 3T list) under `finalists` in the
 * stage's settings, after checking every field (400 `validation_failed` naming each, nothing saved).
 * Refused once the provisional list is published (409 `finalists_published`). Audited with before/after.
 * A staged selection computed with other settings becomes stale: the page asks to compute again.
 */
export async function saveFinalistSettings(
  db: Db,
  input: { competition: CompetitionRow; body: unknown; actorUserId: number; ip: string | null; now: Date },
): Promise<FinalistSettings> {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    const checked = checkFinalistSettings(input.body, {
      groupKeys: ctx.groups.map((g) => g.key),
      categoryKeys: ctx.categories.map((c) => c.key),
    });
    if (!checked.ok) throw invalidFields(checked.fields);
    const selection = await findSelection(tx, ctx.stage.id);
    if (selection?.provisional_published_at) throw selectionPublished();
    const stored = parseSettings(ctx.stage.settings);
    await tx
      .updateTable('stages')
      .set({ settings: JSON.stringify({ ...stored, finalists: checked.settings }) })
      .where('id', '=', ctx.stage.id)
      .execute();
    const c = input.competition;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'finalists.settings_saved',
      entityType: 'stage',
      entityId: ctx.stage.id,
      summary: { competitionId: c.id, before: ctx.settings, after: checked.settings },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return checked.settings;
  });
}
