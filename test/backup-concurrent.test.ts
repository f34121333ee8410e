import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../src/db/connect.js';
import { createBackup } from '../src/platform/backup/backup.js';
import { restoreBackup } from '../src/platform/backup/restore.js';
import { keysOf } from '../src/platform/backup/cli.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  autosaveChain,
  emptyInstallation,
  fillInstallation,
  restoreInto,
  type EmptyInstallation,
} from './helpers/backup.js';

/*
 * A backup taken while the app writes (issue 15, faults: "a restore from a backup taken during the surge is
 * consistent"): 200 autosaves in flight, ten proposals edited at once; the restored database matches the
 * backup's manifest table by table and its audit chain verifies.
 */

const CHAINS = 10;
const PER_CHAIN = 20;

const versionSum = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('proposals')
        .select((eb) => eb.fn.sum<number>('version').as('v'))
        .executeTakeFirstOrThrow()
    ).v,
  );

describe('a backup taken during 200 autosaves', () => {
  let ctx: TestContext;
  let t: EmptyInstallation;

  beforeAll(async () => {
    // Disk storage whatever SINOVIK_TEST_STORAGE says: this file checks the files copied into the backup
    // (the S3 path, an inventory only, is backup-inventory.test.ts's).
    ctx = await createTestApp({ env: { STORAGE: 'disk' } });
    t = await emptyInstallation();
  });
  afterAll(async () => {
    await ctx.close();
    await t.drop();
  });

  it('restores consistently: counts equal its manifest, the audit chain verifies', async () => {
    const data = await fillInstallation(ctx, CHAINS);
    const before = await versionSum(ctx.db);
    let done = 0;
    const writes = Promise.all(
      data.proposalIds.map((id) => autosaveChain(ctx, data.cookie, id, PER_CHAIN, () => done++)),
    );
    // The backup starts once a quarter of the autosaves are in, with the rest still coming.
    while (done < (CHAINS * PER_CHAIN) / 4) await new Promise((r) => setTimeout(r, 5));
    const doneAtBackupStart = done;
    const { dir, manifest } = await createBackup({
      databaseUrl: ctx.testDb.url,
      dialect: ctx.testDb.dialect,
      dataDir: ctx.dataDir,
      keys: keysOf(ctx.config),
      storage: ctx.app.deps.storage,
      storageKind: 'disk',
    });
    const doneAtBackupEnd = done;
    await writes;
    const after = await versionSum(ctx.db);
    expect(after).toBe(before + CHAINS * PER_CHAIN);
    // Writes went on while the backup ran (the point of the test).
    expect(doneAtBackupEnd).toBeGreaterThan(doneAtBackupStart);

    const report = await restoreBackup(restoreInto(t, dir, keysOf(ctx.config)));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));

    // The snapshot holds at least the autosaves acknowledged before it started, and no more than all.
    const restored = connect(t.databaseUrl, t.dialect);
    try {
      const sum = await versionSum(restored);
      expect(sum).toBeGreaterThanOrEqual(before + doneAtBackupStart);
      expect(sum).toBeLessThanOrEqual(after);
    } finally {
      await restored.destroy();
    }
  });
});
