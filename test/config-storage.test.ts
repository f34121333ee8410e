import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { openStorage, StorageStartError } from '../src/platform/storage-create.js';
import { startS3, type S3Server } from './helpers/s3.js';

/*
 * STORAGE and the S3_… variables: read and checked like every other variable (ConfigError naming each),
 * and on start the bucket itself is checked (HeadBucket), so a process never runs against a missing one.
 */

const base = { DATA_DIR: '/tmp/sinovik-config-storage', SESSION_SECRET: 'x'.repeat(40) };
const keys = { S3_ACCESS_KEY_ID: 'AKIAUJI', S3_SECRET_ACCESS_KEY: 'rahasia-uji' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('storage configuration', () => {
  it('defaults to files on disk', () => {
    expect(loadConfig(base).storage).toEqual({ kind: 'disk' });
    expect(loadConfig({ ...base, STORAGE: 'disk', S3_BUCKET: 'tidak-dipakai' }).storage).toEqual({
      kind: 'disk',
    });
  });

  it('reads an S3 store: region us-east-1 and path-style by default, the prefix ending in "/"', () => {
    expect(
      loadConfig({
        ...base,
        ...keys,
        STORAGE: 's3',
        S3_BUCKET: 'sinovik-berkas',
        S3_ENDPOINT: 'https://s3.example.id/',
        S3_PREFIX: 'kipp/2026',
      }).storage,
    ).toEqual({
      kind: 's3',
      endpoint: 'https://s3.example.id',
      region: 'us-east-1',
      bucket: 'sinovik-berkas',
      accessKeyId: 'AKIAUJI',
      secretAccessKey: 'rahasia-uji',
      forcePathStyle: true,
      prefix: 'kipp/2026/',
    });
    expect(
      loadConfig({
        ...base,
        ...keys,
        STORAGE: 's3',
        S3_BUCKET: 'sinovik-berkas',
        S3_REGION: 'ap-southeast-3',
        S3_FORCE_PATH_STYLE: 'false',
      }).storage,
    ).toMatchObject({ endpoint: null, region: 'ap-southeast-3', forcePathStyle: false, prefix: '' });
  });

  it('names each variable STORAGE=s3 needs and is missing', () => {
    expect(problemsOf({ STORAGE: 's3' })).toEqual([
      'S3_BUCKET: is required when STORAGE=s3',
      'S3_ACCESS_KEY_ID: is required when STORAGE=s3',
      'S3_SECRET_ACCESS_KEY: is required when STORAGE=s3',
    ]);
    expect(problemsOf({ STORAGE: 's3', S3_BUCKET: 'sinovik-berkas', S3_ACCESS_KEY_ID: 'a' })).toEqual([
      'S3_SECRET_ACCESS_KEY: is required when STORAGE=s3',
    ]);
  });

  it('names every wrong value', () => {
    expect(
      problemsOf({
        STORAGE: 'gcs',
        S3_ENDPOINT: 'minio:9000',
        S3_BUCKET: 'Berkas_Sinovik',
        S3_FORCE_PATH_STYLE: 'kadang',
        S3_REGION: 'Jakarta 1',
        S3_PREFIX: 'kipp 2026',
      }),
    ).toEqual([
      'STORAGE: must be disk or s3',
      'S3_ENDPOINT: must be an http:// or https:// URL',
      'S3_REGION: must be a region name such as us-east-1',
      'S3_BUCKET: must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens',
      'S3_FORCE_PATH_STYLE: must be true or false',
      "S3_PREFIX: must be letters, digits and / ! _ . * ' ( ) - only",
    ]);
  });
});

describe('the bucket checked on start (STORAGE=s3)', () => {
  let s3: S3Server;
  let dataDir: string;
  beforeAll(async () => {
    s3 = await startS3();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-start-'));
  });
  afterAll(async () => {
    await s3?.close({ removeFiles: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a bucket that is there', async () => {
    const storage = await openStorage(loadConfig({ ...base, DATA_DIR: dataDir, ...s3.env }));
    expect(storage.kind).toBe('s3');
    await storage.close();
  });

  it('refuses a missing bucket, naming S3_BUCKET', async () => {
    const config = loadConfig({ ...base, DATA_DIR: dataDir, ...s3.env, S3_BUCKET: 'tidak-ada' });
    const err = await openStorage(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageStartError);
    expect((err as Error).message).toBe(
      `STORAGE=s3: S3_BUCKET=tidak-ada at S3_ENDPOINT=${s3.env.S3_ENDPOINT}: the bucket does not exist: create it first (the operator's job), or correct S3_BUCKET`,
    );
  });

  it('refuses a store nobody answers at, naming S3_ENDPOINT, within seconds', async () => {
    const closed = await freePort();
    const config = loadConfig({
      ...base,
      DATA_DIR: dataDir,
      ...s3.env,
      S3_ENDPOINT: `http://127.0.0.1:${closed}`,
    });
    const started = Date.now();
    const err = await openStorage(config).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err).toBeInstanceOf(StorageStartError);
    expect((err as Error).message).toMatch(
      new RegExp(
        `^STORAGE=s3: S3_BUCKET=${s3.bucket} at S3_ENDPOINT=http://127.0.0.1:${closed}: the store cannot be reached \\(.+\\): check S3_ENDPOINT$`,
      ),
    );
  });

  it('stops `sinovik serve` with the message and exit code 2', async () => {
    // Not spawnSync: the s3rver answering the check runs in this process.
    const child = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('src/main.ts'), 'serve'], {
      env: { PATH: process.env.PATH, ...base, DATA_DIR: dataDir, ...s3.env, S3_BUCKET: 'belum-dibuat' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(2);
    expect(stderr).toContain(`S3_BUCKET=belum-dibuat at S3_ENDPOINT=${s3.env.S3_ENDPOINT}`);
    expect(stderr).toContain('the bucket does not exist');
  });
});

/** A port on 127.0.0.1 nothing listens on (taken, then let go). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
