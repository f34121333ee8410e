import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewReminderPlan } from '../../domain/review-reminders.js';
import { isReviewStage, reviewSettingsOf } from '../../domain/review-settings.js';
import { scheduleJob } from '../../platform/jobs.js';

/*
 * A review stage's reminder jobs (issue 12 point 4), scheduled in the caller's transaction. They live here,
 * like the submission jobs, so that both the review engine (assignments, "Siapkan rubrik") and the
 * competition's own settings — a stage's closing moved — can plan them without competitions importing
 * assignments. The jobs are run by review/reminders.ts.
 */

/**
 * Schedules a review stage's reminders still ahead (a review stage with a closing). Each job's unique key
 * (stage, closing instant, day) makes planning again harmless: a job already run is never armed again, and
 * a job armed for a closing that has since moved does nothing when it runs.
 */
export async function scheduleReviewReminders(tx: Db, stage: StageRow, now: Date): Promise<number> {
  if (!isReviewStage(stage.kind) || !stage.closes_at) return 0;
  const settings = reviewSettingsOf(parseSettings(stage.settings), stage.kind);
  const plan = reviewReminderPlan(stage.id, stage.closes_at, settings.reminderDays, now);
  for (const job of plan) await scheduleJob(tx, { ...job, now });
  return plan.length;
}

/**
 * After the competition's definition was written: the reminders of every review stage already in use (one
 * with an assignment), for its closing as it now stands — a closing moved in the settings gets its
 * reminders without waiting for the next assignment.
 */
export async function replanReviewReminders(tx: Db, competitionId: number, now: Date): Promise<void> {
  const stages = await tx
    .selectFrom('stages as s')
    .selectAll('s')
    .where('s.competition_id', '=', competitionId)
    .where((eb) =>
      eb.exists(eb.selectFrom('review_assignments as a').select('a.id').whereRef('a.stage_id', '=', 's.id')),
    )
    .execute();
  for (const stage of stages) await scheduleReviewReminders(tx, stage, now);
}
