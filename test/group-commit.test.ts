import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { groupCommitStats, groupTransaction } from '../src/db/group-commit.js';
import { createTestDb, type TestDb } from './helpers/db.js';

/** Group commit (src/db/group-commit.ts): works submitted together, on a real database of each dialect. */
describe('groupTransaction', () => {
  let t: TestDb;
  /** Counts the rows of `label` from another connection: what is committed, not what a transaction sees. */
  let committed: (label: string) => Promise<number>;
  let closeOther: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestDb();
    await sql`create table group_commit_probe (label text not null)`.execute(t.db);
    if (t.dialect === 'sqlite') {
      const other = new SQLite(t.url, { readonly: true });
      committed = async (label) =>
        (
          other.prepare('select count(*) as n from group_commit_probe where label = ?').get(label) as {
            n: number;
          }
        ).n;
      closeOther = async () => void other.close();
    } else {
      const other = new pg.Client({ connectionString: t.url });
      await other.connect();
      committed = async (label) =>
        Number(
          (await other.query('select count(*) as n from group_commit_probe where label = $1', [label]))
            .rows[0].n,
        );
      closeOther = () => other.end();
    }
  });
  afterAll(async () => {
    await closeOther();
    await t.drop();
  });
  beforeEach(async () => {
    await sql`delete from group_commit_probe`.execute(t.db);
  });

  /** A work that inserts a row labelled `label`, counting its runs, and throws after inserting if `fail`. */
  function probe(label: string, runs: Map<string, number>, fail = false) {
    return async (tx: Db) => {
      runs.set(label, (runs.get(label) ?? 0) + 1);
      await sql`insert into group_commit_probe (label) values (${label})`.execute(tx);
      if (fail) throw new Error(`refused ${label}`);
      return `${label} done`;
    };
  }

  it('resolves each work with its own result, only once its row is committed, each run once', async () => {
    const runs = new Map<string, number>();
    const seenCommitted: Record<string, number> = {};
    const labels = ['a', 'b', 'c', 'd'];
    const before = groupCommitStats(t.db);
    const results = await Promise.all(
      labels.map((l) =>
        groupTransaction(t.db, probe(l, runs)).then(async (r) => {
          seenCommitted[l] = await committed(l);
          return r;
        }),
      ),
    );
    expect(results).toEqual(['a done', 'b done', 'c done', 'd done']);
    expect(seenCommitted).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    expect(Object.fromEntries(runs)).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    // SQLite: the four in one transaction (switched off, four); PostgreSQL: one each.
    const after = groupCommitStats(t.db);
    expect(after.works - before.works).toBe(4);
    expect(after.transactions - before.transactions).toBe(t.dialect === 'sqlite' ? 1 : 4);
  });

  it('settles a failing work alone: its error, nothing of it saved; the others saved once', async () => {
    const runs = new Map<string, number>();
    const settled = await Promise.allSettled([
      groupTransaction(t.db, probe('ok1', runs)),
      groupTransaction(t.db, probe('bad', runs, true)),
      groupTransaction(t.db, probe('ok2', runs)),
    ]);
    expect(settled[0]).toEqual({ status: 'fulfilled', value: 'ok1 done' });
    expect(settled[1].status).toBe('rejected');
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('refused bad'));
    expect(settled[2]).toEqual({ status: 'fulfilled', value: 'ok2 done' });
    expect([await committed('ok1'), await committed('bad'), await committed('ok2')]).toEqual([1, 0, 1]);
    // SQLite ran them together up to the failure and rolled that back; then ok1 (it came first), "bad"
    // alone, and ok2. PostgreSQL runs each alone.
    expect(Object.fromEntries(runs)).toEqual(
      t.dialect === 'sqlite' ? { ok1: 2, bad: 2, ok2: 1 } : { ok1: 1, bad: 1, ok2: 1 },
    );
  });

  it('runs the others of a group once more together when its first work fails, not each alone', async () => {
    const runs = new Map<string, number>();
    let ok1CommittedWhenOk2Ran: number | null = null;
    const ok2 = probe('ok2', runs);
    const settled = await Promise.allSettled([
      groupTransaction(t.db, probe('bad', runs, true)),
      groupTransaction(t.db, probe('ok1', runs)),
      groupTransaction(t.db, async (tx) => {
        ok1CommittedWhenOk2Ran = await committed('ok1');
        return ok2(tx);
      }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect([await committed('bad'), await committed('ok1'), await committed('ok2')]).toEqual([0, 1, 1]);
    if (t.dialect === 'sqlite') {
      // The group stopped at "bad", which then ran alone; the two others ran once, in one transaction:
      // ok1's row was not yet committed when ok2 ran.
      expect(Object.fromEntries(runs)).toEqual({ bad: 2, ok1: 1, ok2: 1 });
      expect(ok1CommittedWhenOk2Ran).toBe(0);
    } else expect(Object.fromEntries(runs)).toEqual({ bad: 1, ok1: 1, ok2: 1 });
  });

  it('lets the earliest arrival win when two works of one group claim the same version (issue 10)', async () => {
    const runs = new Map<string, number>();
    await sql`create table if not exists group_commit_claim (version integer not null)`.execute(t.db);
    await sql`delete from group_commit_claim`.execute(t.db);
    await sql`insert into group_commit_claim (version) values (1)`.execute(t.db);
    // Like two tabs saving version 1: a conditional update, refused when the version has moved.
    const save = (label: string) => async (tx: Db) => {
      const r = await sql`update group_commit_claim set version = version + 1 where version = 1`.execute(tx);
      if (Number(r.numAffectedRows ?? 0) !== 1) throw new Error(`conflict ${label}`);
      return `${label} saved`;
    };
    const settled = await Promise.allSettled([
      groupTransaction(t.db, save('first')),
      groupTransaction(t.db, save('second')),
      groupTransaction(t.db, probe('other', runs)),
    ]);
    const version = await sql<{ version: number }>`select version from group_commit_claim`.execute(t.db);
    expect(Number(version.rows[0].version)).toBe(2);
    expect(settled[2]).toEqual({ status: 'fulfilled', value: 'other done' });
    if (t.dialect === 'sqlite') {
      // One group: the earlier save is decided first, as it would be one after the other.
      expect(settled[0]).toEqual({ status: 'fulfilled', value: 'first saved' });
      expect(settled[1].status).toBe('rejected');
      expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('conflict second'));
    } else {
      // A transaction each, concurrently: the row lock lets exactly one of them save.
      expect(
        settled
          .slice(0, 2)
          .map((x) => x.status)
          .sort(),
      ).toEqual(['fulfilled', 'rejected']);
    }
  });

  it('runs a work submitted while a group is being written in the next group', async () => {
    const runs = new Map<string, number>();
    const late: Promise<string>[] = [];
    const first = groupTransaction(t.db, async (tx) => {
      // Submitted from inside a running group: it must not join (or wait for) this transaction.
      late.push(groupTransaction(t.db, probe('late', runs)));
      return probe('early', runs)(tx);
    });
    expect(await first).toBe('early done');
    expect(await late[0]).toBe('late done');
    expect([await committed('early'), await committed('late')]).toEqual([1, 1]);
  });
});
