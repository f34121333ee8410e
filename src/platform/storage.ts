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

  async put(
    stream: Readable,
    opts: { maxBytes: number; allowedMimes: string[]; isTruncated?: () => boolean },
  ): Promise<StoredObject> {
    const tmpDir = path.join(this.root, 'tmp');
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${crypto.randomUUID()}.part`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > opts.maxBytes) {
          cb(tooLarge(opts.maxBytes));
          return;
        }
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, fs.createWriteStream(tmp));
      if (opts.isTruncated?.()) throw tooLarge(opts.maxBytes);
      if (size === 0)
        throw new AppError(400, 'empty_file', t('Berkas kosong.', 'The file is empty.'), {
          file: { code: 'empty_file', message: t('Berkas kosong.', 'The file is empty.') },
        });
      const detected = await fileTypeFromFile(tmp);
      const mime = detected?.mime ?? 'application/octet-stream';
      if (!opts.allowedMimes.includes(mime)) {
        throw new AppError(
          415,
          'unsupported_file_type',
          t(
            `Jenis berkas tidak diterima. Yang diterima: ${opts.allowedMimes.map(label).join(', ')}.`,
            `File type not accepted. Accepted: ${opts.allowedMimes.map(label).join(', ')}.`,
          ),
        );
      }
      const sha256 = hash.digest('hex');
      const storageKey = path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      const dest = this.pathOf(storageKey);
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      await fsp.rename(tmp, dest);
      return { sha256, size, mime, storageKey };
    } finally {
      await fsp.rm(tmp, { force: true });
    }
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

function label(mime: string) {
  return mime === 'application/pdf' ? 'PDF' : mime.replace('image/', '').toUpperCase();
}

function tooLarge(maxBytes: number) {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError(
    413,
    'file_too_large',
    t(`Berkas melebihi batas ${mb} MB.`, `The file exceeds the ${mb} MB limit.`),
    { file: { code: 'file_too_large', message: t(`Maksimal ${mb} MB.`, `At most ${mb} MB.`) } },
  );
}
