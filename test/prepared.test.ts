import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared, preparedStats } from '../src/db/prepared.js';
import { createTestDb, type TestDb } from './helpers/db.js';

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
});
