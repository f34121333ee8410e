import type { Db } from '../../../db/connect.js';
import type { CompetitionRow, StageRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import { materialiseRubric } from '../rubric.js';
import { scheduleReviewReminders } from '../../assignments/reminders.js';

/**
 * "Siapkan rubrik": the secretariat materialises a review stage's rubric from the competition's forms
 * (review/rubric.ts; idempotent, 409 `rubric_in_use` once the stage has evaluations and the forms moved).
 * Plans the stage's reminders (review/reminders.ts). Audited when it changed the rubric.
 */
export async function prepareRubric(
  db: Db,
  input: { competition: CompetitionRow; stage: StageRow; actorUserId: number; ip: string | null; now: Date },
): Promise<{ inserted: number; updated: number; removed: number }> {
  return db.transaction().execute(async (tx) => {
    const changed = await materialiseRubric(tx, input.stage);
    // The stage is being set up: its reminders are planned now (once each, by their keys).
    await scheduleReviewReminders(tx, input.stage, input.now);
    if (changed.inserted + changed.updated + changed.removed > 0)
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'rubric.prepared',
        entityType: 'stage',
        entityId: input.stage.id,
        summary: { stage: input.stage.kind, ...changed },
        scope: {
          competitionId: input.competition.id,
          organizerInstitutionId: input.competition.organizer_institution_id,
        },
        ip: input.ip,
        now: input.now,
      });
    return changed;
  });
}
