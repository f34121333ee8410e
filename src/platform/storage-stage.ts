import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import { AppError, t } from '../domain/errors.js';
import {
  blobKeyOf,
  fileTooLarge,
  unsupportedFileType,
  type BlobStore,
  type StageOptions,
  type StagedObject,
  type StoredObject,
} from './storage.js';

/*
 * The local half of every storage (disk or object store): an upload is staged in a temporary folder
 * (DATA_DIR/files/tmp) while it is hashed, counted and its type read, before it goes to its content address.
 */

/**
 * Streams an upload to a temporary file in `tmpDir` while hashing and counting it (refusing it past
 * `maxBytes`), then reads its type from the content; on any refusal nothing is left.
 */
export async function stageToTemp(
  tmpDir: string,
  stream: Readable,
  opts: StageOptions,
): Promise<StagedObject> {
  await fsp.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${crypto.randomUUID()}.part`);
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > opts.maxBytes) {
        cb(fileTooLarge(opts.maxBytes));
        return;
      }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const out = fs.createWriteStream(tmp);
  try {
    await pipeline(stream, meter, out);
    if (opts.isTruncated?.()) throw fileTooLarge(opts.maxBytes);
    if (size === 0)
      throw new AppError(400, 'empty_file', t('Berkas kosong.', 'The file is empty.'), {
        file: { code: 'empty_file', message: t('Berkas kosong.', 'The file is empty.') },
      });
    const detected = await fileTypeFromFile(tmp);
    const mime = detected?.mime ?? 'application/octet-stream';
    if (!opts.allowedMimes.includes(mime)) throw unsupportedFileType(opts.allowedMimes);
    const sha256 = hash.digest('hex');
    return { sha256, size, mime, storageKey: blobKeyOf(sha256), tmpPath: tmp };
  } catch (err) {
    // A failed pipeline destroys the file stream, whose file may still be being opened: wait until it is
    // closed, or the file would be created after it was removed (a malformed upload left a temp file).
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

/** Removes the temporary files in `tmpDir` last changed before `before`; returns how many. */
export async function removeStaleTempIn(tmpDir: string, before: Date): Promise<number> {
  let removed = 0;
  for (const name of await readdirOrEmpty(tmpDir)) {
    const file = path.join(tmpDir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat?.isFile() && stat.mtimeMs < before.getTime()) {
      await fsp.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export async function readdirOrEmpty(dir: string): Promise<string[]> {
  return fsp.readdir(dir).catch(() => []);
}

/** `put` for every storage: stage, commit, then remove the temporary file whatever happened. */
export async function stageAndCommit(
  store: Pick<BlobStore, 'stage' | 'commit' | 'discard'>,
  stream: Readable,
  opts: StageOptions,
): Promise<StoredObject> {
  const staged = await store.stage(stream, opts);
  try {
    await store.commit(staged);
  } finally {
    await store.discard(staged);
  }
  return { sha256: staged.sha256, size: staged.size, mime: staged.mime, storageKey: staged.storageKey };
}
