import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { AdjustableClock } from '../src/platform/clock.js';
import { createMailTransport } from '../src/platform/mail/delivery.js';
import { setAuditKey } from '../src/platform/audit.js';
import { verifyAudit } from '../src/platform/audit-verify.js';
import { createBackup } from '../src/platform/backup/backup.js';
import { BackupError, type BackupManifest } from '../src/platform/backup/manifest.js';
import { restoreBackup } from '../src/platform/backup/restore.js';
import { keysOf } from '../src/platform/backup/cli.js';
import { sqliteHasUsers } from '../src/platform/backup/sqlite.js';
import { postgresHasUsers } from '../src/platform/backup/postgres.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  emptyInstallation,
  fillInstallation,
  restoreInto,
  type EmptyInstallation,
} from './helpers/backup.js';
import { TEST_PASSWORD } from './helpers/fixtures.js';

/*
 * Backup and restore on real databases and real files (issue 15, point 4): an installation with accounts,
 * proposals, uploaded evidence and audit rows is backed up, then restored into an installation nobody used.
 */

const targets: EmptyInstallation[] = [];
async function target() {
  const t = await emptyInstallation();
  targets.push(t);
  return t;
}
const hasUsers = (t: EmptyInstallation) =>
  t.dialect === 'sqlite' ? sqliteHasUsers(t.databaseUrl) : postgresHasUsers(t.databaseUrl);

