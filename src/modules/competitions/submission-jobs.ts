import type { Db } from '../../db/connect.js';
import { parseSettings, sameInstant, submissionJobPlan } from '../../domain/deadlines.js';
import { scheduleJob } from '../../platform/jobs.js';
import { findCompetitionRow, findSubmissionStage } from './queries.js';

/*
 * A published competition's submission jobs (the closing and the 7/3/1-day reminders), scheduled in the
 * transaction that publishes, updates or extends it. The jobs are run by their handlers in
 * deadlines/jobs.ts (by kind); scheduling lives here so that competitions need not import deadlines
 * (deadlines depends on competitions and proposals, docs/ARCHITECTURE.md "Module boundaries").
 */

/**
 * Schedules (or moves) the closing job and the 7/3/1-day reminders of a published competition's submission
 * stage, in the caller's transaction. A reminder that already ran for another closing instant is armed
 * again, so a moved deadline gets its reminders; the closing job is armed again as long as the submission
 * has not actually been closed. Does nothing for a draft or a competition without a closing time.
 */
export async function scheduleSubmissionJobs(tx: Db, competitionId: number, now: Date): Promise<void> {
  const competition = await findCompetitionRow(tx, competitionId);
  if (!competition || competition.status !== 'published') return;
  const stage = await findSubmissionStage(tx, competitionId);
  if (!stage?.closes_at) return;
  const closed = typeof parseSettings(stage.settings).closedAt === 'string';
  for (const job of submissionJobPlan(competitionId, stage.closes_at, now)) {
    await scheduleJob(tx, { ...job, now });
    if (job.kind === 'closing' && closed) continue;
    // scheduleJob leaves a finished job alone; one that ran for an earlier closing instant must run again.
    const existing = await tx
      .selectFrom('jobs')
      .select(['id', 'status', 'payload'])
      .where('unique_key', '=', job.uniqueKey)
      .executeTakeFirst();
    if (!existing || (existing.status !== 'done' && existing.status !== 'failed')) continue;
    // A closing that ran without closing (e.g. while the competition was a draft) must run again; a
    // reminder only when the closing instant it announced has moved.
    const rearm =
      job.kind === 'closing' ||
      !sameInstant(parseSettings(existing.payload).closesAt as string | undefined, job.payload.closesAt);
    if (rearm)
      await tx
        .updateTable('jobs')
        .set({
          status: 'pending',
          run_at: job.runAt.toISOString(),
          payload: JSON.stringify(job.payload),
          attempts: 0,
          locked_until: null,
          last_error: null,
          finished_at: null,
        })
        .where('id', '=', existing.id)
        .where('status', '=', existing.status)
        .execute();
  }
}
