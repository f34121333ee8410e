import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../storage.js';
import { copyChecked, FILES_DIR, type InventoriedFile } from './manifest.js';

/** The storage a backup reads from and a restore checks against (disk or, with lane s3, S3). */
export type BlobStorage = Pick<BlobStore, 'exists' | 'openRead'>;

/** Opens a stored blob for reading: the one place that names the storage's read method. */
export async function openBlob(storage: BlobStorage, key: string): Promise<Readable> {
  return storage.openRead(key);
}

/** Where a blob lives in a folder laid out like DATA_DIR/files (ab/cd/<sha256>). */
const under = (root: string, key: string) => path.join(root, ...key.split(/[\\/]/));

/**
 * Copies every inventoried blob from storage into DIR/files/<key>, checking each copy's sha256 against
 * the inventory. Returns the keys storage did not have or whose content no longer matched.
 */
export async function copyBlobsOut(
  storage: BlobStorage,
  files: InventoriedFile[],
  dir: string,
): Promise<string[]> {
  const missing: string[] = [];
  for (const f of files) {
    try {
      const copied = await copyChecked(
        () => openBlob(storage, f.key),
        under(path.join(dir, FILES_DIR), f.key),
        f.sha256,
      );
      if (!copied.ok) missing.push(f.key);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      missing.push(f.key);
    }
  }
  return missing;
}

/** What copying the files back found wrong, one list per kind. */
export interface FileRestore {
  restored: number;
  /** Inventoried but absent from the backup folder (or, for S3, from the bucket). */
  missing: string[];
  /** Present but with another sha256 than the inventory's (not put in place). */
  mismatched: string[];
}

/** Copies the backup's files into a disk storage root (DATA_DIR/files), checking every hash. */
export async function copyBlobsIn(
  files: InventoriedFile[],
  dir: string,
  storageRoot: string,
): Promise<FileRestore> {
  const result: FileRestore = { restored: 0, missing: [], mismatched: [] };
  for (const f of files) {
    const source = under(path.join(dir, FILES_DIR), f.key);
    if (!fs.existsSync(source)) {
      result.missing.push(f.key);
      continue;
    }
    const copied = await copyChecked(() => fs.createReadStream(source), under(storageRoot, f.key), f.sha256);
    if (copied.ok) result.restored++;
    else result.mismatched.push(f.key);
  }
  return result;
}

/** For object storage: every inventoried object must still be in the bucket (kept by versioning/replication). */
export async function checkBlobsPresent(
  storage: BlobStorage,
  files: InventoriedFile[],
): Promise<FileRestore> {
  const result: FileRestore = { restored: 0, missing: [], mismatched: [] };
  for (const f of files) {
    if (await storage.exists(f.key)) result.restored++;
    else result.missing.push(f.key);
  }
  return result;
}

/** A blob that is not there: ENOENT on disk, NoSuchKey / 404 from an object store. */
function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e.code === 'ENOENT' ||
    e.name === 'NoSuchKey' ||
    e.name === 'NotFound' ||
    e.$metadata?.httpStatusCode === 404
  );
}
