import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import { AppError, t } from '../domain/errors.js';

export interface StoredObject {
  sha256: string;
  size: number;
  mime: string;
  storageKey: string;
}

/** An upload streamed and checked but not yet at its content address (see `FileStorage.stage`). */
export interface StagedObject extends StoredObject {
  tmpPath: string;
}

/**
 * Content-addressed file storage on disk: DATA_DIR/files/ab/cd/<sha256>. Uploads stream to a temporary
 * file while hashing (never held whole in memory), the type is read from the content, and the file is
 * renamed into place only when complete, so a cut-off upload leaves nothing behind.
 */
export class FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    return path.join(this.root, key);
  }

  /** Streams, hashes and checks an upload, then moves it into place (`stage` + `commit`). */
  async put(
    stream: Readable,
    opts: { maxBytes: number; allowedMimes: string[]; isTruncated?: () => boolean },
  ): Promise<StoredObject> {
    const staged = await this.stage(stream, opts);
    try {
      await this.commit(staged);
    } finally {
      await this.discard(staged);
    }
    return { sha256: staged.sha256, size: staged.size, mime: staged.mime, storageKey: staged.storageKey };
  }

  /**
   * Streams an upload to a temporary file while hashing and counting it (refusing it past `maxBytes`),
   * then reads its type from the content. The file stays in DATA_DIR/files/tmp until `commit` moves it
   * to its content address or `discard` removes it; on any refusal nothing is left.
   */
  async stage(
    stream: Readable,
    opts: { maxBytes: number; allowedMimes: string[]; isTruncated?: () => boolean },
  ): Promise<StagedObject> {
    const tmpDir = path.join(this.root, 'tmp');
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
      const storageKey = path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      return { sha256, size, mime, storageKey, tmpPath: tmp };
    } catch (err) {
      // A failed pipeline destroys the file stream, whose file may still be being opened: wait until it is
      // closed, or the file would be created after it was removed (a malformed upload left a temp file).
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  /** Moves a staged upload to its content address (identical content lands on the same file). */
  async commit(staged: StagedObject): Promise<void> {
    const dest = this.pathOf(staged.storageKey);
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    await fsp.rename(staged.tmpPath, dest);
  }

  /** Removes a staged upload's temporary file, if it is still there. */
  async discard(staged: StagedObject): Promise<void> {
    await fsp.rm(staged.tmpPath, { force: true });
  }

  /** Removes a stored file; the caller has made sure no `files` row refers to it any more. */
  async remove(storageKey: string): Promise<void> {
    await fsp.rm(this.pathOf(storageKey), { force: true });
  }

  /** Every stored blob (its key and last change), for the sweep; temporary files are not listed. */
  async *listBlobs(): AsyncGenerator<{ storageKey: string; sha256: string; mtimeMs: number }> {
    const hex2 = /^[0-9a-f]{2}$/;
    for (const a of await readdirOrEmpty(this.root)) {
      if (!hex2.test(a)) continue;
      for (const b of await readdirOrEmpty(path.join(this.root, a))) {
        if (!hex2.test(b)) continue;
        for (const name of await readdirOrEmpty(path.join(this.root, a, b))) {
          if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(a + b)) continue;
          const storageKey = path.join(a, b, name);
          const stat = await fsp.stat(this.pathOf(storageKey)).catch(() => null);
          if (stat?.isFile()) yield { storageKey, sha256: name, mtimeMs: stat.mtimeMs };
        }
      }
    }
  }

  /** Removes temporary upload files last changed before `before` (an upload cut off by a crash). */
  async removeStaleTemp(before: Date): Promise<number> {
    const dir = path.join(this.root, 'tmp');
    let removed = 0;
    for (const name of await readdirOrEmpty(dir)) {
      const file = path.join(dir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat?.isFile() && stat.mtimeMs < before.getTime()) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  createReadStream(storageKey: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(storageKey));
  }

  async exists(storageKey: string): Promise<boolean> {
    return fsp
      .access(this.pathOf(storageKey))
      .then(() => true)
      .catch(() => false);
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  return fsp.readdir(dir).catch(() => []);
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
