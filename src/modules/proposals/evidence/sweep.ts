import type { Db } from '../../../db/connect.js';
import { hourlyJob, type RecurringJob } from '../../../platform/recurring-jobs.js';
import type { BlobStore } from '../../../platform/storage.js';
import { releaseBlob } from '../../../platform/blobs.js';

/*
 * The storage sweep, a timed job that runs every hour: it removes stored blobs that no `files` row names
 * (left by a crash between storing and committing, or by a removal that failed) and temporary upload
 * files older than an hour (an upload cut off by a crash). A blob is only considered when it is older
 * than an hour, so an upload that moved its blob into place but has not committed yet is never touched;
 * the removal itself takes the blob's lock and checks again (platform/blobs.ts `releaseBlob`).
 */

export const STORAGE_SWEEP_KIND = 'storage_sweep';
/** Temporary files and unreferenced blobs younger than this are left alone. */
export const STORAGE_SWEEP_MIN_AGE_MS = 60 * 60_000;

export async function sweepStorage(
  db: Db,
  storage: BlobStore,
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

/** The hourly job (platform/recurring-jobs.ts); its handler needs the storage it sweeps. */
export const storageSweepJob = (storage: BlobStore): RecurringJob =>
  hourlyJob(STORAGE_SWEEP_KIND, (db, now) => sweepStorage(db, storage, now));
