import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, poolStats } from '../src/db/connect.js';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';

/* DATABASE_POOL_SIZE (config.ts) reaches the PostgreSQL pool of the process (db/connect.ts). */
describe('the database pool size', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.drop());

  it('opens at most poolSize PostgreSQL connections; queries beyond them wait for one (SQLite: one connection, no pool)', async () => {
    const db = connect(t.url, t.dialect, { poolSize: 2 });
    try {
      let seen = { total: 0, waiting: 0 };
      const slow = Array.from({ length: 5 }, () =>
        TEST_DIALECT === 'postgres' ? sql`select pg_sleep(0.1)`.execute(db) : sql`select 1`.execute(db),
      );
      await new Promise((r) => setTimeout(r, 30));
      const s = poolStats(db);
      if (s) seen = { total: s.total, waiting: s.waiting };
      await Promise.all(slow);
      if (TEST_DIALECT === 'postgres') expect(seen).toEqual({ total: 2, waiting: 3 });
      else expect(poolStats(db)).toBeNull();
    } finally {
      await db.destroy();
    }
  });
});
