import type { Db } from '../db/connect.js';
import type { JobRow } from '../db/schema.js';
import type { Clock } from './clock.js';

/**
 * Timed events (a competition's closing, reminders) as rows of the jobs table. A job has a unique key, so
 * scheduling the same event twice keeps one row; it is claimed with a conditional update, so it runs once
 * even with several workers; and it lives in the database, so it survives a restart.
 */
export type JobHandler = (job: JobRow, ctx: { db: Db; clock: Clock }) => Promise<void>;

/** How long a claimed job may run before another worker may take it over (the first one died). */
export const JOB_LEASE_MS = 15 * 60_000;
export const JOB_MAX_ATTEMPTS = 5;

/**
 * Schedules a job, or moves a still-pending job with the same key to the new instant (a deadline that is
 * extended moves its closing job). Call it in the transaction of the change that makes the event.
 */
export async function scheduleJob(
  tx: Db,
  input: { kind: string; uniqueKey: string; runAt: Date; payload: Record<string, unknown>; now: Date },
): Promise<void> {
  const existing = await tx
    .selectFrom('jobs')
    .select(['id', 'status'])
    .where('unique_key', '=', input.uniqueKey)
    .executeTakeFirst();
  if (existing) {
    if (existing.status === 'pending')
      await tx
        .updateTable('jobs')
        .set({ run_at: input.runAt.toISOString(), payload: JSON.stringify(input.payload) })
        .where('id', '=', existing.id)
        .where('status', '=', 'pending')
        .execute();
    return;
  }
  await tx
    .insertInto('jobs')
    .values({
      kind: input.kind,
      unique_key: input.uniqueKey,
      run_at: input.runAt.toISOString(),
      payload: JSON.stringify(input.payload),
      status: 'pending',
      attempts: 0,
      locked_until: null,
      last_error: null,
      created_at: input.now.toISOString(),
      finished_at: null,
    })
    .execute();
}

/** Retry delay after a failed run: 1, 2, 4, 8 minutes. */
export const jobBackoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

/**
 * Runs every due job once. A job whose handler throws goes back to pending with backoff, and is marked
 * failed after JOB_MAX_ATTEMPTS; a job of a kind with no handler waits (another process may know it).
 */
export async function runDueJobs(
  db: Db,
  clock: Clock,
  handlers: Record<string, JobHandler>,
  limit = 20,
): Promise<{ done: number; failed: number }> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const kinds = Object.keys(handlers);
  if (!kinds.length) return { done: 0, failed: 0 };
  // A worker that died mid-run leaves its job 'running'; once the lease is over it is due again.
  await db
    .updateTable('jobs')
    .set({ status: 'pending' })
    .where('status', '=', 'running')
    .where('locked_until', '<', nowIso)
    .execute();
  const due = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'pending')
    .where('run_at', '<=', nowIso)
    .where('kind', 'in', kinds)
    .orderBy('run_at')
    .limit(limit)
    .execute();
  let done = 0;
  let failed = 0;
  for (const job of due) {
    const claimed = await db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: job.attempts + 1,
        locked_until: new Date(now.getTime() + JOB_LEASE_MS).toISOString(),
      })
      .where('id', '=', job.id)
      .where('status', '=', 'pending')
      .where('run_at', '<=', nowIso)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await handlers[job.kind]({ ...job, status: 'running', attempts: job.attempts + 1 }, { db, clock });
      await db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: clock.now().toISOString(), locked_until: null, last_error: null })
        .where('id', '=', job.id)
        .execute();
      done++;
    } catch (err) {
      const attempts = job.attempts + 1;
      const giveUp = attempts >= JOB_MAX_ATTEMPTS;
      await db
        .updateTable('jobs')
        .set({
          status: giveUp ? 'failed' : 'pending',
          locked_until: null,
          last_error: (err instanceof Error ? err.message : String(err)).slice(0, 1000),
          run_at: giveUp
            ? job.run_at
            : new Date(clock.now().getTime() + jobBackoffMs(attempts)).toISOString(),
          finished_at: giveUp ? clock.now().toISOString() : null,
        })
        .where('id', '=', job.id)
        .execute();
      failed++;
    }
  }
  return { done, failed };
}
