import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import type { PresentationSettingsBody } from '../../../contracts/presentation.js';
import { parseSettings } from '../../../domain/deadlines.js';
import { invalidFields } from '../../../domain/errors.js';
import {
  presentationSettingsOf,
  presentationSettingsProblems,
  publishedSettingsProblems,
  type PresentationSettings,
} from '../../../domain/presentation-settings.js';
import { auditPresentation } from '../audit.js';
import { loadContext, scheduleRow, touchSchedule } from '../queries.js';

/**
 * Saves the presentation stage's settings (slot shape, quorum, upload deadline, letter pattern, what to
 * bring), checked field by field (400 with every field's problem, nothing saved); the other keys of the
 * stage's settings are kept. Once the schedule is published every setting is what the letters say: a change
 * is refused field by field (`publishedSettingsProblems`).
 */
export async function savePresentationSettings(
  db: Db,
  input: {
    competition: CompetitionRow;
    body: PresentationSettingsBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<PresentationSettings> {
  return db.transaction().execute(async (tx) => {
    const ctx = await loadContext(tx, input.competition, true);
    const problems = presentationSettingsProblems(input.body, {
      opensAt: ctx.stage.opens_at,
      closesAt: ctx.stage.closes_at,
    });
    if (Object.keys(problems).length) throw invalidFields(problems);
    if ((await scheduleRow(tx, ctx.stage.id))?.published_at) {
      const locked = publishedSettingsProblems(ctx.settings, input.body);
      if (Object.keys(locked).length) throw invalidFields(locked);
    }
    const all = parseSettings(ctx.stage.settings);
    const merged = { ...ctx.settings, ...input.body };
    const settings = presentationSettingsOf({ presentation: merged });
    await tx
      .updateTable('stages')
      .set({ settings: JSON.stringify({ ...all, presentation: settings }) })
      .where('id', '=', ctx.stage.id)
      .execute();
    await touchSchedule(tx, ctx.stage.id, input.now);
    await auditPresentation(tx, ctx, {
      action: 'presentation.settings_saved',
      entityType: 'stage',
      entityId: ctx.stage.id,
      summary: { settings },
      actorUserId: input.actorUserId,
      ip: input.ip,
      now: input.now,
    });
    return settings;
  });
}
