import type { Db } from '../db/connect.js';
import type { Clock } from './clock.js';
import { scheduleJob, type JobHandler } from './jobs.js';

/*
 * A job that runs every hour (a sweep): one row per hour bucket, so several workers scheduling the same
 * run keep one row; each run schedules the next an hour later. `ensure` is called when a worker starts (the
 * first run now, unless one is already waiting).
 */

export const RECURRING_EVERY_MS = 60 * 60_000;

export interface RecurringJob {
  kind: string;
  handler: JobHandler;
  ensure: (db: Db, clock: Clock) => Promise<void>;
}

export function hourlyJob(kind: string, run: (db: Db, now: Date) => Promise<unknown>): RecurringJob {
  return periodicJob(kind, RECURRING_EVERY_MS, 13, run);
}

/** A job that runs once a day (one row per UTC day; the retention of personal data). */
export function dailyJob(kind: string, run: (db: Db, now: Date) => Promise<unknown>): RecurringJob {
  return periodicJob(kind, 24 * RECURRING_EVERY_MS, 10, run);
}

/** Every `everyMs`, keyed by the first `bucket` characters of the run's ISO instant (hour 13, day 10). */
function periodicJob(
  kind: string,
  everyMs: number,
  bucket: number,
  run: (db: Db, now: Date) => Promise<unknown>,
): RecurringJob {
  const key = (at: Date) => `${kind}:${at.toISOString().slice(0, bucket)}`;
  const schedule = async (db: Db, at: Date, now: Date) => {
    try {
      await scheduleJob(db, { kind, uniqueKey: key(at), runAt: at, payload: {}, now });
    } catch (err) {
      // Another worker inserted the same hour's job at the same moment: that one runs.
      const again = await db
        .selectFrom('jobs')
        .select('id')
        .where('unique_key', '=', key(at))
        .executeTakeFirst();
      if (!again) throw err;
    }
  };
  return {
    kind,
    handler: async (_job, { db, clock }) => {
      await run(db, clock.now());
      await schedule(db, new Date(clock.now().getTime() + everyMs), clock.now());
    },
    ensure: async (db, clock) => {
      const pending = await db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', kind)
        .where('status', 'in', ['pending', 'running'])
        .limit(1)
        .executeTakeFirst();
      if (!pending) await schedule(db, clock.now(), clock.now());
    },
  };
}
