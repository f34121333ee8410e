import type { Readable } from 'node:stream';
import { AppError, t } from '../domain/errors.js';

export interface StoredObject {
  sha256: string;
  size: number;
  mime: string;
  /** "ab/cd/<sha256>": the same in every kind of storage (an object store adds its S3_PREFIX). */
  storageKey: string;
}

/** An upload streamed and checked but not yet at its content address (see `BlobStore.stage`). */
export interface StagedObject extends StoredObject {
  tmpPath: string;
}

export interface StageOptions {
  maxBytes: number;
  allowedMimes: string[];
  isTruncated?: () => boolean;
}

/** One stored blob as the sweep and the backup list it. */
export interface ListedBlob {
  storageKey: string;
  sha256: string;
  /** When it was last written (the object store's LastModified). */
  mtimeMs: number;
  size: number;
}

/**
 * Content-addressed storage of every uploaded and generated file (evidence, letters, certificates): on
 * disk (storage-disk.ts, the default) or in an S3-compatible object store (storage-s3.ts), chosen by
 * STORAGE (storage-create.ts). Uploads are always staged to a local temporary file while hashing (never held
 * whole in memory), their type read from the content; `commit` puts a staged file at its content address
 * and runs inside the change's transaction (platform/blobs.ts), so a failed commit leaves no row; an object
 * store receives the bytes just before that transaction (`sendAhead`).
 * An object store that cannot be reached makes `commit`, `openRead`, `exists` and `listBlobs` throw
 * `storageUnavailable()` (503, Retry-After 60).
 */
export interface BlobStore {
  readonly kind: 'disk' | 's3';
  /** Streams, hashes and checks an upload, then puts it in place (`stage` + `commit`). */
  put(stream: Readable, opts: StageOptions): Promise<StoredObject>;
  /**
   * Streams an upload to a temporary file under DATA_DIR/files/tmp while hashing and counting it
   * (refusing it past `maxBytes`), then reads its type from the content. On any refusal nothing is left.
   */
  stage(stream: Readable, opts: StageOptions): Promise<StagedObject>;
  /** Puts a staged upload at its content address (identical content lands on the same key). */
  commit(staged: StagedObject): Promise<void>;
  /**
   * Before the change's transaction: sends a staged upload to a remote store, so that `commit` inside the
   * transaction only checks it is there and no transaction waits for an upload. True when the blob is now
   * in place (the caller releases it if the change does not keep it); the disk does nothing (false).
   */
  sendAhead(staged: StagedObject): Promise<boolean>;
  /** Removes a staged upload's temporary file, if it is still there. */
  discard(staged: StagedObject): Promise<void>;
  /** Removes a stored blob; the caller has made sure no `files` row refers to it any more. */
  remove(storageKey: string): Promise<void>;
  /** Every stored blob, for the sweep (and the backup); temporary files are not listed. */
  listBlobs(): AsyncGenerator<ListedBlob>;
  /** Removes temporary upload files last changed before `before` (an upload cut off by a crash). */
  removeStaleTemp(before: Date): Promise<number>;
  /** A stored blob's bytes; rejects before any byte when the blob cannot be opened. */
  openRead(storageKey: string): Promise<Readable>;
  exists(storageKey: string): Promise<boolean>;
  /** Lets go of the store's connections (the app's onClose). */
  close(): Promise<void>;
}

/** The content address of a sha256: "ab/cd/<sha256>" (always with "/", whatever the platform). */
export const blobKeyOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** Seconds an upload refused because the object store is down should wait (the Retry-After header). */
export const STORAGE_RETRY_AFTER_S = 60;

/** 503 `storage_unavailable`: the object store cannot be reached; the change was not made. */
export function storageUnavailable(cause?: unknown) {
  const err = new AppError(
    503,
    'storage_unavailable',
    t(
      'Penyimpanan berkas sedang tidak dapat dihubungi. Coba lagi dalam 1 menit.',
      'File storage cannot be reached. Try again in 1 minute.',
    ),
    {},
    { retryAfter: STORAGE_RETRY_AFTER_S },
  );
  if (cause !== undefined) (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

function label(mime: string) {
  if (mime === 'application/pdf') return 'PDF';
  if (mime === 'image/jpeg') return 'JPG';
  return mime.replace('image/', '').toUpperCase();
}

/** 415 `unsupported_file_type`, naming the accepted types. */
export function unsupportedFileType(allowedMimes: string[]) {
  return new AppError(
    415,
    'unsupported_file_type',
    t(
      `Jenis berkas tidak diterima. Yang diterima: ${allowedMimes.map(label).join(', ')}.`,
      `File type not accepted. Accepted: ${allowedMimes.map(label).join(', ')}.`,
    ),
  );
}

/** 413 `file_too_large`: the file is over `maxBytes`. */
export function fileTooLarge(maxBytes: number) {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError(
    413,
    'file_too_large',
    t(`Berkas melebihi batas ${mb} MB.`, `The file exceeds the ${mb} MB limit.`),
    { file: { code: 'file_too_large', message: t(`Maksimal ${mb} MB.`, `At most ${mb} MB.`) } },
  );
}
