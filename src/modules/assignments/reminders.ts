import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewReminderPlan } from '../../domain/review-reminders.js';
import { isReviewStage, reviewSettingsOf } from '../../domain/review-settings.js';
import { scheduleJob } from '../../platform/jobs.js';

/**
 * Schedules a review stage's reminders still ahead (a review stage with a closing), in the caller's
 * transaction: by "Siapkan rubrik" and by every assignment written (insertPairs), so an assignment made
 * after some reminder days passed still gets the remaining ones. Each job's unique key (stage, closing
 * instant, day) makes planning again harmless: a job already run is never armed again.
 */
export async function scheduleReviewReminders(tx: Db, stage: StageRow, now: Date): Promise<number> {
  if (!isReviewStage(stage.kind) || !stage.closes_at) return 0;
  const settings = reviewSettingsOf(parseSettings(stage.settings), stage.kind);
  const plan = reviewReminderPlan(stage.id, stage.closes_at, settings.reminderDays, now);
  for (const job of plan) await scheduleJob(tx, { ...job, now });
  return plan.length;
}
