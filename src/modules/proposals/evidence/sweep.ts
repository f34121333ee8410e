import type { Db } from '../../../db/connect.js';
import type { Clock } from '../../../platform/clock.js';
import { scheduleJob, type JobHandler } from '../../../platform/jobs.js';
import type { FileStorage } from '../../../platform/storage.js';
import { releaseBlob } from '../../../platform/blobs.js';

/*
 * The storage sweep, a timed job that runs every hour: it removes stored blobs that no `files` row names
 * (left by a crash between storing and committing, or by a removal that failed) and temporary upload
 * files older than an hour (an upload cut off by a crash). A blob is only considered when it is older
 * than an hour, so an upload that moved its blob into place but has not committed yet is never touched;
 * the removal itself takes the blob's lock and checks again (platform/blobs.ts `releaseBlob`).
 */

export const STORAGE_SWEEP_KIND = 'storage_sweep';
export const STORAGE_SWEEP_EVERY_MS = 60 * 60_000;
/** Temporary files and unreferenced blobs younger than this are left alone. */
export const STORAGE_SWEEP_MIN_AGE_MS = 60 * 60_000;

/** One job per hour bucket: several workers scheduling the same sweep keep one row. */
const sweepKey = (at: Date) => `${STORAGE_SWEEP_KIND}:${at.toISOString().slice(0, 13)}`;

export async function sweepStorage(
  db: Db,
  storage: FileStorage,
  now: Date,
): Promise<{ blobsRemoved: number; tempRemoved: number }> {
  const before = new Date(now.getTime() - STORAGE_SWEEP_MIN_AGE_MS);
  const tempRemoved = await storage.removeStaleTemp(before);
  let blobsRemoved = 0;
  for await (const blob of storage.listBlobs()) {
    if (blob.mtimeMs >= before.getTime()) continue;
    const named = await db
      .selectFrom('files')
      .select('id')
      .where('sha256', '=', blob.sha256)
      .limit(1)
      .executeTakeFirst();
    if (named) continue;
    await releaseBlob(db, storage, blob);
    if (!(await storage.exists(blob.storageKey))) blobsRemoved++;
  }
  return { blobsRemoved, tempRemoved };
}

/** Schedules the sweep at `at` (its hour's job, if not there already). */
async function scheduleSweep(db: Db, at: Date, now: Date): Promise<void> {
  try {
    await scheduleJob(db, { kind: STORAGE_SWEEP_KIND, uniqueKey: sweepKey(at), runAt: at, payload: {}, now });
  } catch (err) {
    // Another worker inserted the same hour's job at the same moment: that one runs.
    const again = await db
      .selectFrom('jobs')
      .select('id')
      .where('unique_key', '=', sweepKey(at))
      .executeTakeFirst();
    if (!again) throw err;
  }
}

/** At worker start: makes sure a sweep is pending (the first runs now, each then schedules the next). */
export async function ensureStorageSweep(db: Db, clock: Clock): Promise<void> {
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', STORAGE_SWEEP_KIND)
    .where('status', 'in', ['pending', 'running'])
    .limit(1)
    .executeTakeFirst();
  if (!pending) await scheduleSweep(db, clock.now(), clock.now());
}

/** The sweep's job handler: sweeps, then schedules the next run an hour later. */
export function storageJobHandlers(storage: FileStorage): Record<string, JobHandler> {
  return {
    [STORAGE_SWEEP_KIND]: async (_job, { db, clock }) => {
      await sweepStorage(db, storage, clock.now());
      const next = new Date(clock.now().getTime() + STORAGE_SWEEP_EVERY_MS);
      await scheduleSweep(db, next, clock.now());
    },
  };
}
