import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdminsOf, recipientsWithRole } from '../src/platform/notify.js';
import { createTestDb, type TestDb } from './helpers/db.js';
import { makeInstitution, makeUnit, makeUser } from './helpers/fixtures.js';

/*
 * The one query that finds whom a change is told to (platform/notify.ts): the proposal commands, the
 * invitations, the deadlines and the admin lokal account requests all ask it.
 */
describe('recipients with a role', () => {
  let t: TestDb;
  const ids: Record<string, number> = {};
  let A: number;
  let B: number;
  let unitA1: number;

  beforeAll(async () => {
    t = await createTestDb();
    A = (await makeInstitution(t.db)).id;
    B = (await makeInstitution(t.db)).id;
    unitA1 = (await makeUnit(t.db, A)).id;
    const unitA2 = (await makeUnit(t.db, A)).id;
    ids.adminA = (await makeUser(t.db, { role: 'local_admin', institutionId: A })).id;
    ids.adminB = (await makeUser(t.db, { role: 'local_admin', institutionId: B })).id;
    ids.inactiveAdminA = (await makeUser(t.db, { role: 'local_admin', institutionId: A })).id;
    await t.db.updateTable('users').set({ is_active: 0 }).where('id', '=', ids.inactiveAdminA).execute();
    ids.uppA1 = (await makeUser(t.db, { role: 'upp', institutionId: A, unitId: unitA1 })).id;
    ids.uppA2 = (await makeUser(t.db, { role: 'upp', institutionId: A, unitId: unitA2 })).id;
    ids.secretariatA = (await makeUser(t.db, { role: 'secretariat', institutionId: A })).id;
    ids.admin = (await makeUser(t.db, { role: 'system_admin' })).id;
    ids.steward = (await makeUser(t.db, { role: 'data_steward' })).id;
    // The admin lokal of A is granted the role for A twice and for B once: still one person.
    const now = new Date().toISOString();
    for (const institutionId of [A, B])
      await t.db
        .insertInto('role_grants')
        .values({
          user_id: ids.adminA,
          role: 'local_admin',
          institution_id: institutionId,
          unit_id: null,
          competition_id: null,
          granted_by: null,
          created_at: now,
        })
        .execute();
  });
  afterAll(async () => t.drop());

  const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id);

  it("finds the active holders of a role in an institution, each once, in id order (not another's, not a deactivated account)", async () => {
    const rows = await recipientsWithRole(t.db, { role: 'local_admin', institutionId: A });
    expect(idsOf(rows)).toEqual([ids.adminA]);
    expect(rows[0]).toEqual({
      id: ids.adminA,
      email: expect.stringContaining('@'),
      name: expect.any(String),
      locale: 'id',
    });
    expect(idsOf(await recipientsWithRole(t.db, { role: 'local_admin', institutionId: B }))).toEqual([
      ids.adminA,
      ids.adminB,
    ]);
  });

  it('narrows to one unit when the unit is given', async () => {
    expect(idsOf(await recipientsWithRole(t.db, { role: 'upp', institutionId: A }))).toEqual([
      ids.uppA1,
      ids.uppA2,
    ]);
    expect(idsOf(await recipientsWithRole(t.db, { role: 'upp', institutionId: A, unitId: unitA1 }))).toEqual([
      ids.uppA1,
    ]);
  });

  it('with several roles and no scope: every active holder anywhere, each once', async () => {
    expect(idsOf(await recipientsWithRole(t.db, { role: ['local_admin', 'upp'] }))).toEqual(
      [ids.adminA, ids.adminB, ids.uppA1, ids.uppA2].sort((a, b) => a - b),
    );
  });

  it('with a null scope: only grants for the whole installation', async () => {
    const installation = { institutionId: null, unitId: null, competitionId: null };
    expect(
      idsOf(
        await recipientsWithRole(t.db, {
          role: ['system_admin', 'data_steward', 'secretariat'],
          ...installation,
        }),
      ),
    ).toEqual([ids.admin, ids.steward]);
    expect(await recipientsWithRole(t.db, { role: [], ...installation })).toEqual([]);
  });

  it('names the admin lokal of each institution with the institution, one row per person and institution', async () => {
    const rows = await localAdminsOf(t.db, [A, B]);
    expect(rows.map((r) => [r.id, r.institutionId]).sort((x, y) => x[0] - y[0] || x[1] - y[1])).toEqual(
      [
        [ids.adminA, A],
        [ids.adminA, B],
        [ids.adminB, B],
      ].sort((x, y) => x[0] - y[0] || x[1] - y[1]),
    );
    expect(await localAdminsOf(t.db, [])).toEqual([]);
  });
});
