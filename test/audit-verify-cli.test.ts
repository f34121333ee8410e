import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { auditEventHash, recordAudit } from '../src/platform/audit.js';
import { linkAuditChain, sealAuditChain } from '../src/platform/audit-linker.js';
import { createTestApp, type TestContext } from './helpers/app.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** `sinovik audit verify` as an operator runs it, in its own process, on the test's database and DATA_DIR. */
async function verifyCli(ctx: TestContext): Promise<{ code: number; out: string }> {
  // Only what an operator's shell would give it: the test runner's own variables stay out.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: ctx.dataDir,
    DATABASE_URL: ctx.testDb.dialect === 'postgres' ? ctx.testDb.url : `sqlite:${ctx.testDb.url}`,
    LOG_LEVEL: 'silent',
  };
  // No AUDIT_KEY: the key is the one generated into DATA_DIR/audit-key, as in production.
  try {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'src/main.ts'), 'audit', 'verify'],
      { env, cwd: root },
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const event = (db: Db, n: number, now: Date) =>
  db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: null,
      action: 'unit.updated',
      entityType: 'unit',
      entityId: n,
      summary: { after: { name: `Dinas ${n}` } },
      scope: { institutionId: 1, referenceData: true },
      ip: '10.0.0.1',
      now,
    }),
  );

type Row = Awaited<ReturnType<typeof allRows>>[number];
const allRows = (db: Db) => db.selectFrom('audit_events').selectAll().orderBy('id').execute();
const checkpoint = (db: Db) => db.selectFrom('audit_checkpoints').selectAll().executeTakeFirstOrThrow();

/** Puts the log and its database checkpoint back exactly as they were (the next tamper starts clean). */
async function restore(db: Db, rows: Row[], cp: Awaited<ReturnType<typeof checkpoint>>) {
  await db.deleteFrom('audit_events').execute();
  for (const r of rows) await db.insertInto('audit_events').values(r).execute();
  await db.deleteFrom('audit_checkpoints').execute();
  await db.insertInto('audit_checkpoints').values(cp).execute();
}

describe('sinovik audit verify (child process)', () => {
  let ctx: TestContext;
  let original: Row[];
  let originalCp: Awaited<ReturnType<typeof checkpoint>>;

  beforeAll(async () => {
    ctx = await createTestApp();
    for (let n = 1; n <= 5; n++) await event(ctx.db, n, ctx.clock.now());
    // A worker pass copies the signed checkpoint out of the database (DATA_DIR/audit-checkpoint).
    await ctx.deliverMail();
    original = await allRows(ctx.db);
    originalCp = await checkpoint(ctx.db);
  });
  afterAll(async () => ctx.close());

  it('passes on an untouched log (exit 0)', async () => {
    const res = await verifyCli(ctx);
    expect(res.out).toContain('audit log OK: 5 events');
    expect(res.code).toBe(0);
  });

  it('fails on an edited row, naming it', async () => {
    await ctx.db
      .updateTable('audit_events')
      .set({ summary: JSON.stringify({ after: { name: 'Dipalsukan' } }) })
      .where('id', '=', original[2].id)
      .execute();
    const res = await verifyCli(ctx);
    expect(res.code).toBe(1);
    expect(res.out).toContain(`Event ${original[2].id} was edited`);
    await restore(ctx.db, original, originalCp);
  });

  it('fails on a chain recomputed without the key', async () => {
    // The attacker rewrites an event and recomputes every hash after it the only way he can: unkeyed.
    let prev: string | null = null;
    for (const r of original) {
      const summary = r.id === original[1].id ? JSON.stringify({ after: { name: 'Dipalsukan' } }) : r.summary;
      const hash = auditEventHash({
        prevHash: prev,
        createdAt: r.created_at,
        actorUserId: r.actor_user_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        summary,
      });
      await ctx.db
        .updateTable('audit_events')
        .set({ summary, hash, prev_hash: prev, keyed: 0 })
        .where('id', '=', r.id)
        .execute();
      prev = hash;
    }
    const res = await verifyCli(ctx);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/checkpoint/);
    await restore(ctx.db, original, originalCp);
  });

  it('fails when the newest rows are deleted', async () => {
    await ctx.db.deleteFrom('audit_events').where('id', '>=', original[3].id).execute();
    const res = await verifyCli(ctx);
    expect(res.code).toBe(1);
    expect(res.out).toContain('the newest events were deleted');
    await restore(ctx.db, original, originalCp);
  });

  it('fails when the newest rows are deleted and an older database checkpoint is put back', async () => {
    // The attacker saved the checkpoint as it was after event 3 and restores it after deleting 4 and 5.
    await ctx.db.deleteFrom('audit_events').where('id', '>=', original[3].id).execute();
    await ctx.db.deleteFrom('audit_checkpoints').execute();
    await sealAuditChain(ctx.db, ctx.clock.now()); // a correctly signed checkpoint of events 1-3 (needs the key)
    const res = await verifyCli(ctx);
    expect(res.code).toBe(1);
    expect(res.out).toContain('audit-checkpoint');
    await restore(ctx.db, original, originalCp);
  });

  it('fails when the checkpoint is deleted', async () => {
    await ctx.db.deleteFrom('audit_checkpoints').execute();
    const res = await verifyCli(ctx);
    expect(res.code).toBe(1);
    expect(res.out).toContain('checkpoint is missing');
    await restore(ctx.db, original, originalCp);
  });
});

describe('an unkeyed log from before migration 0012', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
    // Test setup: three events as the old code wrote them (unkeyed sha256 chain, no checkpoint).
    let prev: string | null = null;
    for (let n = 1; n <= 3; n++) {
      const fields = {
        prevHash: prev,
        createdAt: new Date(Date.UTC(2026, 4, n)).toISOString(),
        actorUserId: null,
        action: 'unit.created',
        entityType: 'unit',
        entityId: String(n),
        summary: '{}',
      };
      const hash = auditEventHash(fields);
      await ctx.db
        .insertInto('audit_events')
        .values({
          actor_user_id: null,
          action: fields.action,
          entity_type: fields.entityType,
          entity_id: fields.entityId,
          summary: fields.summary,
          ip: null,
          created_at: fields.createdAt,
          prev_hash: prev,
          hash,
          chain_seq: n, // migration 0050 placed the events already stored by id
        })
        .execute();
      prev = hash;
    }
  });
  afterAll(async () => ctx.close());

  it('is sealed by a first keyed checkpoint, verifies, and keyed events continue it', async () => {
    expect(await sealAuditChain(ctx.db, ctx.clock.now())).toBe(true);
    expect(await sealAuditChain(ctx.db, ctx.clock.now())).toBe(false);
    expect((await checkpoint(ctx.db)).event_count).toBe(3);
    await event(ctx.db, 4, ctx.clock.now());
    expect(await linkAuditChain(ctx.db, ctx.clock.now())).toBe(1);
    const rows = await allRows(ctx.db);
    expect(rows.map((r) => r.keyed)).toEqual([0, 0, 0, 1]);
    expect(rows[3].prev_hash).toBe(rows[2].hash);
    const res = await verifyCli(ctx);
    expect(res.out).toContain('audit log OK: 4 events');
    expect(res.code).toBe(0);
  });

  it('shows the old events deleted after sealing, even recomputed', async () => {
    await ctx.db.deleteFrom('audit_events').where('entity_id', '=', '4').execute();
    await ctx.db.deleteFrom('audit_events').where('entity_id', '=', '3').execute();
    const res = await verifyCli(ctx);
    expect(res.code).toBe(1);
  });
});
