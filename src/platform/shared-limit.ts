import { sql } from 'kysely';
import { dialectOf, type Db } from '../db/connect.js';
import { groupTransaction } from '../db/group-commit.js';
import { perDatabase } from '../db/per-database.js';
import { hourlyJob } from './recurring-jobs.js';

/*
 * Fixed-window counters in the database (rate_limit_windows, migration 0049), so a limit holds however many
 * app processes (and machines) serve the same person: each count is one UPSERT that starts a new window when
 * the row's has ended, and answers the count and the window's end. Windows that ended are deleted lazily, at
 * most once a minute per process. Instants are the wall clock (epoch ms), as @fastify/rate-limit's own store.
 */

/** How often a process deletes the windows that ended (after a count, never on its path). */
export const SWEEP_EVERY_MS = 60_000;

export interface WindowCount {
  /** Uses counted in the current window, this one included. */
  count: number;
  /** When the window ends (epoch ms). */
  resetAtMs: number;
}

const sweepOf = perDatabase(() => ({ lastMs: 0 }));

/**
 * Counts one use of `key` in its window of `windowMs` and answers the count (one UPSERT … RETURNING).
 */
export async function countUse(db: Db, key: string, windowMs: number, nowMs: number): Promise<WindowCount> {
  const upsert = (tx: Db) =>
    tx
      .insertInto('rate_limit_windows')
      .values({ key, window_start: nowMs, expires_at: nowMs + windowMs, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          // The right-hand sides read the row as it was: a window that ended starts again at this use.
          count: sql`case when rate_limit_windows.expires_at <= ${nowMs} then 1 else rate_limit_windows.count + 1 end`,
          window_start: sql`case when rate_limit_windows.expires_at <= ${nowMs} then ${nowMs} else rate_limit_windows.window_start end`,
          expires_at: sql`case when rate_limit_windows.expires_at <= ${nowMs} then ${nowMs + windowMs} else rate_limit_windows.expires_at end`,
        }),
      )
      .returning(['count', 'expires_at'])
      .executeTakeFirstOrThrow();
  // One statement commits alone on PostgreSQL; SQLite's one writer groups it with the writes of this turn.
  const row = dialectOf(db) === 'sqlite' ? await groupTransaction(db, upsert) : await upsert(db);
  sweepLater(db, nowMs);
  return { count: Number(row.count), resetAtMs: Number(row.expires_at) };
}

/** The count of `key`'s current window without counting (0 when none is running). */
export async function readUse(db: Db, key: string, nowMs: number): Promise<WindowCount> {
  const row = await db
    .selectFrom('rate_limit_windows')
    .select(['count', 'expires_at'])
    .where('key', '=', key)
    .where('expires_at', '>', nowMs)
    .executeTakeFirst();
  return row
    ? { count: Number(row.count), resetAtMs: Number(row.expires_at) }
    : { count: 0, resetAtMs: nowMs };
}

/** Deletes the windows that ended before `nowMs`; answers how many. */
export async function sweepEndedWindows(db: Db, nowMs: number): Promise<number> {
  const r = await db.deleteFrom('rate_limit_windows').where('expires_at', '<=', nowMs).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The worker's hourly sweep as well: the keys hold network addresses and account ids, which must not outlive
 * their window by long when no limited request comes to sweep them.
 */
export const RATE_LIMIT_SWEEP_KIND = 'rate_limit_sweep';
export const rateLimitSweepJob = hourlyJob(RATE_LIMIT_SWEEP_KIND, (db) => sweepEndedWindows(db, Date.now()));

function sweepLater(db: Db, nowMs: number): void {
  const s = sweepOf(db);
  if (nowMs - s.lastMs < SWEEP_EVERY_MS) return;
  s.lastMs = nowMs;
  // A failed sweep is tried again a minute later; the counts never depend on it.
  sweepEndedWindows(db, nowMs).catch(() => undefined);
}
