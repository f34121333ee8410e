import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { withStatementCache } from '../src/db/connect.js';

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
