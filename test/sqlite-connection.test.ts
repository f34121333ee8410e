import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, withStatementCache } from '../src/db/connect.js';

/** The prepared-statement cache of the SQLite connection (src/db/connect.ts). */
describe('SQLite statement cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-stmt-'));
  const database = new SQLite(path.join(dir, 'cache.sqlite'));
  afterAll(() => {
    database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hands back the same prepared statement for the same SQL, which runs again with new parameters', () => {
    const db = withStatementCache(database, 3);
    db.prepare('create table t (id integer primary key, v text)').run([]);
    const insert = db.prepare('insert into t (v) values (?)');
    insert.run(['a']);
    expect(db.prepare('insert into t (v) values (?)')).toBe(insert);
    db.prepare('insert into t (v) values (?)').run(['b']);
    expect(db.prepare('select v from t order by id').all([])).toEqual([{ v: 'a' }, { v: 'b' }]);
  });

  it('keeps at most `max` statements, dropping the least recently used, and still runs dropped SQL', () => {
    const db = withStatementCache(database, 2);
    const one = db.prepare('select 1 as n');
    const two = db.prepare('select 2 as n');
    expect(db.prepare('select 1 as n')).toBe(one);
    db.prepare('select 3 as n');
    // "select 2" was the least recently used of the two kept, so it was prepared anew.
    expect(db.prepare('select 1 as n')).toBe(one);
    const twoAgain = db.prepare('select 2 as n');
    expect(twoAgain).not.toBe(two);
    expect(twoAgain.all([])).toEqual([{ n: 2 }]);
  });
});

/** Transactions on one SQLite file shared with another process (a `sinovik worker` beside the web process). */
describe('SQLite transactions beside another process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-tx-'));
  const file = path.join(dir, 'shared.sqlite');
  const db = connect(file, 'sqlite');
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Another OS process inserts one row (waiting up to 5 s for the write lock); resolves with its exit code. */
  const otherProcessInserts = (v: string) => {
    const script = `const D = require('better-sqlite3'); const d = new D(process.argv[1]);
      d.pragma('busy_timeout = 5000'); d.prepare('insert into t (v) values (?)').run(process.argv[2]);`;
    const child = spawn(process.execPath, ['-e', script, file, v], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise<{ code: number | null; stderr: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, stderr })),
    );
  };

  it('lets a transaction that reads, then writes, commit while another process writes meanwhile', async () => {
    await sql`create table t (id integer primary key, v text)`.execute(db);
    await sql`insert into t (v) values ('first')`.execute(db);
    let other: Promise<{ code: number | null; stderr: string }> | undefined;
    await db.transaction().execute(async (tx) => {
      const before = await sql<{ n: number }>`select count(*) as n from t`.execute(tx);
      expect(before.rows[0].n).toBe(1);
      // The other process tries to write now; give it up to a second (deferred, it would commit at once
      // and this transaction's write below would fail with "database is locked").
      other = otherProcessInserts('other');
      await Promise.race([other, new Promise((r) => setTimeout(r, 1000))]);
      await sql`insert into t (v) values (${'mine'})`.execute(tx);
    });
    // It waited for this transaction's lock, then wrote its row.
    expect(await other).toEqual({ code: 0, stderr: '' });
    const rows = await sql<{ v: string }>`select v from t order by id`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(['first', 'mine', 'other']);
  });
});
