import { Migrator, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.js';
import { createTestDb, type TestDb } from './helpers/db.js';
import { makeUser } from './helpers/fixtures.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Migration 0019 drops the editor memory of migration 0011 (issue 10), and its down puts it back. */
describe('migration 0019: the editor memory is gone', () => {
  let t: TestDb;
  let migrator: Migrator;
  beforeAll(async () => {
    t = await createTestDb();
    migrator = new Migrator({ db: t.db, provider });
  });
  afterAll(async () => t.drop());

  const names = async () =>
    (await t.db.selectFrom('data_revisions').select('name').orderBy('name').execute()).map((r) => r.name);
  /** data_revisions('auth') (moved by the 0011 triggers), or undefined without the row. */
  const authRev = async () =>
    (
      await t.db
        .selectFrom('data_revisions')
        .select('rev')
        .where('name', '=', 'auth' as never)
        .executeTakeFirst()
    )?.rev;

  it('leaves no auth revision row and no trigger moving it; down puts both back, up drops them again', async () => {
    expect(await names()).toEqual(['awards']);
    expect((await migrator.migrateTo('2026_12_06_0018_amendments')).error).toBeUndefined();
    expect(await names()).toEqual(['auth', 'awards']);
    const before = await authRev();
    const user = await makeUser(t.db, { role: 'upp' });
    expect(await authRev()).not.toBe(before);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await names()).toEqual(['awards']);
    await t.db.deleteFrom('role_grants').where('user_id', '=', user.id).execute();
    await t.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute();
    expect(await authRev()).toBeUndefined();
    expect(await names()).toEqual(['awards']);
  });
});
