import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beforeCommit } from '../src/db/before-commit.js';
import { recordAudit, type AuditInput } from '../src/platform/audit.js';
import { verifyAudit } from '../src/platform/audit-verify.js';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';

/*
 * The audit chain is appended last in a transaction, right before its commit (db/before-commit.ts,
 * platform/audit.ts): on PostgreSQL the chain's lock is then held only for the append and the commit, so a
 * change still doing its own work never makes another audited change wait. The events keep their order
 * within a transaction, the chain verifies, and a transaction that fails writes nothing.
 */

const event = (action: string, at: Date): AuditInput => ({
  actorUserId: null,
  action: action as AuditInput['action'],
  entityType: 'test',
  entityId: action,
  summary: { action },
  ip: null,
  now: at,
});

const actions = async (db: TestDb['db']) =>
  (await db.selectFrom('audit_events').select('entity_id').orderBy('id').execute()).map((r) => r.entity_id);

describe('audit events appended at commit', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.drop());

  it('lets a second audited change commit while the first still works; both chained in commit order', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let recordedA!: () => void;
    const aRecorded = new Promise<void>((r) => (recordedA = r));
    const a = t.db.transaction().execute(async (tx) => {
      await recordAudit(tx, event('slow-1', new Date('2026-03-01T01:00:00Z')));
      recordedA();
      // The change goes on working after it recorded its event (a revision, outbox rows …).
      await held;
      await tx.selectFrom('users').select('id').limit(1).execute();
      await recordAudit(tx, event('slow-2', new Date('2026-03-01T01:00:01Z')));
    });
    await aRecorded;
    if (TEST_DIALECT === 'postgres') {
      // Committed while A is open: B did not wait for A's chain lock (A has not taken it yet).
      await t.db
        .transaction()
        .execute((tx) => recordAudit(tx, event('quick', new Date('2026-03-01T01:00:02Z'))));
      expect(await actions(t.db)).toEqual(['quick']);
      release();
      await a;
      expect(await actions(t.db)).toEqual(['quick', 'slow-1', 'slow-2']);
    } else {
      // SQLite has one writer: B waits for A's transaction whatever the audit does.
      release();
      await a;
      await t.db
        .transaction()
        .execute((tx) => recordAudit(tx, event('quick', new Date('2026-03-01T01:00:02Z'))));
      expect(await actions(t.db)).toEqual(['slow-1', 'slow-2', 'quick']);
    }
    const verified = await verifyAudit(t.db);
    expect({ ok: verified.ok, checked: verified.checked, problems: verified.problems }).toEqual({
      ok: true,
      checked: 3,
      problems: [],
    });
  });

  it('writes nothing of a change that fails after recording its event', async () => {
    const before = await actions(t.db);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await recordAudit(tx, event('rolled-back', new Date('2026-03-01T02:00:00Z')));
        throw new Error('the change is refused');
      }),
    ).rejects.toThrow('the change is refused');
    expect(await actions(t.db)).toEqual(before);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('runs before-commit work in order, in the transaction; a failing one rolls the change back', async () => {
    const ran: string[] = [];
    await t.db.transaction().execute(async (tx) => {
      beforeCommit(tx, async () => void ran.push('first'));
      beforeCommit(tx, async () => void ran.push('second'));
      ran.push('work');
    });
    expect(ran).toEqual(['work', 'first', 'second']);
    const before = await actions(t.db);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await recordAudit(tx, event('hook-fails', new Date('2026-03-01T03:00:00Z')));
        beforeCommit(tx, async () => {
          throw new Error('a last check refused it');
        });
      }),
    ).rejects.toThrow('a last check refused it');
    expect(await actions(t.db)).toEqual(before);
    expect(() => beforeCommit(t.db, async () => undefined)).toThrow(/transaction/);
  });
});
