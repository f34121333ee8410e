import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../src/platform/backup/backup.js';
import { keysOf } from '../src/platform/backup/cli.js';
import { BackupError } from '../src/platform/backup/manifest.js';
import { findPgTool } from '../src/platform/backup/postgres.js';
import { restoreBackup } from '../src/platform/backup/restore.js';
import { DiskStorage } from '../src/platform/storage-disk.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  emptyInstallation,
  fillInstallation,
  restoreInto,
  type EmptyInstallation,
} from './helpers/backup.js';

/*
 * Object storage keeps its own objects (bucket versioning, provider replication): its backup is the
 * inventory with hashes, and a restore checks every inventoried object is still there. Run here on the
 * storage interface the S3 storage shares (exists), with the source's storage standing for the bucket.
 */
describe('backup of object storage: the inventory only', () => {
  let ctx: TestContext;
  const targets: EmptyInstallation[] = [];
  let dir: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    await fillInstallation(ctx, 1);
    dir = (
      await createBackup({
        databaseUrl: ctx.testDb.url,
        dialect: ctx.testDb.dialect,
        dataDir: ctx.dataDir,
        keys: keysOf(ctx.config),
        storage: ctx.app.deps.storage,
        storageKind: 's3',
        out: path.join(ctx.dataDir, 'backups', 's3'),
      })
    ).dir;
  });
  afterAll(async () => {
    await ctx.close();
    for (const t of targets) await t.drop();
  });

  it('copies no file but lists every one with its hash', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.storage).toBe('s3');
    expect(fs.existsSync(path.join(dir, 'files'))).toBe(false);
    const rows = await ctx.db.selectFrom('files').select(['storage_key', 'sha256', 'size']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(manifest.files).toEqual(
      rows
        .map((f) => ({ key: f.storage_key, sha256: f.sha256, size: f.size }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
  });

  it('restores when the bucket still holds every object, reports the ones it lost', async () => {
    const keep = await emptyInstallation();
    targets.push(keep);
    const ok = await restoreBackup({
      ...restoreInto(keep, dir, keysOf(ctx.config)),
      storage: ctx.app.deps.storage,
      storageKind: 's3',
    });
    expect(ok.problems).toEqual([]);
    expect(ok.ok).toBe(true);

    const lost = await emptyInstallation();
    targets.push(lost);
    const emptyBucket = new DiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bucket-')));
    const report = await restoreBackup({
      ...restoreInto(lost, dir, keysOf(ctx.config)),
      storage: emptyBucket,
      storageKind: 's3',
    });
    expect(report.ok).toBe(false);
    expect(report.files.missing).toEqual(ok.manifest.files.map((f) => f.key));
  });
});

describe('the PostgreSQL client programs', () => {
  /** An executable file at `file` (a stand-in program: only its place is looked at). */
  const program = (file: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
  };

  it('are found on PATH first, else in the newest /usr/lib/postgresql/<version>/bin', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-pgtools-'));
    const onPath = program(path.join(root, 'path', 'pg_dump'));
    program(path.join(root, 'lib', '9.6', 'bin', 'pg_dump'));
    const newest = program(path.join(root, 'lib', '15', 'bin', 'pg_dump'));
    expect(findPgTool('pg_dump', { PATH: path.join(root, 'path') }, path.join(root, 'lib'))).toBe(onPath);
    expect(findPgTool('pg_dump', { PATH: path.join(root, 'empty') }, path.join(root, 'lib'))).toBe(newest);
  });

  it('missing: a clear error saying what to install', () => {
    const nowhere = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-nopg-'));
    const err = (() => {
      try {
        findPgTool('pg_dump', { PATH: nowhere }, nowhere);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toContain(
      'pg_dump not found (PATH, /usr/lib/postgresql/*/bin): install the PostgreSQL client',
    );
  });
});
