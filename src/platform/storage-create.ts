import path from 'node:path';
import type { BlobStore } from './storage.js';
import { DiskStorage } from './storage-disk.js';
import { S3Storage, type S3Settings } from './storage-s3.js';

/** What config.ts reads from STORAGE and S3_… (its `storage`), and the data folder. */
export interface StorageSetup {
  dataDir: string;
  storage: { kind: 'disk' } | ({ kind: 's3' } & S3Settings);
}

/** The storage STORAGE names: DATA_DIR/files on disk, or the S3 bucket (its uploads staged in DATA_DIR/files/tmp). */
export function createStorage(config: StorageSetup): BlobStore {
  const files = path.join(config.dataDir, 'files');
  if (config.storage.kind === 'disk') return new DiskStorage(files);
  return new S3Storage(config.storage, path.join(files, 'tmp'));
}

/** The storage could not be used on start; the message names the variables to check. */
export class StorageStartError extends Error {}

/**
 * `createStorage`, and for STORAGE=s3 a HeadBucket first, so a process never starts against a bucket
 * that is missing or unreachable (creating the bucket is the operator's job).
 */
export async function openStorage(config: StorageSetup): Promise<BlobStore> {
  const storage = createStorage(config);
  if (!(storage instanceof S3Storage) || config.storage.kind !== 's3') return storage;
  const s = config.storage;
  try {
    await storage.checkBucket();
  } catch (err) {
    await storage.close();
    const e = err as {
      name?: string;
      code?: string;
      message?: string;
      $metadata?: { httpStatusCode?: number };
    };
    const status = e.$metadata?.httpStatusCode;
    const where = `S3_BUCKET=${s.bucket} at ${s.endpoint ? `S3_ENDPOINT=${s.endpoint}` : `the provider's endpoint for S3_REGION=${s.region}`}`;
    const why =
      status === 404
        ? "the bucket does not exist: create it first (the operator's job), or correct S3_BUCKET"
        : status === 403 || status === 401
          ? "access denied: check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and the bucket's policy)"
          : status === 301 || status === 400
            ? `the store refused the request (${status}): check S3_REGION and S3_FORCE_PATH_STYLE`
            : `the store cannot be reached (${e.code ?? e.name ?? 'error'}: ${e.message ?? ''}): check S3_ENDPOINT`;
    throw new StorageStartError(`STORAGE=s3: ${where}: ${why}`);
  }
  return storage;
}
