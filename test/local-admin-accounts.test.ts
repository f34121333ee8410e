import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  lastAudit,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';

/*
 * The admin lokal's accounts and units (issue 11): the one phone rule on the UPP account form, deactivating,
 * reactivating and moving a proposer account, removing a unit (refused with the reason while it holds
 * proposals or people). Another institution's user or unit does not exist for them (404).
 */
/** Inside the template's submission stage of KIPP 2026. */
const T1 = new Date('2026-04-01T03:00:00Z');

describe('the admin lokal manages proposer accounts and units', () => {
  let ctx: TestContext;
  let instA: { id: number; name: string };
  let unitA1: { id: number; name: string };
  let unitA2: { id: number; name: string };
  let unitB: { id: number; name: string };
  let adminA: string;
  let adminB: string;
  let uppAId: number;
  let uppACookie: string;
  let uppBId: number;
  let competitionId: number;

  const call = (cookie: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload: payload as object });
  const usersOfA = async () =>
    (await call(adminA, 'GET', `/institutions/${instA.id}/users`)).json().items as {
      id: number;
      active: boolean;
      unitId: number;
      phone: string | null;
    }[];
  const mailsTo = async (email: string) =>
    ctx.db
      .selectFrom('outbox')
      .select(['template', 'text_body'])
      .where('to_address', '=', email)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(T1);
    instA = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Akun Alfa' });
    const instB = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Akun Beta' });
    unitA1 = await makeUnit(ctx.db, instA.id, 'Dinas Kesehatan Alfa');
    unitA2 = await makeUnit(ctx.db, instA.id, 'Dinas Pendidikan Alfa');
    unitB = await makeUnit(ctx.db, instB.id, 'Dinas Kesehatan Beta');
    const a = await makeUser(ctx.db, { role: 'local_admin', institutionId: instA.id, name: 'Admin Alfa' });
    adminA = await sessionCookie(ctx, a.id);
    const b = await makeUser(ctx.db, { role: 'local_admin', institutionId: instB.id });
    adminB = await sessionCookie(ctx, b.id);
    const uppA = await makeUser(ctx.db, { role: 'upp', institutionId: instA.id, unitId: unitA1.id });
    uppAId = uppA.id;
    uppACookie = await sessionCookie(ctx, uppA.id);
    uppBId = (await makeUser(ctx.db, { role: 'upp', institutionId: instB.id, unitId: unitB.id })).id;
    competitionId = (await publishedKipp(ctx.db, { organizerName: 'Kementerian Akun', now: T1 }))
      .competitionId;
  });
  afterAll(() => ctx.close());

  it('accepts "0812 7777 0001" on the UPP account form and stores it as +6281277770001', async () => {
    const res = await call(adminA, 'POST', `/institutions/${instA.id}/users`, {
      email: 'telepon@alfa.go.id',
      name: 'Pengusul Bertelepon',
      unitId: unitA1.id,
      phone: '0812 7777 0001',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.phone).toBe('+6281277770001');
    const refused = await call(adminA, 'POST', `/institutions/${instA.id}/users`, {
      email: 'telepon2@alfa.go.id',
      name: 'Pengusul Kedua',
      unitId: unitA1.id,
      phone: '0812-abc',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.phone).toMatchObject({
      code: 'invalid_format',
      message: { id: 'Tulis nomor telepon Indonesia, mis. 0812 3456 7890 atau +62 812 3456 7890.' },
    });
  });

  it('deactivates a proposer: its session ends at once, audited, the person is told; the list says so', async () => {
    expect((await call(uppACookie, 'GET', '/auth/me')).json().user?.id).toBe(uppAId);
    const res = await call(adminA, 'POST', `/users/${uppAId}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: uppAId, active: false, unitId: unitA1.id });
    expect((await call(uppACookie, 'GET', '/auth/me')).json().user).toBeNull();
    expect((await call(uppACookie, 'GET', '/proposals')).statusCode).toBe(401);
    const audit = await lastAudit(ctx.db);
    expect(audit).toMatchObject({
      action: 'user.deactivated',
      entity_id: String(uppAId),
      institution_id: instA.id,
    });
    expect(JSON.parse(audit.summary)).toMatchObject({ sessionsEnded: 1, unitId: unitA1.id });
    const user = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', uppAId)
      .executeTakeFirstOrThrow();
    const mail = (await mailsTo(user.email)).find((m) => m.template === 'user_deactivated');
    // Whom to ask is the admin lokal who acted, not a system administrator the UPP never meets.
    expect(mail?.text_body).toContain('hubungi Admin Lokal instansi Anda');
    expect(mail?.text_body).not.toContain('administrator sistem');
    expect((await usersOfA()).find((u) => u.id === uppAId)?.active).toBe(false);
    const again = await call(adminA, 'POST', `/users/${uppAId}/deactivate`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'user_already_inactive']);
  });

  it('reactivates the proposer, audited; refuses an active account (409)', async () => {
    const res = await call(adminA, 'POST', `/users/${uppAId}/reactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.active).toBe(true);
    expect((await lastAudit(ctx.db)).action).toBe('user.reactivated');
    const again = await call(adminA, 'POST', `/users/${uppAId}/reactivate`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'user_already_active']);
  });

  it('moves a proposer to another unit of the institution, audited before and after', async () => {
    const res = await call(adminA, 'POST', `/users/${uppAId}/unit`, { unitId: unitA2.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ unitId: unitA2.id, unitName: 'Dinas Pendidikan Alfa' });
    const audit = await lastAudit(ctx.db);
    expect(audit.action).toBe('user.unit_changed');
    expect(JSON.parse(audit.summary)).toMatchObject({
      before: { unitId: unitA1.id },
      after: { unitId: unitA2.id, unitName: 'Dinas Pendidikan Alfa' },
    });
    const same = await call(adminA, 'POST', `/users/${uppAId}/unit`, { unitId: unitA2.id });
    expect([same.statusCode, same.json().error.code]).toEqual([409, 'already_in_unit']);
    const other = await call(adminA, 'POST', `/users/${uppAId}/unit`, { unitId: unitB.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields.unitId.code).toBe('unit_not_in_institution');
    expect((await usersOfA()).find((u) => u.id === uppAId)?.unitId).toBe(unitA2.id);
  });

  it("answers 404 to the admin lokal of B for A's proposer, and to A for B's; a proposer is refused too", async () => {
    const before = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    for (const [cookie, id] of [
      [adminB, uppAId],
      [adminA, uppBId],
    ] as const) {
      for (const [path, body] of [
        ['deactivate', undefined],
        ['reactivate', undefined],
        ['unit', { unitId: unitA1.id }],
      ] as const)
        expect([path, (await call(cookie, 'POST', `/users/${id}/${path}`, body)).statusCode]).toEqual([
          path,
          404,
        ]);
    }
    const fromUpp = await call(uppACookie, 'POST', `/users/${uppBId}/deactivate`);
    expect(fromUpp.statusCode).toBe(401); // the proposer's session ended at its deactivation
    const freshUpp = await makeUser(ctx.db, { role: 'upp', institutionId: instA.id, unitId: unitA1.id });
    const freshCookie = await sessionCookie(ctx, freshUpp.id);
    expect((await call(freshCookie, 'POST', `/users/${uppAId}/deactivate`)).statusCode).toBe(404);
    const after = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(after?.id).toBe(before?.id);
  });

  it('refuses removing a unit that holds people, saying to move them first; removes it once empty', async () => {
    const refused = await call(adminA, 'DELETE', `/units/${unitA2.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'unit_in_use',
      holdings: { proposals: 0, users: 1, subunits: 0 },
      message: {
        id: 'Unit ini tidak dapat dihapus: memiliki 1 akun pengusul (pindahkan dulu ke unit lain).',
      },
    });
    expect((await call(adminA, 'POST', `/users/${uppAId}/unit`, { unitId: unitA1.id })).statusCode).toBe(200);
    const removed = await call(adminA, 'DELETE', `/units/${unitA2.id}`);
    expect(removed.statusCode).toBe(204);
    expect(
      await ctx.db.selectFrom('units').select('id').where('id', '=', unitA2.id).executeTakeFirst(),
    ).toBeUndefined();
    const audit = await lastAudit(ctx.db);
    expect(audit).toMatchObject({ action: 'unit.removed', entity_id: String(unitA2.id) });
    expect(JSON.parse(audit.summary).before).toMatchObject({ name: 'Dinas Pendidikan Alfa' });
  });

  it('refuses removing a unit that holds proposals, whatever their state', async () => {
    const unit = await makeUnit(ctx.db, instA.id, 'Dinas Usulan Alfa');
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: instA.id, unitId: unit.id });
    const created = await call(
      await sessionCookie(ctx, upp.id),
      'POST',
      `/competitions/${competitionId}/proposals`,
      {
        groupKey: 'umum',
        title: 'Inovasi yang menahan unit',
      },
    );
    expect(created.statusCode).toBe(201);
    expect((await call(adminA, 'POST', `/users/${upp.id}/unit`, { unitId: unitA1.id })).statusCode).toBe(200);
    const refused = await call(adminA, 'DELETE', `/units/${unit.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.holdings).toEqual({ proposals: 1, users: 0, subunits: 0 });
    expect(refused.json().error.message.id).toContain('memiliki 1 usulan');
  });

  it('answers 404 when the admin lokal of B removes a unit of A; nothing is removed', async () => {
    const unit = await makeUnit(ctx.db, instA.id, 'Dinas Kosong Alfa');
    expect((await call(adminB, 'DELETE', `/units/${unit.id}`)).statusCode).toBe(404);
    expect(
      await ctx.db.selectFrom('units').select('id').where('id', '=', unit.id).executeTakeFirst(),
    ).toBeDefined();
  });
});