/** A copy of a backup folder to alter (the original stays as taken). */
function copyOf(dir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-backup-copy-'));
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

describe('sinovik backup / restore', () => {
  let ctx: TestContext;
  let data: Awaited<ReturnType<typeof fillInstallation>>;
  let dir: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    // Disk storage whatever SINOVIK_TEST_STORAGE says: this file checks the files copied into the backup
    // (the S3 path, an inventory only, is backup-inventory.test.ts's).
    ctx = await createTestApp({ env: { STORAGE: 'disk' } });
    data = await fillInstallation(ctx, 2);
    const backup = await createBackup({
      databaseUrl: ctx.testDb.url,
      dialect: ctx.testDb.dialect,
      dataDir: ctx.dataDir,
      keys: keysOf(ctx.config),
      storage: ctx.app.deps.storage,
      storageKind: 'disk',
      out: path.join(ctx.dataDir, 'backups', 'first'),
    });
    dir = backup.dir;
    manifest = backup.manifest;
  });
  afterAll(async () => {
    await ctx.close();
    for (const t of targets) await t.drop();
  });

  it("writes a manifest of the snapshot: every table's count, the audit head, every file with its hash", async () => {
    expect(manifest.dialect).toBe(ctx.testDb.dialect);
    expect(manifest.tables.users).toBe(2);
    expect(manifest.tables.proposals).toBe(2);
    const head = await ctx.db
      .selectFrom('audit_events')
      .select(['id', 'hash'])
      .where('chain_seq', 'is not', null)
      .orderBy('chain_seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(manifest.audit).toMatchObject({ lastEventId: head.id, headHash: head.hash });
    const files = await ctx.db
      .selectFrom('files')
      .select(['storage_key', 'sha256', 'size'])
      .orderBy('storage_key')
      .execute();
    expect(data.uploaded).toBeGreaterThan(0);
    expect(manifest.files).toEqual(
      files.map((f) => ({ key: f.storage_key, sha256: f.sha256, size: f.size })),
    );
    for (const f of manifest.files)
      expect(fs.readFileSync(path.join(dir, 'files', f.key))).toEqual(
        fs.readFileSync(path.join(ctx.dataDir, 'files', f.key)),
      );
    // The keys stay out of the backup (only fingerprints): a backup cannot re-sign the audit chain.
    const everything = fs.readdirSync(dir, { recursive: true }).map(String);
    expect(everything.filter((f) => !f.startsWith('files'))).toEqual([
      manifest.database.file,
      'manifest.json',
    ]);
    for (const secret of Object.values(keysOf(ctx.config)))
      expect(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).not.toContain(secret);
    expect(manifest.missingFiles).toEqual([]);
  });

  it('restores into an empty installation: every count, every file, the audit chain, a login', async () => {
    const t = await target();
    // As an operator on a new machine: the old DATA_DIR/audit-key copied over, the rest generated anew.
    fs.copyFileSync(path.join(ctx.dataDir, 'audit-key'), path.join(t.dataDir, 'audit-key'));
    const config = loadConfig({ DATA_DIR: t.dataDir, DATABASE_URL: t.envUrl, LOG_LEVEL: 'silent' });
    const report = await restoreBackup(restoreInto(t, dir, keysOf(config)));
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      expect.stringContaining('codes on certificates already printed will not verify'),
      expect.stringContaining('SESSION_SECRET differs: every session ends'),
    ]);
    expect(report.ok).toBe(true);
    expect(report.files.restored).toBe(manifest.files.length);

    const db = connect(t.databaseUrl, t.dialect);
    setAuditKey(db, ctx.config.auditKey);
    try {
      for (const table of Object.keys(manifest.tables)) {
        const count = async (d: typeof db) =>
          Number(
            (
              await d
                .selectFrom(table as 'users')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect({ table, n: await count(db) }).toEqual({ table, n: await count(ctx.db) });
      }
      for (const f of manifest.files)
        expect(fs.readFileSync(path.join(t.dataDir, 'files', f.key))).toEqual(
          fs.readFileSync(path.join(ctx.dataDir, 'files', f.key)),
        );
      const audit = await verifyAudit(db, { dataDir: t.dataDir });
      expect(audit).toMatchObject({ ok: true, checked: manifest.audit.events });
      // The restored DATA_DIR has a fresh checkpoint copy of the restored chain.
      expect(fs.existsSync(path.join(t.dataDir, 'audit-checkpoint'))).toBe(true);

      // An app built on the restored installation lets the restored account log in.
      const transport = createMailTransport({ smtpUrl: null, dataDir: t.dataDir });
      const app = await buildApp({
        config,
        db,
        clock: new AdjustableClock(),
        transport,
        logger: false,
        worker: false,
      });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: data.upp.email, password: TEST_PASSWORD },
        });
        expect(login.statusCode).toBe(200);
        const proposal = await app.inject({
          method: 'GET',
          url: `/api/proposals/${data.proposalIds[0]}`,
          headers: { cookie: login.headers['set-cookie']!.toString().split(';')[0] },
        });
        expect(proposal.statusCode).toBe(200);
        expect(proposal.json().title).toBe('Layanan Cadangan 1');
      } finally {
        await app.close();
        transport.close();
      }
    } finally {
      await db.destroy();
    }

    // Now the target has accounts: a second restore is refused, and nothing is changed.
    await expect(restoreBackup(restoreInto(t, dir, keysOf(config)))).rejects.toThrow(
      /already has accounts: restore only into an empty installation/,
    );
    // --force replaces the installation in use: the same verified result.
    const forced = await restoreBackup({ ...restoreInto(t, dir, keysOf(config)), force: true });
    expect(forced.problems).toEqual([]);
    expect(forced.rows).toBe(report.rows);
  });

  it('refuses a dump changed by one byte before touching the target', async () => {
    const copy = copyOf(dir);
    const dump = path.join(copy, manifest.database.file);
    const bytes = fs.readFileSync(dump);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    fs.writeFileSync(dump, bytes);
    const t = await target();
    const err = await restoreBackup(restoreInto(t, copy, keysOf(ctx.config))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toContain("does not match the manifest's sha256 (damaged or altered)");
    expect(await hasUsers(t)).toBe(false);
    expect(fs.existsSync(path.join(t.dataDir, 'files'))).toBe(false);
  });

  it('refuses a manifest naming a file outside the backup or storage folders', async () => {
    const copy = copyOf(dir);
    const altered = { ...manifest, files: [{ ...manifest.files[0], key: '../../../audit-key' }] };
    fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(altered));
    const t = await target();
    await expect(restoreBackup(restoreInto(t, copy, keysOf(ctx.config)))).rejects.toThrow(
      'file names outside the backup folder',
    );
    expect(await hasUsers(t)).toBe(false);
  });

  it('reports a file missing from the backup and exits not ok', async () => {
    const copy = copyOf(dir);
    const lost = manifest.files[0];
    fs.rmSync(path.join(copy, 'files', lost.key));
    const t = await target();
    const report = await restoreBackup(restoreInto(t, copy, keysOf(ctx.config)));
    expect(report.ok).toBe(false);
    expect(report.files.missing).toEqual([lost.key]);
    expect(report.problems).toEqual([`1 berkas tidak ada / files missing: ${lost.key}`]);
    expect(fs.existsSync(path.join(t.dataDir, 'files', lost.key))).toBe(false);
  });

  it('refuses an audit key other than the backed-up installation’s', async () => {
    const t = await target();
    const keys = { ...keysOf(ctx.config), audit: 'another-audit-key-another-audit-key-0123' };
    const err = await restoreBackup(restoreInto(t, dir, keys)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toContain("The audit key here differs from the backed-up installation's");
    expect(await hasUsers(t)).toBe(false);
  });

  // Last: it removes a blob from the source's storage.
  it('a backup reports a file its database refers to but storage no longer holds', async () => {
    const lost = manifest.files[0];
    fs.rmSync(path.join(ctx.dataDir, 'files', lost.key));
    const second = await createBackup({
      databaseUrl: ctx.testDb.url,
      dialect: ctx.testDb.dialect,
      dataDir: ctx.dataDir,
      keys: keysOf(ctx.config),
      storage: ctx.app.deps.storage,
      storageKind: 'disk',
      out: path.join(ctx.dataDir, 'backups', 'second'),
    });
    expect(second.manifest.missingFiles).toEqual([lost.key]);
    expect(second.manifest.files).toEqual(manifest.files);
    expect(fs.existsSync(path.join(second.dir, 'files', lost.key))).toBe(false);
  });
});
