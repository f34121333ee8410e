import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared, preparedStats } from '../src/db/prepared.js';
import { namedStatementStats } from '../src/db/pg-named-statements.js';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';

/** A table of the test's own, outside the application's schema. */
type Probe = Kysely<{ prepared_probe: { id: number; label: string } }>;

/** Prepared queries (src/db/prepared.ts): built and compiled once per dialect, run many times. */
describe('prepared', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await sql`create table prepared_probe (id integer primary key, label text not null)`.execute(t.db);
  });
  afterAll(async () => t.drop());

  const insert = prepared((db, a: { id: number; label: string }) =>
    (db as unknown as Probe).insertInto('prepared_probe').values({ id: a.id, label: a.label }),
  );
  const byId = prepared((db, a: { id: number }) =>
    (db as unknown as Probe).selectFrom('prepared_probe').select(['id', 'label']).where('id', '=', a.id),
  );

  it('builds each query once and runs it with each call’s own arguments, inside a transaction too', async () => {
    const builds = preparedStats.builds;
    const runs = preparedStats.runs;
    for (let id = 1; id <= 3; id++) expect(await insert.run(t.db, { id, label: `baris ${id}` })).toBe(1);
    await t.db.transaction().execute(async (tx) => {
      await insert.run(tx, { id: 4, label: 'dalam transaksi' });
      expect(await byId.first(tx, { id: 4 })).toEqual({ id: 4, label: 'dalam transaksi' });
    });
    expect(await byId.all(t.db, { id: 2 })).toEqual([{ id: 2, label: 'baris 2' }]);
    expect(await byId.first(t.db, { id: 99 })).toBeUndefined();
    // Two queries, built once each; switched off (built per call), this would be seven.
    expect(preparedStats.builds - builds).toBe(2);
    expect(preparedStats.runs - runs).toBe(7);
  });

  it('on PostgreSQL runs them as named statements a connection prepares once; other queries stay unnamed', async () => {
    const named = namedStatementStats.runs;
    const onConnection = await t.db.transaction().execute(async (tx) => {
      // One transaction: one connection, so its prepared statements are the ones it made.
      for (let i = 0; i < 3; i++)
        expect(await byId.first(tx, { id: 1 })).toEqual({ id: 1, label: 'baris 1' });
      await sql`select label from prepared_probe where id = ${2}`.execute(tx);
      if (TEST_DIALECT !== 'postgres') return null;
      const r = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(tx);
      return r.rows.map((row) => row.statement);
    });
    if (TEST_DIALECT === 'postgres') {
      expect(namedStatementStats.runs - named).toBe(3);
      // byId once (three runs, one parse), and not the ad-hoc query.
      expect(
        onConnection!.filter((text) => text.startsWith('select') && text.includes('prepared_probe')),
      ).toEqual([expect.stringMatching(/^select "id", "label" from "prepared_probe" where "id" = \$1$/)]);
    } else {
      // SQLite has no named statements: its statement cache (db/connect.ts) keeps them prepared.
      expect(namedStatementStats.runs - named).toBe(0);
    }
  });
});
