import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore, ListedBlob, StageOptions, StagedObject, StoredObject } from './storage.js';
import { readdirOrEmpty, removeStaleTempIn, stageAndCommit, stageToTemp } from './storage-stage.js';

/**
 * Content-addressed file storage on disk (STORAGE=disk, the default): DATA_DIR/files/ab/cd/<sha256>.
 * A staged upload is renamed into place only when complete, so a cut-off upload leaves nothing behind.
 */
export class DiskStorage implements BlobStore {
  readonly kind = 'disk' as const;

  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    return path.join(this.root, key);
  }

  put(stream: Readable, opts: StageOptions): Promise<StoredObject> {
    return stageAndCommit(this, stream, opts);
  }

  stage(stream: Readable, opts: StageOptions): Promise<StagedObject> {
    return stageToTemp(path.join(this.root, 'tmp'), stream, opts);
  }

  /** Moves a staged upload to its content address (identical content lands on the same file). */
  async commit(staged: StagedObject): Promise<void> {
    const dest = this.pathOf(staged.storageKey);
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    await fsp.rename(staged.tmpPath, dest);
  }

  /** A rename is instant: the disk commits inside the transaction. */
  async sendAhead(): Promise<boolean> {
    return false;
  }

  async discard(staged: StagedObject): Promise<void> {
    await fsp.rm(staged.tmpPath, { force: true });
  }

  async remove(storageKey: string): Promise<void> {
    await fsp.rm(this.pathOf(storageKey), { force: true });
  }

  async *listBlobs(): AsyncGenerator<ListedBlob> {
    const hex2 = /^[0-9a-f]{2}$/;
    for (const a of await readdirOrEmpty(this.root)) {
      if (!hex2.test(a)) continue;
      for (const b of await readdirOrEmpty(path.join(this.root, a))) {
        if (!hex2.test(b)) continue;
        for (const name of await readdirOrEmpty(path.join(this.root, a, b))) {
          if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(a + b)) continue;
          const storageKey = `${a}/${b}/${name}`;
          const stat = await fsp.stat(this.pathOf(storageKey)).catch(() => null);
          if (stat?.isFile()) yield { storageKey, sha256: name, mtimeMs: stat.mtimeMs, size: stat.size };
        }
      }
    }
  }

  removeStaleTemp(before: Date): Promise<number> {
    return removeStaleTempIn(path.join(this.root, 'tmp'), before);
  }

  /** The file's bytes; rejects (ENOENT) before any byte when the file is missing. */
  async openRead(storageKey: string): Promise<Readable> {
    const stream = fs.createReadStream(this.pathOf(storageKey));
    await new Promise<void>((resolve, reject) => {
      const failed = (err: Error) => reject(err);
      stream.once('error', failed);
      stream.once('open', () => {
        stream.off('error', failed);
        resolve();
      });
    });
    return stream;
  }

  async exists(storageKey: string): Promise<boolean> {
    return fsp
      .access(this.pathOf(storageKey))
      .then(() => true)
      .catch(() => false);
  }

  async close(): Promise<void> {}
}
