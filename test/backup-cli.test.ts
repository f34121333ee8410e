import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupManifest } from '../src/platform/backup/manifest.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { emptyInstallation, fillInstallation, type EmptyInstallation } from './helpers/backup.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** `sinovik <args>` as an operator runs it, in its own process, with only the given environment. */
async function sinovik(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'src/main.ts'), ...args],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
        cwd: root,
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('sinovik backup / restore (child processes)', () => {
  let ctx: TestContext;
  let t: EmptyInstallation;
  let sourceEnv: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    // Disk storage whatever SINOVIK_TEST_STORAGE says: this file checks the files copied into the backup
    // (the S3 path, an inventory only, is backup-inventory.test.ts's).
    ctx = await createTestApp({ env: { STORAGE: 'disk' } });
    await fillInstallation(ctx, 1);
    t = await emptyInstallation();
    sourceEnv = {
      DATA_DIR: ctx.dataDir,
      DATABASE_URL: ctx.testDb.dialect === 'postgres' ? ctx.testDb.url : `sqlite:${ctx.testDb.url}`,
    };
    dir = path.join(ctx.dataDir, 'backups', 'cli');
  });
  afterAll(async () => {
    await ctx.close();
    await t.drop();
  });

  it('backup --out DIR writes the backup and its manifest (exit 0)', async () => {
    const res = await sinovik(['backup', '--out', dir], sourceEnv);
    expect(res.out).toContain(`Cadangan / backup: ${dir}`);
    expect(res.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest.tables.users).toBe(2);
    expect(manifest.files.length).toBeGreaterThan(0);
  });

  it('restore --from DIR: refused without the audit key (2), restored and verified with it (0), then refused as not empty (2)', async () => {
    const targetEnv = { DATA_DIR: t.dataDir, DATABASE_URL: t.envUrl };
    // Without the source's audit key the restore is refused before it changes anything.
    const keyless = await sinovik(['restore', '--from', dir], targetEnv);
    expect(keyless.out).toContain("The audit key here differs from the backed-up installation's");
    expect(keyless.code).toBe(2);
    // The operator brings the key kept apart from the backup (DATA_DIR/audit-key of the old machine).
    fs.copyFileSync(path.join(ctx.dataDir, 'audit-key'), path.join(t.dataDir, 'audit-key'));
    const first = await sinovik(['restore', '--from', dir], targetEnv);
    expect(first.out).toContain('Everything matches the manifest.');
    expect(first.code).toBe(0);
    const again = await sinovik(['restore', '--from', dir], targetEnv);
    expect(again.out).toContain('The target database already has accounts');
    expect(again.code).toBe(2);
  });
});
