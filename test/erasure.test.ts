import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUserDetail } from '../src/contracts/user-admin.js';
import { verifyAudit } from '../src/platform/audit-verify.js';
import { applyRetention } from '../src/modules/retention/commands/apply-retention.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { searchDatabase } from './helpers/db-search.js';
import {
  login,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
  TEST_PASSWORD,
} from './helpers/fixtures.js';
import { startSmtpCapture } from './helpers/smtp.js';

/*
 * Issue 15 point 5 (UU PDP 27/2022): the system administrator erases a person on request. Their name,
 * address and phone leave every table but the audit chain; the competition record keeps their id.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z');
const EMAIL = 'ratna.hapuswati@uji.go.id';
const NAME = 'Ratna Hapuswati Erasetest';
const PHONE = '+6281299887766';

describe('POST /api/admin/users/:id/erase', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  const cookie: Record<string, string> = {};
  let adminId: number;
  let targetId: number;
  let proposalId: number;
  let emlFile: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    ctx = await createTestApp({ smtpUrl: smtp.url });
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Hapus', now: NOW });
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Hapus' });
    const unit = await makeUnit(ctx.db, inst.id, 'Dinas Dukcapil Hapus');
    const admin = await makeUser(ctx.db, { role: 'system_admin', name: 'Admin Hapus Satu' });
    adminId = admin.id;
    cookie.admin = await sessionCookie(ctx, admin.id);
    await makeUser(ctx.db, { role: 'system_admin', name: 'Admin Hapus Dua' });
    const target = await makeUser(ctx.db, {
      role: 'upp',
      institutionId: inst.id,
      unitId: unit.id,
      email: EMAIL,
      name: NAME,
    });
    targetId = target.id;
    // The phone as the person's profile holds it.
    await ctx.db.updateTable('users').set({ phone: PHONE }).where('id', '=', targetId).execute();
    cookie.local = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id })).id,
    );
    cookie.upp = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id })).id,
    );
    // What the person leaves behind: a session, a failed sign-in, a reset link waiting, a proposal with
    // them as its contact, a role granted (a mail and a notification).
    cookie.target = await login(ctx.app, EMAIL);
    const failed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: EMAIL, password: 'salah-sandi-1234' },
    });
    expect(failed.statusCode).toBe(401);
    const reset = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: EMAIL },
    });
    expect(reset.statusCode, reset.body).toBeLessThan(300);
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${kipp.competitionId}/proposals`,
      headers: { cookie: cookie.target },
      payload: { groupKey: 'umum', title: 'Layanan Akta Keliling Hapus' },
    });
    expect(created.statusCode, created.body).toBe(201);
    proposalId = created.json().id;
    const saved = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/proposals/${proposalId}`,
      headers: { cookie: cookie.target },
      payload: {
        version: created.json().version,
        contactName: NAME,
        contactEmail: EMAIL.toUpperCase(),
        contactPhone: PHONE,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const granted = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${targetId}/grants`,
      headers: { cookie: cookie.admin },
      payload: { role: 'evaluator' },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    // One mail delivered before the erasure (its body must be cleared), the reset link's too.
    await ctx.deliverMail();
    // The file transport's copy of one of them (this app mails by SMTP; a file-transport install keeps one).
    const delivered = await ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', EMAIL)
      .where('status', '=', 'sent')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    emlFile = path.join(ctx.dataDir, 'mail', `${String(delivered.id).padStart(6, '0')}-copy.eml`);
    fs.mkdirSync(path.dirname(emlFile), { recursive: true });
    fs.writeFileSync(emlFile, `To: ${NAME} <${EMAIL}>\n\nYth. ${NAME}`);
    await ctx.db.updateTable('outbox').set({ eml_path: emlFile }).where('id', '=', delivered.id).execute();
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  const erase = (who: string | undefined, id: number, payload: object) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${id}/erase`,
      headers: who ? { cookie: cookie[who] } : {},
      payload,
    });
  const valid = { reference: 'Surat permohonan No. 12/PDP/2026', confirmEmail: EMAIL };

  it('holds the person’s data before (the search finds it)', async () => {
    const hits = (await searchDatabase(ctx.db, EMAIL)).map((h) => h.table);
    expect(hits).toEqual(expect.arrayContaining(['users', 'login_failures', 'outbox', 'proposals']));
  });

  it('is refused to anyone but a system administrator, and to oneself', async () => {
    expect((await erase(undefined, targetId, valid)).statusCode).toBe(401);
    for (const who of ['upp', 'local', 'target']) {
      const res = await erase(who, targetId, valid);
      expect(res.statusCode, who).toBe(403);
    }
    const self = await erase('admin', adminId, { ...valid, confirmEmail: 'x@uji.go.id' });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('cannot_erase_self');
    const detail: AdminUserDetail = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/admin/users/${adminId}`,
        headers: { cookie: cookie.admin },
      })
    ).json();
    expect(detail.abilities.erase).toBe(false);
    const target: AdminUserDetail = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/admin/users/${targetId}`,
        headers: { cookie: cookie.admin },
      })
    ).json();
    expect(target.abilities.erase).toBe(true);
  });

  it('asks for a reference and the person’s address typed again, field by field', async () => {
    const empty = await erase('admin', targetId, { reference: '  ', confirmEmail: EMAIL });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields)).toEqual(['reference']);
    expect(empty.json().error.fields.reference.message.id).toContain('wajib diisi');
    expect(empty.json().error.fields.reference.message.en).toContain('required');
    const wrong = await erase('admin', targetId, { ...valid, confirmEmail: 'ratna@uji.go.id' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.confirmEmail.code).toBe('confirmation_mismatch');
    expect(wrong.json().error.fields.confirmEmail.message.id).toContain('Ketik alamat e-mail');
    const still = await ctx.db
      .selectFrom('users')
      .select(['email', 'erased_at'])
      .where('id', '=', targetId)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ email: EMAIL, erased_at: null });
  });

  it('erases: a tombstone, no sign-in, no session, nothing to reactivate', async () => {
    const res = await erase('admin', targetId, { ...valid, confirmEmail: ` ${EMAIL.toUpperCase()} ` });
    expect(res.statusCode, res.body).toBe(200);
    const d: AdminUserDetail = res.json();
    expect(d.user).toMatchObject({
      id: targetId,
      name: `Pengguna terhapus #${targetId}`,
      email: `erased-${targetId}@invalid`,
      phone: null,
      position: null,
      active: false,
      erasedAt: NOW.toISOString(),
    });
    expect(d.grants).toEqual([]);
    expect(d.abilities).toMatchObject({ erase: false, reactivate: false, grant: false, deactivate: false });
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookie.target },
    });
    expect(me.json()).toEqual({ user: null });
    const reactivate = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${targetId}/reactivate`,
      headers: { cookie: cookie.admin },
    });
    expect(reactivate.statusCode).toBe(409);
    expect(reactivate.json().error.code).toBe('user_erased');
    const twice = await erase('admin', targetId, { ...valid, confirmEmail: `erased-${targetId}@invalid` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('user_erased');
  });

  it('leaves the name, address and phone only in the audit chain and in the notice waiting to go', async () => {
    const outside = async (text: string) =>
      (await searchDatabase(ctx.db, text)).filter((h) => h.table !== 'audit_events');
    // The notice to the old address is the one row that still names it, until it is delivered.
    expect(await outside(EMAIL)).toEqual([{ table: 'outbox', column: 'to_address', count: 1 }]);
    expect(await outside(NAME)).toEqual([]);
    expect(await outside(PHONE)).toEqual([]);
    // The .eml copy of a mail to them is deleted with its name on the row.
    expect(fs.existsSync(emlFile)).toBe(false);
    expect(await ctx.db.selectFrom('outbox').select('id').where('eml_path', '=', emlFile).execute()).toEqual(
      [],
    );
    for (const table of ['sessions', 'password_tokens', 'notifications', 'role_grants'] as const) {
      const rows = await ctx.db.selectFrom(table).select('user_id').where('user_id', '=', targetId).execute();
      expect(rows, table).toEqual([]);
    }
    // The audit chain is never rewritten: the events of the user administration name the person (here the
    // grant of a role: target name and address), as the record of a public competition; the sign-in events
    // do not, and the erasure's own row does not.
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .orderBy('id')
      .execute();
    const naming = [
      ...new Set(
        audit.filter((a) => a.summary.includes(EMAIL) || a.summary.includes(NAME)).map((a) => a.action),
      ),
    ].sort();
    expect(naming).toEqual(['user.role_granted']);
    const erased = audit.find((a) => a.action === 'user.erased')!;
    expect(erased.summary).not.toContain(EMAIL);
    expect(erased.summary).not.toContain('Hapuswati');
    expect(JSON.parse(erased.summary)).toMatchObject({
      target: { id: targetId },
      reference: valid.reference,
      deleted: { sessions: 1, roles: 2, loginFailures: 1 },
    });
  });

  it('sends the bilingual notice once, then the daily job erases its address', async () => {
    const before = smtp.messages.length;
    await ctx.deliverMail();
    await ctx.deliverMail();
    const sent = smtp.messages.slice(before).filter((m) => m.to.includes(EMAIL));
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toContain('telah menghapus data pribadi');
    expect(sent[0].text).toContain('erased on');
    expect(sent[0].text).not.toContain('Hapuswati');
    const removed = await applyRetention(ctx.db, ctx.clock.now());
    expect(removed.erasureNoticeAddresses).toBe(1);
    expect((await searchDatabase(ctx.db, EMAIL)).filter((h) => h.table !== 'audit_events')).toEqual([]);
  });

  it('keeps the competition record: the proposal loads for the institution with the tombstone', async () => {
    const p = await ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}`,
      headers: { cookie: cookie.local },
    });
    expect(p.statusCode).toBe(200);
    expect(p.json().title).toBe('Layanan Akta Keliling Hapus');
    expect(p.json().contactEmail).toBe(`erased-${targetId}@invalid`);
    const row = await ctx.db
      .selectFrom('proposals')
      .select('created_by')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(row.created_by).toBe(targetId);
    const revs = await ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}/revisions`,
      headers: { cookie: cookie.upp },
    });
    expect(revs.statusCode).toBe(200);
    expect(revs.json().items.map((r: { savedBy: { name: string } | null }) => r.savedBy?.name)).toContain(
      `Pengguna terhapus #${targetId}`,
    );
  });

  it('frees the address for a new account, and the audit chain still verifies', async () => {
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: EMAIL, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: cookie.admin },
      payload: { email: EMAIL, name: 'Ratna Baru', role: 'evaluator' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user.id).not.toBe(targetId);
    const v = await verifyAudit(ctx.db);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });
});
