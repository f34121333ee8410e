import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.js';
import { recordAudit, setAuditKey, UNLINKED, type AuditInput } from '../src/platform/audit.js';
import { LINK_BATCH, linkAuditChain } from '../src/platform/audit-linker.js';
import { verifyAudit } from '../src/platform/audit-verify.js';
import { createTestDb, TEST_AUDIT_KEY, TEST_DIALECT, type TestDb } from './helpers/db.js';

/*
 * An audited change stores its event unlinked in its own transaction and takes no lock (platform/audit.ts);
 * the linker (platform/audit-linker.ts, run by the worker) links the committed events in the order it finds
 * them, under the chain's lock, and moves the signed checkpoint. The chain is read in link order
 * (chain_seq), which need not be the order of ids: a change that took its id first may commit last.
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

const at = new Date('2026-03-01T01:00:00Z');

/** The events in chain order, then the unlinked ones by id: [entity_id, chain_seq]. */
const chain = async (db: TestDb['db']) =>
  (
    await db
      .selectFrom('audit_events')
      .select(['entity_id', 'chain_seq', 'hash'])
      .orderBy('chain_seq')
      .orderBy('id')
      .execute()
  ).map((r) => [r.entity_id, r.chain_seq === null ? null : Number(r.chain_seq)] as const);

const verified = async (db: TestDb['db']) => {
  const v = await verifyAudit(db);
  return { ok: v.ok, checked: v.checked, problems: v.problems, unlinked: v.unlinked };
};

