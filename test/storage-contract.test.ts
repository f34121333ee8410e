import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { AppError } from '../src/domain/errors.js';
import type { BlobStore } from '../src/platform/storage.js';
import { createStorage } from '../src/platform/storage-create.js';
import { S3Storage } from '../src/platform/storage-s3.js';
import { filesUnder } from './helpers/multipart.js';
import { startS3, type S3Server } from './helpers/s3.js';

/*
 * The storage's contract, the same for the disk (STORAGE=disk) and an S3-compatible object store
 * (STORAGE=s3, a real s3rver on 127.0.0.1): what goes in comes out byte for byte, identical content is
 * one blob, a refused upload leaves nothing anywhere.
 */

const PDF = ['application/pdf'];

/** A PDF-looking file of `size` bytes (the type check reads its first bytes). */
function pdfBytes(size: number, seed: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${seed}\n`);
  const body = crypto.randomBytes(size - head.length);
  return Buffer.concat([head, body]);
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A stream of `data` in 64 KB pieces, as an upload arrives. */
const streamOf = (data: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += 65_536) yield data.subarray(i, i + 65_536);
    })(),
  );

describe.each(['disk', 's3'] as const)('the storage contract (STORAGE=%s)', (kind) => {
  let s3: S3Server | null = null;
  let dataDir: string;
  let storage: BlobStore;
  /** Every object in the bucket (s3), or every blob file under DATA_DIR/files (disk), temp files excluded. */
  let storedKeys: () => Promise<string[]>;
  const tmpFiles = () => filesUnder(path.join(dataDir, 'files', 'tmp'));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-storage-'));
    const env: Record<string, string> = { DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40) };
    if (kind === 's3') {
      s3 = await startS3();
      Object.assign(env, s3.env, { S3_PREFIX: 'kipp' });
    }
    storage = createStorage(loadConfig(env));
    storedKeys = async () => {
      if (!s3) {
        const root = path.join(dataDir, 'files');
        return filesUnder(root)
          .map((f) => path.relative(root, f))
          .filter((k) => !k.startsWith('tmp'));
      }
      const page = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
      return (page.Contents ?? []).map((o) => o.Key!);
    };
  });
  afterAll(async () => {
    await storage.close();
    await s3?.close({ removeFiles: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is the storage STORAGE names', () => {
    expect(storage.kind).toBe(kind);
  });

  it('stores a 6 MB upload and gives back the same bytes (sha256 equal), at its content address', async () => {
    const data = pdfBytes(6 * 1024 * 1024, 'enam');
    const staged = await storage.stage(streamOf(data), { maxBytes: 10 * 1024 * 1024, allowedMimes: PDF });
    expect(staged).toMatchObject({
      sha256: sha(data),
      size: data.length,
      mime: 'application/pdf',
      storageKey: `${sha(data).slice(0, 2)}/${sha(data).slice(2, 4)}/${sha(data)}`,
    });
    expect(tmpFiles()).toEqual([staged.tmpPath]);
    await storage.commit(staged);
    await storage.discard(staged);
    expect(tmpFiles()).toEqual([]);

    const back = await readAll(await storage.openRead(staged.storageKey));
    expect(back.length).toBe(data.length);
    expect(sha(back)).toBe(sha(data));
    expect(await storage.exists(staged.storageKey)).toBe(true);
    expect(await storedKeys()).toEqual([(kind === 's3' ? 'kipp/' : '') + staged.storageKey]);

    await storage.remove(staged.storageKey);
    expect(await storage.exists(staged.storageKey)).toBe(false);
    expect(await storedKeys()).toEqual([]);
  });

  it('keeps identical content as one blob, and lists each blob with its sha256, size and time', async () => {
    const data = pdfBytes(300_000, 'sama');
    const before = Date.now() - 2000;
    const a = await storage.put(streamOf(data), { maxBytes: 1024 * 1024, allowedMimes: PDF });
    const b = await storage.put(streamOf(data), { maxBytes: 1024 * 1024, allowedMimes: PDF });
    const other = await storage.put(streamOf(pdfBytes(1000, 'lain')), {
      maxBytes: 1024 * 1024,
      allowedMimes: PDF,
    });
    expect(b.storageKey).toBe(a.storageKey);
    expect((await storedKeys()).length).toBe(2);

    const listed = [];
    for await (const blob of storage.listBlobs()) listed.push(blob);
    listed.sort((x, y) => x.size - y.size);
    expect(listed.map(({ storageKey, sha256, size }) => ({ storageKey, sha256, size }))).toEqual([
      { storageKey: other.storageKey, sha256: other.sha256, size: 1000 },
      { storageKey: a.storageKey, sha256: sha(data), size: 300_000 },
    ]);
    for (const blob of listed) {
      expect(blob.mtimeMs).toBeGreaterThan(before);
      expect(blob.mtimeMs).toBeLessThan(Date.now() + 2000);
    }
    await storage.remove(a.storageKey);
    await storage.remove(other.storageKey);
    expect(await storedKeys()).toEqual([]);
  });

  it('refuses a file of another type or over the limit and leaves nothing locally or in the store', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), crypto.randomBytes(2000)]);
    await expect(
      storage.put(streamOf(png), { maxBytes: 1024 * 1024, allowedMimes: PDF }),
    ).rejects.toMatchObject({ status: 415, code: 'unsupported_file_type' });
    const big = pdfBytes(2 * 1024 * 1024, 'besar');
    await expect(
      storage.put(streamOf(big), { maxBytes: 1024 * 1024, allowedMimes: PDF }),
    ).rejects.toMatchObject({
      status: 413,
      code: 'file_too_large',
    });
    await expect(
      storage.stage(streamOf(Buffer.alloc(0)), { maxBytes: 10, allowedMimes: PDF }),
    ).rejects.toBeInstanceOf(AppError);
    expect(tmpFiles()).toEqual([]);
    expect(await storedKeys()).toEqual([]);
  });

  it('removes only stale temporary files', async () => {
    const tmp = path.join(dataDir, 'files', 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const old = path.join(tmp, 'putus.part');
    const fresh = path.join(tmp, 'berjalan.part');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(fresh, 'y');
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(old, hourAgo, hourAgo);
    expect(await storage.removeStaleTemp(new Date(Date.now() - 60_000))).toBe(1);
    expect(tmpFiles()).toEqual([fresh]);
    fs.rmSync(fresh);
  });

  it('refuses to open a blob that is not there, before any byte', async () => {
    const key = `00/00/${'0'.repeat(64)}`;
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.openRead(key)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the S3 storage lists a bucket page by page, under its prefix only', () => {
  let s3: S3Server;
  let storage: S3Storage;
  let dataDir: string;

  beforeAll(async () => {
    s3 = await startS3();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-storage-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      SESSION_SECRET: 'x'.repeat(40),
      ...s3.env,
      S3_PREFIX: 'kipp/',
    });
    if (config.storage.kind !== 's3') throw new Error('STORAGE=s3 expected');
    // Pages of 7 keys (S3's own are 1,000; s3rver fails to list more than 1,000 keys at once).
    storage = new S3Storage(config.storage, path.join(dataDir, 'files', 'tmp'), 7);
  });
  afterAll(async () => {
    await storage.close();
    await s3.close({ removeFiles: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('yields every blob over several pages, and nothing that is not one of its blobs', async () => {
    const shas = Array.from({ length: 30 }, (_, i) => sha(Buffer.from(`blob ${i}`)));
    const put = (Key: string) => s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body: 'x' }));
    await Promise.all(shas.map((h) => put(`kipp/${h.slice(0, 2)}/${h.slice(2, 4)}/${h}`)));
    // Not blobs of this installation: another prefix, a name that is not its content address, a note.
    await put(`lain/${shas[0].slice(0, 2)}/${shas[0].slice(2, 4)}/${shas[0]}`);
    await put(`kipp/00/00/${shas[1]}`);
    await put('kipp/catatan.txt');

    const listed: string[] = [];
    for await (const blob of storage.listBlobs()) listed.push(blob.sha256);
    expect(listed.length).toBe(30);
    expect(listed.sort()).toEqual([...shas].sort());
  });
});
