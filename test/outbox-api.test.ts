import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { enqueueMail } from '../src/platform/mail/outbox.js';
import type { RecordScope } from '../src/platform/record-scope.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

async function queue(
  db: Db,
  to: string,
  template: 'password_reset' | 'account_created',
  now: Date,
  scope?: RecordScope,
) {
  return db.transaction().execute((tx) =>
    enqueueMail(tx, {
      scope,
      to,
      toName: null,
      template,
      locale: 'id',
      vars: {
        name: 'Penerima Uji',
        link: 'https://sinovik.test/tautan',
        expires: '12 Mei 2026 16.00 WIB',
        createdBy: 'Admin Lokal',
        roleLabel: 'Pengusul',
        scope: 'Dinas Uji',
        email: to,
      },
      now,
    }),
  );
}

describe('outbox API', () => {
  let ctx: TestContext;
  let secretariat: string;
  let sysadmin: string;
  let localAdmin: string;
  let upp: string;
  let sentId: number;
  let pendingId: number;
  let failedId: number;
  let otherId: number;
  let kemenpanId: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    const inst = await makeInstitution(ctx.db);
    const unit = await makeUnit(ctx.db, inst.id);
    const kemenpan = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian PANRB Uji' });
    kemenpanId = kemenpan.id;
    const ofKemenpan = { organizerInstitutionId: kemenpan.id, institutionId: inst.id };
    secretariat = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'secretariat', institutionId: kemenpan.id })).id,
    );
    sysadmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
    localAdmin = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id })).id,
    );
    upp = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id })).id,
    );

    const now = ctx.clock.now();
    sentId = await queue(ctx.db, 'terkirim@bandung.go.id', 'password_reset', now, ofKemenpan);
    await ctx.deliverMail();
    pendingId = await queue(ctx.db, 'menunggu@bandung.go.id', 'account_created', now, ofKemenpan);
    failedId = await queue(ctx.db, 'gagal@surabaya.go.id', 'account_created', now, ofKemenpan);
    otherId = await queue(ctx.db, 'lain@surabaya.go.id', 'password_reset', now, ofKemenpan);
    // Test setup: two messages as the worker leaves them after giving up / while waiting to retry.
    await ctx.db
      .updateTable('outbox')
      .set({ status: 'failed', attempts: 8, last_error: 'connect ECONNREFUSED 127.0.0.1:2525' })
      .where('id', '=', failedId)
      .execute();
    await ctx.db
      .updateTable('outbox')
      .set({
        attempts: 1,
        last_error: 'connect ECONNREFUSED 127.0.0.1:2525',
        next_attempt_at: new Date(now.getTime() + 30_000).toISOString(),
      })
      .where('id', 'in', [pendingId, otherId])
      .execute();
  });
  afterAll(async () => ctx.close());

  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {} });

  it('lists every message newest first with counts per status, the transport and the retry ability', async () => {
    const res = await get('/api/outbox', secretariat);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([otherId, failedId, pendingId, sentId]);
    expect(body).toMatchObject({
      total: 4,
      page: 1,
      pageSize: 50,
      counts: { pending: 2, sending: 0, sent: 1, failed: 1 },
      templates: ['account_created', 'password_reset'],
      transport: 'file',
      abilities: { retry: true },
    });
    const failed = body.items.find((i: { id: number }) => i.id === failedId);
    expect(failed).toEqual({
      id: failedId,
      toAddress: 'gagal@surabaya.go.id',
      toName: null,
      subject: 'Akun Sinovik Anda telah dibuat',
      template: 'account_created',
      locale: 'id',
      status: 'failed',
      attempts: 8,
      lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
      createdAt: expect.any(String),
      sentAt: null,
      nextAttemptAt: null,
      abilities: { retry: true },
    });
    const sent = body.items.find((i: { id: number }) => i.id === sentId);
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 1,
      nextAttemptAt: null,
      abilities: { retry: false },
    });
    expect(sent.sentAt).toEqual(expect.any(String));
    const pending = body.items.find((i: { id: number }) => i.id === pendingId);
    expect(pending.nextAttemptAt).toEqual(expect.any(String));
    expect(pending.abilities).toEqual({ retry: false });
  });

  it('filters by status, template and a search in the address and subject, keeping counts for the search', async () => {
    const byStatus = (await get('/api/outbox?status=failed', secretariat)).json();
    expect(byStatus.items.map((i: { id: number }) => i.id)).toEqual([failedId]);
    expect(byStatus.total).toBe(1);
    expect(byStatus.counts).toEqual({ pending: 2, sending: 0, sent: 1, failed: 1 });

    const byTemplate = (await get('/api/outbox?template=password_reset', secretariat)).json();
    expect(byTemplate.items.map((i: { id: number }) => i.id)).toEqual([otherId, sentId]);
    expect(byTemplate.counts).toEqual({ pending: 1, sending: 0, sent: 1, failed: 0 });

    const byAddress = (await get('/api/outbox?q=SURABAYA', secretariat)).json();
    expect(byAddress.items.map((i: { id: number }) => i.id)).toEqual([otherId, failedId]);
    expect(byAddress.counts).toEqual({ pending: 1, sending: 0, sent: 0, failed: 1 });

    const bySubject = (await get(`/api/outbox?q=${encodeURIComponent('kata sandi')}`, secretariat)).json();
    expect(bySubject.items.map((i: { id: number }) => i.id)).toEqual([otherId, sentId]);

    const wildcard = (await get('/api/outbox?q=%25', secretariat)).json();
    expect(wildcard.total).toBe(0);

    const cleared = (await get('/api/outbox?status=&q=&template=', secretariat)).json();
    expect(cleared.total).toBe(4);
  });

  it('pages the list', async () => {
    const p1 = (await get('/api/outbox?pageSize=3', secretariat)).json();
    const p2 = (await get('/api/outbox?pageSize=3&page=2', secretariat)).json();
    expect(p1.items.map((i: { id: number }) => i.id)).toEqual([otherId, failedId, pendingId]);
    expect(p2.items.map((i: { id: number }) => i.id)).toEqual([sentId]);
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
  });

  it('refuses an unknown status with a field-level message', async () => {
    const res = await get('/api/outbox?status=lost', secretariat);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields.status.message).toEqual({
      id: 'Pilihan status tidak tersedia.',
      en: 'Not one of the allowed statuses.',
    });
  });

  it('shows one message with its bodies for the preview, and serves its .eml', async () => {
    const res = await get(`/api/outbox/${sentId}`, secretariat);
    expect(res.statusCode).toBe(200);
    const msg = res.json();
    expect(msg).toMatchObject({
      id: sentId,
      status: 'sent',
      emlAvailable: false,
      toAddress: 'terkirim@bandung.go.id',
    });
    expect(msg.textBody).toContain('https://sinovik.test/tautan');
    expect(msg.htmlBody).toContain('<a href="https://sinovik.test/tautan"');
    expect(msg.messageId).toMatch(/^<outbox\./);

    // The .eml is the system administrator's alone (it would carry a secret link); the secretariat
    // does not even learn that it exists.
    expect((await get(`/api/outbox/${sentId}/eml`, secretariat)).statusCode).toBe(404);
    expect((await get(`/api/outbox/${sentId}`, sysadmin)).json().emlAvailable).toBe(true);
    const eml = await get(`/api/outbox/${sentId}/eml`, sysadmin);
    expect(eml.statusCode).toBe(200);
    expect(eml.headers['content-type']).toBe('message/rfc822');
    expect(eml.headers['content-disposition']).toBe(`attachment; filename="sinovik-outbox-${sentId}.eml"`);
    const parsed = await simpleParser(eml.rawPayload);
    expect(parsed.subject).toBe('Atur ulang kata sandi Sinovik');
    expect(parsed.messageId).toBe(msg.messageId);
  });

  it('answers 404 for the .eml of a message not written to a file, and for an unknown message', async () => {
    const pending = await get(`/api/outbox/${pendingId}`, secretariat);
    expect(pending.json().emlAvailable).toBe(false);
    expect((await get(`/api/outbox/${pendingId}/eml`, sysadmin)).statusCode).toBe(404);
    const missing = await get('/api/outbox/999999', secretariat);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await get('/api/outbox/999999/eml', secretariat)).statusCode).toBe(404);
  });

  it('does not serve a file outside the mail folder even if the row points at one', async () => {
    await ctx.db.updateTable('outbox').set({ eml_path: '/etc/passwd' }).where('id', '=', otherId).execute();
    expect((await get(`/api/outbox/${otherId}/eml`, sysadmin)).statusCode).toBe(404);
    await ctx.db.updateTable('outbox').set({ eml_path: null }).where('id', '=', otherId).execute();
  });

  it('queues a failed message again, keeping its attempts, records who did it, and then delivers it', async () => {
    const before = ctx.clock.now().toISOString();
    const res = await post(`/api/outbox/${failedId}/retry`, secretariat);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: failedId,
      status: 'pending',
      attempts: 8,
      lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
      abilities: { retry: false },
    });
    // Due right away, not after the backoff of its last failure.
    expect(res.json().nextAttemptAt >= before).toBe(true);
    expect(res.json().nextAttemptAt <= ctx.clock.now().toISOString()).toBe(true);

    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'outbox.retried')
      .executeTakeFirstOrThrow();
    expect(audit.entity_type).toBe('outbox');
    expect(audit.entity_id).toBe(String(failedId));
    expect(JSON.parse(audit.summary)).toEqual({
      to: 'gagal@surabaya.go.id',
      subject: 'Akun Sinovik Anda telah dibuat',
      template: 'account_created',
      attempts: 8,
      lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
    });
    const secretariatId = (
      await ctx.db
        .selectFrom('role_grants')
        .select('user_id')
        .where('role', '=', 'secretariat')
        .executeTakeFirstOrThrow()
    ).user_id;
    expect(audit.actor_user_id).toBe(secretariatId);

    expect((await ctx.deliverMail()).sent).toBeGreaterThanOrEqual(1);
    const row = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', failedId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 9, last_error: null });
  });

  it('refuses to retry a message that has not failed (409) or does not exist (404)', async () => {
    const sent = await post(`/api/outbox/${sentId}/retry`, secretariat);
    expect(sent.statusCode).toBe(409);
    expect(sent.json().error.code).toBe('outbox_not_failed');
    expect(sent.json().error.message.id).toContain('gagal');
    expect((await post('/api/outbox/999999/retry', secretariat)).statusCode).toBe(404);
    const retried = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'outbox.retried')
      .execute();
    expect(retried).toHaveLength(1);
  });

  it("shows each reader only its scope: another organizer's and untagged mail answer 404 to a secretariat", async () => {
    const now = ctx.clock.now();
    const otherOrganizer = await makeInstitution(ctx.db, { type: 'pemerintah_provinsi' });
    const foreignId = await queue(ctx.db, 'asing@kaltim.go.id', 'account_created', now, {
      organizerInstitutionId: otherOrganizer.id,
    });
    const untaggedId = await queue(ctx.db, 'sistem@uji.go.id', 'password_reset', now);
    const registryId = await queue(ctx.db, 'registri@uji.go.id', 'account_created', now, {
      referenceData: true,
    });
    const ids = async (cookie: string) =>
      (await get('/api/outbox?pageSize=100', cookie)).json().items.map((i: { id: number }) => i.id);
    const mine = await ids(secretariat);
    expect(mine).not.toContain(foreignId);
    expect(mine).not.toContain(untaggedId);
    expect(mine).not.toContain(registryId);
    expect(mine).toContain(sentId);
    for (const id of [foreignId, untaggedId, registryId]) {
      expect((await get(`/api/outbox/${id}`, secretariat)).statusCode).toBe(404);
      await ctx.db.updateTable('outbox').set({ status: 'failed' }).where('id', '=', id).execute();
      expect((await post(`/api/outbox/${id}/retry`, secretariat)).statusCode).toBe(404);
    }
    expect((await get('/api/outbox?q=asing', secretariat)).json().total).toBe(0);
    const all = await ids(sysadmin);
    expect(all).toEqual(expect.arrayContaining([foreignId, untaggedId, registryId, sentId]));
    const steward = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'data_steward' })).id);
    expect(await ids(steward)).toEqual([registryId]);
    expect((await get(`/api/outbox/${sentId}`, steward)).statusCode).toBe(404);
  });

  it('records who opened a message, in the scope of the message', async () => {
    await get(`/api/outbox/${sentId}`, secretariat);
    const viewed = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'outbox.viewed')
      .where('entity_id', '=', String(sentId))
      .execute();
    expect(viewed.length).toBeGreaterThanOrEqual(1);
    expect(viewed[0].organizer_institution_id).toBe(kemenpanId);
    const downloads = await ctx.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'outbox.file_downloaded')
      .execute();
    expect(downloads).toEqual([{ entity_id: String(sentId) }]);
  });

  it('lets a system administrator see the outbox too', async () => {
    expect((await get('/api/outbox', sysadmin)).statusCode).toBe(200);
  });

  it('refuses the outbox to an UPP and a local admin (403) and to anyone not logged in (401)', async () => {
    for (const cookie of [upp, localAdmin]) {
      for (const res of [
        await get('/api/outbox', cookie),
        await get(`/api/outbox/${sentId}`, cookie),
        await get(`/api/outbox/${sentId}/eml`, cookie),
        await post(`/api/outbox/${failedId}/retry`, cookie),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden.missingRole');
      }
    }
    for (const res of [
      await get('/api/outbox'),
      await get(`/api/outbox/${sentId}`),
      await get(`/api/outbox/${sentId}/eml`),
      await post(`/api/outbox/${failedId}/retry`),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });
});