describe('the audit chain, linked after commit', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.drop());

  it('stores an event unlinked; the linker links it and moves the signed checkpoint; verify counts the unlinked', async () => {
    await t.db.transaction().execute((tx) => recordAudit(tx, event('first', at)));
    const stored = await t.db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
    expect({ hash: stored.hash, prev: stored.prev_hash, seq: stored.chain_seq }).toEqual({
      hash: UNLINKED,
      prev: null,
      seq: null,
    });
    expect(await verified(t.db)).toEqual({ ok: true, checked: 0, problems: [], unlinked: 1 });

    expect(await linkAuditChain(t.db, at)).toBe(1);
    expect(await chain(t.db)).toEqual([['first', 1]]);
    const cp = await t.db.selectFrom('audit_checkpoints').selectAll().executeTakeFirstOrThrow();
    const linked = await t.db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
    expect([Number(cp.event_count), cp.last_event_id, cp.head_hash]).toEqual([1, linked.id, linked.hash]);
    expect(linked.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verified(t.db)).toEqual({ ok: true, checked: 1, problems: [], unlinked: 0 });
    expect(await linkAuditChain(t.db, at)).toBe(0);
  });

  it('lets a second audited change commit while the first is still open; links in the order they committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let recordedA!: () => void;
    const aRecorded = new Promise<void>((r) => (recordedA = r));
    const a = t.db.transaction().execute(async (tx) => {
      await recordAudit(tx, event('slow-1', at));
      recordedA();
      await held;
      await recordAudit(tx, event('slow-2', at));
    });
    await aRecorded;
    if (TEST_DIALECT === 'postgres') {
      // B takes a later id than A's first event and commits while A is open: it did not wait for A.
      await t.db.transaction().execute((tx) => recordAudit(tx, event('quick', at)));
      // The linker sees what has committed: B, not A's events.
      expect(await linkAuditChain(t.db, at)).toBe(1);
      release();
      await a;
      expect(await linkAuditChain(t.db, at)).toBe(2);
      expect(await chain(t.db)).toEqual([
        ['first', 1],
        ['quick', 2],
        ['slow-1', 3],
        ['slow-2', 4],
      ]);
      const ids = await t.db.selectFrom('audit_events').select(['id', 'entity_id']).orderBy('id').execute();
      // In id order A's first event comes before B's: the chain's order is not the ids'.
      expect(ids.map((r) => r.entity_id)).toEqual(['first', 'slow-1', 'quick', 'slow-2']);
    } else {
      // SQLite has one writer: B waits for A's transaction whatever the audit does.
      release();
      await a;
      await t.db.transaction().execute((tx) => recordAudit(tx, event('quick', at)));
      expect(await linkAuditChain(t.db, at)).toBe(3);
      expect(await chain(t.db)).toEqual([
        ['first', 1],
        ['slow-1', 2],
        ['slow-2', 3],
        ['quick', 4],
      ]);
    }
    expect(await verified(t.db)).toEqual({ ok: true, checked: 4, problems: [], unlinked: 0 });
  });

  it('stores nothing of a change that fails after recording its event', async () => {
    const before = await chain(t.db);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await recordAudit(tx, event('rolled-back', at));
        throw new Error('the change is refused');
      }),
    ).rejects.toThrow('the change is refused');
    expect(await chain(t.db)).toEqual(before);
    expect(await linkAuditChain(t.db, at)).toBe(0);
  });

  it('links each event once when two linkers run at once, in batches', async () => {
    // On PostgreSQL a pool of its own, as another process has. On SQLite two linkers of one process share its
    // connection (better-sqlite3 waits for a lock synchronously, so a second connection in the same process
    // could only wait for itself); two processes on one SQLite file are scaled-mode.test.ts's closing race,
    // whose `sinovik worker` links while the test's own worker pass does.
    const other = TEST_DIALECT === 'postgres' ? connect(t.url, t.dialect) : t.db;
    if (other !== t.db) setAuditKey(other, TEST_AUDIT_KEY);
    try {
      const n = LINK_BATCH + 37;
      for (let i = 0; i < n; i += 100)
        await t.db.transaction().execute(async (tx) => {
          for (let j = i; j < Math.min(n, i + 100); j++) await recordAudit(tx, event(`bulk-${j}`, at));
        });
      const [x, y] = await Promise.all([linkAuditChain(t.db, at), linkAuditChain(other, at)]);
      expect(x + y).toBe(n);
      const seqs = (await chain(t.db)).map(([, seq]) => seq);
      expect(seqs).toEqual(Array.from({ length: 4 + n }, (_, i) => i + 1));
      expect(await verified(t.db)).toEqual({ ok: true, checked: 4 + n, problems: [], unlinked: 0 });
    } finally {
      if (other !== t.db) await other.destroy();
    }
  });

  it('finds an event edited after it was linked, and one moved in the chain', async () => {
    const row = await t.db
      .selectFrom('audit_events')
      .select(['id', 'summary'])
      .where('entity_id', '=', 'quick')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('audit_events')
      .set({ summary: '{"action":"edited"}' })
      .where('id', '=', row.id)
      .execute();
    const edited = await verifyAudit(t.db);
    expect({ ok: edited.ok, brokenAt: edited.brokenAt }).toEqual({ ok: false, brokenAt: row.id });
    await t.db.updateTable('audit_events').set({ summary: row.summary }).where('id', '=', row.id).execute();
    expect((await verifyAudit(t.db)).ok).toBe(true);

    // Swapping two events' places (their links stay): the later one no longer follows its predecessor.
    const [s2, s3] = await t.db
      .selectFrom('audit_events')
      .select(['id', 'chain_seq'])
      .where('chain_seq', 'in', [2, 3])
      .orderBy('chain_seq')
      .execute();
    await t.db.updateTable('audit_events').set({ chain_seq: -1 }).where('id', '=', s2!.id).execute();
    await t.db.updateTable('audit_events').set({ chain_seq: 2 }).where('id', '=', s3!.id).execute();
    await t.db.updateTable('audit_events').set({ chain_seq: 3 }).where('id', '=', s2!.id).execute();
    const swapped = await verifyAudit(t.db);
    expect({ ok: swapped.ok, brokenAt: swapped.brokenAt }).toEqual({ ok: false, brokenAt: s3!.id });
  });
});
