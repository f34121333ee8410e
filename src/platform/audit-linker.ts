import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { dialectOf } from '../db/connect.js';
import {
  auditKeyOf,
  checkpointMac,
  CHAIN_COLUMNS,
  expectedHash,
  HEAD_CHECKPOINT,
  type Checkpoint,
} from './audit.js';

/*
 * The linker of the audit chain. `recordAudit` stores an event unlinked in its change's transaction; the
 * linker takes the chain's lock, reads the head, links the committed events not linked yet (oldest id first)
 * each to the one before it — its place `chain_seq`, `prev_hash`, and `hash`, the HMAC keyed with the audit
 * key over the stored fields and the predecessor's hash — and moves the signed checkpoint, in one
 * transaction. The worker runs it on every pass (about every second) in every worker process; on PostgreSQL
 * the lock makes them take turns, and only they wait for it, never a person's request.
 */

/** The advisory lock (PostgreSQL) held by whoever writes the chain's links and checkpoint. */
const CHAIN_LOCK = 727001;

/** Events linked per transaction (a linker that fell behind catches up in several). */
export const LINK_BATCH = 500;

/**
 * Runs `work` in a transaction that holds the chain: on PostgreSQL the advisory lock; on SQLite every
 * transaction holds the write lock from its start (see connect.ts), which is the chain's lock too.
 */
async function holdingChain<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(tx);
    return work(tx);
  });
}

/**
 * Links every committed event not linked yet; returns how many. Safe to run from several processes at once
 * and at any time: an event committed while it runs is linked by the next run.
 */
export async function linkAuditChain(db: Db, now: Date): Promise<number> {
  const key = auditKeyOf(db);
  let linked = 0;
  for (;;) {
    const n = await holdingChain(db, async (tx) => {
      const rows = await tx
        .selectFrom('audit_events')
        .select([...CHAIN_COLUMNS])
        .where('chain_seq', 'is', null)
        .orderBy('id')
        .limit(LINK_BATCH)
        .execute();
      if (rows.length === 0) return 0;
      const head = await chainHead(tx);
      let prev = head.headHash;
      let seq = head.eventCount;
      for (const row of rows) {
        seq++;
        const hash = expectedHash(key, { ...row, prev_hash: prev });
        await tx
          .updateTable('audit_events')
          .set({ chain_seq: seq, prev_hash: prev, hash })
          .where('id', '=', row.id)
          .execute();
        prev = hash;
      }
      await writeCheckpoint(tx, key, {
        eventCount: seq,
        lastEventId: rows[rows.length - 1]!.id,
        headHash: prev,
        now,
      });
      return rows.length;
    });
    linked += n;
    if (n < LINK_BATCH) return linked;
  }
}

/**
 * The chain's count and head: from the checkpoint, which names them (one read); without one (a database
 * from before migration 0012, or a fresh one) from the newest linked event.
 */
async function chainHead(tx: Db): Promise<{ eventCount: number; headHash: string | null }> {
  const cp = await tx
    .selectFrom('audit_checkpoints')
    .select(['event_count', 'head_hash'])
    .where('name', '=', HEAD_CHECKPOINT)
    .executeTakeFirst();
  if (cp) return { eventCount: Number(cp.event_count), headHash: cp.head_hash };
  const last = await lastLinked(tx);
  return { eventCount: last ? Number(last.chain_seq) : 0, headHash: last?.hash ?? null };
}

/** The newest linked event: the chain's head. */
function lastLinked(db: Db) {
  return db
    .selectFrom('audit_events')
    .select(['id', 'hash', 'chain_seq'])
    .where('chain_seq', 'is not', null)
    .orderBy('chain_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function writeCheckpoint(tx: Db, key: Buffer, c: Checkpoint & { now: Date }): Promise<void> {
  const values = {
    event_count: c.eventCount,
    last_event_id: c.lastEventId,
    head_hash: c.headHash,
    created_at: c.now.toISOString(),
    mac: checkpointMac(key, c),
  };
  await tx
    .insertInto('audit_checkpoints')
    .values({ name: HEAD_CHECKPOINT, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}

/**
 * Seals the chain as it is when no checkpoint exists yet (a database from before migration 0012 whose
 * unkeyed events were never followed by a keyed one): a first signed checkpoint of its count and head,
 * so deleting or rewriting those events is seen from then on. Run at start-up; does nothing otherwise.
 */
export async function sealAuditChain(db: Db, now: Date): Promise<boolean> {
  const key = auditKeyOf(db);
  return holdingChain(db, async (tx) => {
    const exists = await tx
      .selectFrom('audit_checkpoints')
      .select('name')
      .where('name', '=', HEAD_CHECKPOINT)
      .executeTakeFirst();
    if (exists) return false;
    const last = await lastLinked(tx);
    if (!last) return false;
    await writeCheckpoint(tx, key, {
      eventCount: Number(last.chain_seq),
      lastEventId: last.id,
      headHash: last.hash,
      now,
    });
    return true;
  });
}
