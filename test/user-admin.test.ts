import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUserDetail, AdminUserListResponse } from '../src/contracts/user-admin.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  login,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { startSmtpCapture } from './helpers/smtp.js';

/** Inside the KIPP 2026 template's submission window. */
const NOW = new Date('2026-04-01T03:00:00.000Z');

describe('users and roles managed by the system administrator', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let adminId: number;
  let admin: string;
  const cookie: Record<string, string> = {};
  let organizer: { id: number; name: string };
  let province: { id: number; name: string };
  let unit: { id: number; name: string };
  let otherUnit: { id: number; name: string };
  let competitionId: number;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    ctx = await createTestApp({ smtpUrl: smtp.url });
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Pengguna', now: NOW });
    organizer = kipp.organizer;
    competitionId = kipp.competitionId;
    province = await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Kalimantan Timur Uji',
    });
    unit = await makeUnit(ctx.db, province.id, 'Dinas Kesehatan Kaltim Uji');
    const elsewhere = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Lain Uji' });
    otherUnit = await makeUnit(ctx.db, elsewhere.id, 'Dinas Lain Uji');
    const a = await makeUser(ctx.db, {
      role: 'system_admin',
      name: 'Admin Sistem Uji',
      email: 'admin@sinovik.go.id',
    });
    adminId = a.id;
    admin = await sessionCookie(ctx, a.id);
    cookie.secretariat = await sessionCookie(ctx, kipp.secretariat.id);
    cookie.localAdmin = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'local_admin', institutionId: province.id })).id,
    );
    cookie.upp = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'upp', institutionId: province.id, unitId: unit.id })).id,
    );
    cookie.evaluator = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'evaluator' })).id);
    cookie.steward = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'data_steward' })).id);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  const call = (c: string | undefined, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: c ? { cookie: c } : {}, payload });
  const audits = (action: string, userId: number) =>
    ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .where('entity_id', '=', String(userId))
      .orderBy('id')
      .execute();
  const outboxTo = (email: string) =>
    ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', email).orderBy('id').execute();

  async function createEvaluator(email: string, name: string) {
    const res = await call(admin, 'POST', '/admin/users', {
      email,
      name,
      role: 'evaluator',
      competitionId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as AdminUserDetail;
  }

  it('creates an evaluator for a competition: invitation mailed, the link never in the answer, audited', async () => {
    const res = await call(admin, 'POST', '/admin/users', {
      email: ' Evaluator.Satu@Uji.go.id ',
      name: 'Evaluator Satu',
      role: 'evaluator',
      competitionId,
      institutionId: '',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toMatch(/token|atur-sandi/i);
    const body = res.json() as AdminUserDetail;
    expect(body.user).toMatchObject({
      email: 'evaluator.satu@uji.go.id',
      name: 'Evaluator Satu',
      active: true,
      invitationPending: true,
      mustCompleteProfile: true,
    });
    expect(body.grants).toEqual([
      expect.objectContaining({
        role: 'evaluator',
        institution: null,
        unit: null,
        competition: { id: competitionId, name: 'Kompetisi Inovasi Pelayanan Publik 2026' },
        grantedBy: { id: adminId, name: 'Admin Sistem Uji' },
        abilities: { revoke: true },
      }),
    ]);
    expect(body.abilities).toEqual({
      grant: true,
      deactivate: true,
      reactivate: false,
      resendInvitation: true,
      erase: true,
    });

    const [audit] = await audits('user.created', body.user.id);
    expect(audit.actor_user_id).toBe(adminId);
    expect(JSON.parse(audit.summary)).toMatchObject({
      actor: { id: adminId, name: 'Admin Sistem Uji' },
      target: { id: body.user.id, email: 'evaluator.satu@uji.go.id' },
      role: 'evaluator',
      scope: { competitionId, institutionId: null, unitId: null },
    });

    expect(await ctx.deliverMail()).toMatchObject({ failed: 0 });
    const mail = await smtp.waitFor((m) => m.to.includes('evaluator.satu@uji.go.id'));
    expect(mail.subject).toBe('Akun Sinovik Anda telah dibuat');
    expect(mail.text).toContain(
      'Admin Sistem Uji telah membuatkan akun Sinovik untuk Anda sebagai Tim Evaluasi',
    );
    const link = /(\S+\/atur-sandi\?token=(\S+))/.exec(mail.text);
    expect(link).not.toBeNull();
    // The link works: the person sets a password and is in.
    const token = decodeURIComponent(new URL(link![1]).searchParams.get('token')!);
    const set = await call(undefined, 'POST', '/auth/password-reset/confirm', {
      token,
      newPassword: 'Evaluasi-Kuat-Sandi-2026!',
    });
    expect(set.statusCode, set.body).toBe(200);
  });

  it('mails a new invitation to an account without a password: earlier links die, never in the answer', async () => {
    const created = await createEvaluator('ulang@uji.go.id', 'Undangan Ulang');
    const first = await ctx.db
      .selectFrom('password_tokens')
      .select(['id', 'used_at'])
      .where('user_id', '=', created.user.id)
      .execute();
    expect(first).toEqual([{ id: expect.any(Number), used_at: null }]);
    const res = await call(admin, 'POST', `/admin/users/${created.user.id}/resend-invitation`);
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json())).toEqual(['expiresAt']);
    const tokens = await ctx.db
      .selectFrom('password_tokens')
      .select(['id', 'used_at'])
      .where('user_id', '=', created.user.id)
      .orderBy('id')
      .execute();
    expect(tokens).toHaveLength(2);
    expect(tokens[0].used_at).not.toBeNull();
    expect(tokens[1].used_at).toBeNull();
    expect((await outboxTo('ulang@uji.go.id')).map((m) => m.template)).toEqual([
      'account_created',
      'account_created',
    ]);
    expect(await audits('user.invitation_resent', created.user.id)).toHaveLength(1);
    // An account in use has no invitation to resend.
    const inUse = await call(admin, 'POST', `/admin/users/${adminId}/resend-invitation`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('password_already_set');
  });

  it('refuses a wrong scope with a bilingual message on the field (400), creating nothing', async () => {
    const before = await ctx.db.selectFrom('users').select('id').execute();
    const noInstitution = await call(admin, 'POST', '/admin/users', {
      email: 'sekretariat.baru@uji.go.id',
      name: 'Sekretariat Baru',
      role: 'secretariat',
    });
    expect(noInstitution.statusCode).toBe(400);
    expect(noInstitution.json().error.fields.institutionId).toEqual({
      code: 'scope_required',
      message: {
        id: 'Peran Sekretariat memerlukan instansi.',
        en: 'The role Secretariat needs an institution.',
      },
    });
    const adminWithScope = await call(admin, 'POST', '/admin/users', {
      email: 'admin.baru@uji.go.id',
      name: 'Admin Baru',
      role: 'system_admin',
      institutionId: province.id,
    });
    expect(adminWithScope.statusCode).toBe(400);
    expect(adminWithScope.json().error.fields.institutionId.code).toBe('scope_not_allowed');
    const wrongUnit = await call(admin, 'POST', '/admin/users', {
      email: 'upp.baru@uji.go.id',
      name: 'UPP Baru',
      role: 'upp',
      institutionId: province.id,
      unitId: otherUnit.id,
    });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.fields.unitId.code).toBe('unit_not_in_institution');
    const noCompetition = await call(admin, 'POST', '/admin/users', {
      email: 'panel.baru@uji.go.id',
      name: 'Panel Baru',
      role: 'panelist',
      competitionId: 999999,
    });
    expect(noCompetition.statusCode).toBe(400);
    expect(noCompetition.json().error.fields.competitionId.code).toBe('scope_not_found');
    const badRole = await call(admin, 'POST', '/admin/users', {
      email: 'raja@uji.go.id',
      name: 'Raja',
      role: 'raja',
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.fields.role).toBeDefined();
    const taken = await call(admin, 'POST', '/admin/users', {
      email: 'EVALUATOR.SATU@uji.go.id',
      name: 'Lagi',
      role: 'evaluator',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('email_taken');
    expect(await ctx.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });

  it('lists users paged, searched by name, e-mail or institution, filtered by role and status', async () => {
    for (let i = 1; i <= 3; i++) await createEvaluator(`cari.${i}@uji.go.id`, `Penilai Cari ${i}`);
    const page1 = await call(admin, 'GET', '/admin/users?q=penilai%20cari&pageSize=2&page=1');
    expect(page1.statusCode).toBe(200);
    const list = page1.json() as AdminUserListResponse;
    expect(list.total).toBe(3);
    expect(list.items.map((u) => u.name)).toEqual(['Penilai Cari 1', 'Penilai Cari 2']);
    expect(list.abilities).toEqual({ create: true });
    const page2 = (await call(admin, 'GET', '/admin/users?q=penilai%20cari&pageSize=2&page=2')).json();
    expect(page2.items.map((u: { name: string }) => u.name)).toEqual(['Penilai Cari 3']);

    const byInstitution = (await call(admin, 'GET', '/admin/users?q=kalimantan%20timur')).json();
    expect(byInstitution.items.map((u: { grants: { role: string }[] }) => u.grants[0].role).sort()).toEqual([
      'local_admin',
      'upp',
    ]);
    expect(byInstitution.items[0].grants[0].institution).toEqual({ id: province.id, name: province.name });
    const byEmail = (await call(admin, 'GET', '/admin/users?q=cari.2@uji')).json();
    expect(byEmail.items.map((u: { email: string }) => u.email)).toEqual(['cari.2@uji.go.id']);
    const stewards = (await call(admin, 'GET', '/admin/users?role=data_steward')).json();
    expect(stewards.total).toBe(1);
    const inactive = (await call(admin, 'GET', '/admin/users?status=inactive')).json();
    expect(inactive.total).toBe(0);
    const bad = await call(admin, 'GET', '/admin/users?status=maybe&pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['pageSize', 'status']);
  });

  it('grants a secretariat role for an organizer: mailed, notified, audited; the new grant counts at once', async () => {
    const person = await makeUser(ctx.db, {
      role: 'evaluator',
      name: 'Calon Sekretariat',
      email: 'calon.sek@uji.go.id',
    });
    const personCookie = await login(ctx.app, person.email);
    const before = (await call(personCookie, 'GET', '/auth/me')).json().user.abilities;
    expect(before.createCompetition).toBe(false);

    const res = await call(admin, 'POST', `/admin/users/${person.id}/grants`, {
      role: 'secretariat',
      institutionId: organizer.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as AdminUserDetail;
    expect(body.grants.map((g) => [g.role, g.institution?.id ?? null])).toEqual([
      ['evaluator', null],
      ['secretariat', organizer.id],
    ]);
    const after = (await call(personCookie, 'GET', '/auth/me')).json().user.abilities;
    expect(after.organizerInstitutionIds).toEqual([organizer.id]);

    const [audit] = await audits('user.role_granted', person.id);
    expect(JSON.parse(audit.summary)).toMatchObject({
      actor: { id: adminId, name: 'Admin Sistem Uji' },
      target: { id: person.id, email: 'calon.sek@uji.go.id', name: 'Calon Sekretariat' },
      role: 'secretariat',
      scope: { institutionId: organizer.id, institutionName: organizer.name },
    });
    const [mail] = await outboxTo('calon.sek@uji.go.id');
    expect(mail.template).toBe('user_role_granted');
    expect(mail.subject).toBe('Peran baru di Sinovik: Sekretariat');
    expect(mail.text_body).toContain(
      `Admin Sistem Uji memberi akun Sinovik Anda (calon.sek@uji.go.id) peran Sekretariat untuk ${organizer.name}.`,
    );
    const note = await ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(note.kind).toBe('user.role_granted');

    const again = await call(admin, 'POST', `/admin/users/${person.id}/grants`, {
      role: 'secretariat',
      institutionId: organizer.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('grant_exists');
    const upp = await call(admin, 'POST', `/admin/users/${person.id}/grants`, { role: 'upp' });
    expect(upp.statusCode).toBe(400);
    expect(upp.json().error.fields.unitId.code).toBe('scope_required');
    const missing = await call(admin, 'POST', `/admin/users/999999/grants`, { role: 'data_steward' });
    expect(missing.statusCode).toBe(404);
  });

  it('revokes a grant: the access ends on the next request, the person is told, audited', async () => {
    const person = await makeUser(ctx.db, {
      role: 'secretariat',
      institutionId: organizer.id,
      email: 'dicabut@uji.go.id',
    });
    const personCookie = await sessionCookie(ctx, person.id);
    expect((await call(personCookie, 'GET', '/audit')).statusCode).toBe(200);
    const grant = (await call(admin, 'GET', `/admin/users/${person.id}`)).json().grants[0];
    const res = await call(admin, 'DELETE', `/admin/users/${person.id}/grants/${grant.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().grants).toEqual([]);
    expect((await call(personCookie, 'GET', '/audit')).statusCode).toBe(403);

    const [audit] = await audits('user.role_revoked', person.id);
    expect(JSON.parse(audit.summary)).toMatchObject({
      actor: { id: adminId },
      target: { id: person.id, email: 'dicabut@uji.go.id' },
      grantId: grant.id,
      role: 'secretariat',
      scope: { institutionId: organizer.id, institutionName: organizer.name },
    });
    const [mail] = await outboxTo('dicabut@uji.go.id');
    expect(mail.template).toBe('user_role_revoked');
    expect(mail.text_body).toContain(`mencabut peran Sekretariat untuk ${organizer.name}`);
    expect(mail.text_body).toMatch(/pada .+ WIB\./);
    const gone = await call(admin, 'DELETE', `/admin/users/${person.id}/grants/${grant.id}`);
    expect(gone.statusCode).toBe(404);
  });

  it('deactivates a user: the open session answers 401 at once, the autosave too; mailed, audited', async () => {
    const upp = await makeUser(ctx.db, {
      role: 'upp',
      institutionId: province.id,
      unitId: unit.id,
      email: 'upp.nonaktif@uji.go.id',
    });
    const uppCookie = await sessionCookie(ctx, upp.id);
    const created = await call(uppCookie, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title: 'Layanan Yang Akan Dihentikan',
    });
    expect(created.statusCode, created.body).toBe(201);
    let version = created.json().version as number;
    const proposalId = created.json().id as number;
    // Two autosaves before the deactivation.
    for (const acronym of ['SATU', 'DUA']) {
      const res = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/proposals/${proposalId}`,
        headers: { cookie: uppCookie },
        payload: { version, acronym },
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const secondSession = await sessionCookie(ctx, upp.id);

    const res = await call(admin, 'POST', `/admin/users/${upp.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.active).toBe(false);
    expect(res.json().abilities).toEqual({
      grant: true,
      deactivate: false,
      reactivate: true,
      resendInvitation: false,
      erase: true,
    });

    const autosave = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/proposals/${proposalId}`,
      headers: { cookie: uppCookie },
      payload: { version, acronym: 'TIGA' },
    });
    expect(autosave.statusCode).toBe(401);
    expect((await call(secondSession, 'GET', '/proposals')).statusCode).toBe(401);
    expect(await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', upp.id).execute()).toEqual(
      [],
    );
    const relogin = await call(undefined, 'POST', '/auth/login', {
      email: upp.email,
      password: 'Uji-Coba-Sandi-2026',
    });
    expect(relogin.statusCode).toBe(401);

    const [audit] = await audits('user.deactivated', upp.id);
    expect(JSON.parse(audit.summary)).toMatchObject({
      actor: { id: adminId, name: 'Admin Sistem Uji' },
      target: { id: upp.id, email: 'upp.nonaktif@uji.go.id' },
      sessionsEnded: 2,
    });
    const [mail] = await outboxTo('upp.nonaktif@uji.go.id');
    expect(mail.template).toBe('user_deactivated');
    expect(mail.subject).toBe('Akun Sinovik Anda dinonaktifkan');
    expect(mail.text_body).toContain('hubungi administrator sistem');

    const twice = await call(admin, 'POST', `/admin/users/${upp.id}/deactivate`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('user_already_inactive');

    const back = await call(admin, 'POST', `/admin/users/${upp.id}/reactivate`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().user.active).toBe(true);
    expect((await audits('user.reactivated', upp.id)).length).toBe(1);
    expect((await outboxTo('upp.nonaktif@uji.go.id')).map((m) => m.template)).toEqual([
      'user_deactivated',
      'user_reactivated',
    ]);
    expect(
      (await call(undefined, 'POST', '/auth/login', { email: upp.email, password: 'Uji-Coba-Sandi-2026' }))
        .statusCode,
    ).toBe(200);
  });

  it('never lets the administrator deactivate themselves (409, with the reason)', async () => {
    const res = await call(admin, 'POST', `/admin/users/${adminId}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'cannot_deactivate_self',
      message: { en: 'You cannot deactivate your own account. Ask another system administrator to do it.' },
    });
    const self = (await call(admin, 'GET', `/admin/users/${adminId}`)).json() as AdminUserDetail;
    expect(self.abilities.deactivate).toBe(false);
    expect(self.user.active).toBe(true);
  });

  it('never revokes the last active system administrator role (409); with a second admin it may go', async () => {
    const own = (await call(admin, 'GET', `/admin/users/${adminId}`)).json() as AdminUserDetail;
    const grant = own.grants.find((g) => g.role === 'system_admin')!;
    expect(grant.abilities.revoke).toBe(false);
    const res = await call(admin, 'DELETE', `/admin/users/${adminId}/grants/${grant.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('last_system_admin');
    expect(res.json().error.message.id).toContain('Administrator Sistem aktif yang terakhir');

    // A second administrator, deactivated, does not count.
    const second = await makeUser(ctx.db, { role: 'system_admin', email: 'admin.dua@uji.go.id' });
    expect((await call(admin, 'POST', `/admin/users/${second.id}/deactivate`)).statusCode).toBe(200);
    expect((await call(admin, 'DELETE', `/admin/users/${adminId}/grants/${grant.id}`)).statusCode).toBe(409);
    // Active again, it does: this administrator may now hand over and drop the role.
    expect((await call(admin, 'POST', `/admin/users/${second.id}/reactivate`)).statusCode).toBe(200);
    const secondCookie = await sessionCookie(ctx, second.id);
    const secondView = (await call(secondCookie, 'GET', `/admin/users/${adminId}`)).json() as AdminUserDetail;
    expect(secondView.abilities.deactivate).toBe(true);
    const dropped = await call(secondCookie, 'DELETE', `/admin/users/${adminId}/grants/${grant.id}`);
    expect(dropped.statusCode, dropped.body).toBe(200);
    // The first is no longer an administrator; the second may not deactivate the last one (itself).
    expect((await call(admin, 'GET', '/admin/users')).statusCode).toBe(403);
    const last = (await call(secondCookie, 'GET', `/admin/users/${second.id}`)).json() as AdminUserDetail;
    expect(last.grants[0].abilities.revoke).toBe(false);
    // Give the role back so the rest of the file has its administrator.
    const restored = await call(secondCookie, 'POST', `/admin/users/${adminId}/grants`, {
      role: 'system_admin',
    });
    expect(restored.statusCode).toBe(201);
  });

  it('keeps one administrator when two remove each other at the same moment (one of the two gets 409)', async () => {
    const other = await makeUser(ctx.db, { role: 'system_admin', email: 'admin.balapan@uji.go.id' });
    const otherCookie = await sessionCookie(ctx, other.id);
    // Only these two are active administrators (the one of the earlier test is deactivated here).
    const extra = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin.dua@uji.go.id')
      .executeTakeFirstOrThrow();
    expect((await call(admin, 'POST', `/admin/users/${extra.id}/deactivate`)).statusCode).toBe(200);
    const otherGrant = (await call(admin, 'GET', `/admin/users/${other.id}`)).json().grants[0];
    const [revoke, deactivate] = await Promise.all([
      call(admin, 'DELETE', `/admin/users/${other.id}/grants/${otherGrant.id}`),
      call(otherCookie, 'POST', `/admin/users/${adminId}/deactivate`),
    ]);
    expect([revoke.statusCode, deactivate.statusCode].sort()).toEqual([200, 409]);
    const left = await ctx.db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('u.id')
      .where('g.role', '=', 'system_admin')
      .where('u.is_active', '=', 1)
      .execute();
    expect(left).toHaveLength(1);
    // Put the first administrator back for the tests after this one.
    if (deactivate.statusCode === 200) {
      await ctx.db.updateTable('users').set({ is_active: 1 }).where('id', '=', adminId).execute();
      admin = await sessionCookie(ctx, adminId);
    }
  });

  it('refuses every route to anyone but the system administrator (401 anonymous, 403 others), changing nothing', async () => {
    const target = await makeUser(ctx.db, { role: 'panelist', email: 'sasaran@uji.go.id' });
    const grantId = (
      await ctx.db
        .selectFrom('role_grants')
        .select('id')
        .where('user_id', '=', target.id)
        .executeTakeFirstOrThrow()
    ).id;
    const routes: [method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object][] = [
      ['GET', '/admin/users'],
      ['GET', `/admin/users/${target.id}`],
      ['POST', '/admin/users', { email: 'x@uji.go.id', name: 'X', role: 'system_admin' }],
      ['POST', `/admin/users/${target.id}/grants`, { role: 'system_admin' }],
      ['DELETE', `/admin/users/${target.id}/grants/${grantId}`],
      ['POST', `/admin/users/${target.id}/deactivate`],
      ['POST', `/admin/users/${target.id}/reactivate`],
      ['POST', `/admin/users/${target.id}/resend-invitation`],
    ];
    const auditCount = async () => (await ctx.db.selectFrom('audit_events').select('id').execute()).length;
    const before = await auditCount();
    for (const [method, url, payload] of routes) {
      expect((await call(undefined, method, url, payload)).statusCode, `${method} ${url}`).toBe(401);
      for (const who of ['secretariat', 'localAdmin', 'upp', 'evaluator', 'steward']) {
        const res = await call(cookie[who], method, url, payload);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden.missingRole');
      }
    }
    expect(await auditCount()).toBe(before);
    expect(
      await ctx.db.selectFrom('users').select('id').where('email', '=', 'x@uji.go.id').execute(),
    ).toEqual([]);
    expect(
      await ctx.db.selectFrom('role_grants').select('role').where('user_id', '=', target.id).execute(),
    ).toEqual([{ role: 'panelist' }]);
  });

  it('answers control characters in a name or a search without a 500 (stored and searched without them)', async () => {
    const created = await call(admin, 'POST', '/admin/users', {
      email: 'kendali@uji.go.id',
      name: 'Nama\u0000 Ber\u0007kendali\u202e',
      role: 'data_steward',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().user.name).toBe('Nama Berkendali');
    const search = await call(admin, 'GET', `/admin/users?q=${encodeURIComponent('Berken\u0000dali')}`);
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().items.map((u: { email: string }) => u.email)).toEqual(['kendali@uji.go.id']);
  });

  it('keeps the names typed inert in the mails (HTML escaped)', async () => {
    await call(admin, 'POST', '/admin/users', {
      email: 'xss@uji.go.id',
      name: '<img src=x onerror=alert(1)>',
      role: 'data_steward',
    });
    const person = await makeUser(ctx.db, {
      role: 'evaluator',
      email: 'xss.dua@uji.go.id',
      name: '<script>alert(2)</script>',
    });
    await call(admin, 'POST', `/admin/users/${person.id}/grants`, { role: 'data_steward' });
    for (const email of ['xss@uji.go.id', 'xss.dua@uji.go.id']) {
      const [mail] = await outboxTo(email);
      expect(mail.html_body).not.toMatch(/<img src=x|<script>/);
      expect(mail.html_body).toMatch(/&lt;(img|script)/);
    }
  });
});
