import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { dialectOf } from '../db/connect.js';
import type { BlobStore, StagedObject } from './storage.js';

/*
 * Stored blobs are shared by content (DATA_DIR/files/ab/cd/<sha256>), so a blob may be removed only when
 * no `files` row names its sha256. Putting a blob in place and removing one both happen inside a
 * transaction that holds the blob's lock, and the check for references is made under that lock:
 * - an upload locks, inserts its `files` row, then renames its staged file into place (an object store:
 *   checks the object it received just before the transaction is there, or sends it again), then commits;
 * - a removal (after the change that dropped the last row committed) locks, checks, then unlinks.
 * Whichever comes second sees the other's result, so a committed row never lacks its blob. On SQLite
 * one transaction runs at a time, which is the lock; on PostgreSQL it is a transaction-scoped advisory
 * lock on the sha256. A change that also locks other rows (a proposal's evidence locks the proposal:
 * proposals/evidence/blobs.ts) locks them before any blob, so the order is always the same. Used by the
 * proposals' evidence and the letters of admin lokal account requests; the storage sweep
 * (proposals/evidence/sweep.ts) relies on it.
 */

async function lockBlob(tx: Db, sha256: string): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext(${`sinovik.blob:${sha256}`}))`.execute(tx);
}

async function blobReferenced(tx: Db, sha256: string): Promise<boolean> {
  const row = await tx
    .selectFrom('files')
    .select('id')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inside the change's transaction: locks the blob and inserts the upload's `files` row. */
export async function insertFileRow(
  tx: Db,
  input: { staged: StagedObject; name: string; uploadedBy: number | null; now: Date },
): Promise<number> {
  await lockBlob(tx, input.staged.sha256);
  const row = await tx
    .insertInto('files')
    .values({
      sha256: input.staged.sha256,
      size: input.staged.size,
      mime: input.staged.mime,
      original_name: input.name,
      storage_key: input.staged.storageKey,
      uploaded_by: input.uploadedBy,
      created_at: input.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * After the change committed: removes the blob when no `files` row names its sha256 any more. An object
 * store that cannot be reached leaves it there (the change is done; the storage sweep removes it later).
 */
export async function releaseBlob(
  db: Db,
  storage: BlobStore,
  blob: { sha256: string; storageKey: string },
): Promise<void> {
  try {
    await db.transaction().execute(async (tx) => {
      await lockBlob(tx, blob.sha256);
      if (!(await blobReferenced(tx, blob.sha256))) await storage.remove(blob.storageKey);
    });
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'storage_unavailable') throw err;
  }
}

/**
 * Runs a change that stores a staged upload: `change` writes its rows (with `insertFileRow`) in the
 * transaction, then the staged file is moved into place before the commit. On any failure the staged
 * file is gone and a blob moved into place whose commit failed is released again, so a refusal leaves
 * neither a row nor an unreferenced blob.
 */
export async function withStagedFile<T>(
  db: Db,
  storage: BlobStore,
  staged: StagedObject,
  change: (tx: Db) => Promise<T>,
): Promise<T> {
  return withOptionalStagedFile(db, storage, staged, async (tx) => ({
    value: await change(tx),
    store: true,
  }));
}

/**
 * As `withStagedFile`, but the change decides whether the upload is kept (`store: false`: its rows name
 * no file, and the staged file is only removed).
 */
export async function withOptionalStagedFile<T>(
  db: Db,
  storage: BlobStore,
  staged: StagedObject,
  change: (tx: Db) => Promise<{ value: T; store: boolean }>,
): Promise<T> {
  let placed = false;
  try {
    // An object store gets the bytes first, outside the transaction (which then only checks they are
    // there: a release in between made `commit` upload again); a store that cannot be reached refuses
    // here, before anything is written.
    placed = await storage.sendAhead(staged);
    let kept = false;
    const result = await db.transaction().execute(async (tx) => {
      const { value, store } = await change(tx);
      if (store) {
        await lockBlob(tx, staged.sha256);
        await storage.commit(staged);
        placed = kept = true;
      }
      return value;
    });
    // Sent ahead but not kept: released like a failed commit's blob (kept when other rows name it).
    if (placed && !kept) await releaseBlob(db, storage, staged).catch(() => undefined);
    return result;
  } catch (err) {
    // The refusal is what the caller needs to hear; a blob left over costs only disk space (the sweep
    // removes it later).
    if (placed) await releaseBlob(db, storage, staged).catch(() => undefined);
    throw err;
  } finally {
    await storage.discard(staged);
  }
}
