import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUser, sessionCookie } from './helpers/fixtures.js';
import { startSmtpCapture } from './helpers/smtp.js';
import { createMailTransport } from '../src/platform/mail/delivery.js';
import { runWorkerOnce } from '../src/platform/worker.js';

/** Every set-password token a text shows, as a person reading it could copy it. */
const tokensIn = (text: string | null | undefined) =>
  [...(text ?? '').matchAll(/token=([A-Za-z0-9_%-]+)/g)].map((m) => decodeURIComponent(m[1]));

const NEW_PASSWORD = 'Ambil-Alih-Akun-2026!';

describe('secret links never readable in the outbox (file transport, as in the demo)', () => {
  let ctx: TestContext;
  let adminEmail: string;
  let otherSecretariat: string;
  let sysadmin: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const admin = await makeUser(ctx.db, { role: 'system_admin', email: 'admin.sistem@uji.go.id' });
    adminEmail = admin.email;
    sysadmin = await sessionCookie(ctx, admin.id);
    const province = await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Uji Timur',
    });
    const sek = await makeUser(ctx.db, { role: 'secretariat', institutionId: province.id });
    otherSecretariat = await sessionCookie(ctx, sek.id);
  });
  afterAll(async () => ctx.close());

  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, payload: Record<string, unknown>) =>
    ctx.app.inject({ method: 'POST', url, payload });

  it("does not let another organizer's secretariat take over the system administrator's account", async () => {
    const requested = await post('/api/auth/password-reset/request', { email: adminEmail });
    expect(requested.statusCode).toBe(202);
    await ctx.deliverMail();

    // Everything the secretariat can browse: the list, each message and its .eml download.
    const seen: string[] = [];
    const list = await get('/api/outbox?pageSize=100', otherSecretariat);
    seen.push(list.body);
    const row = await ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', adminEmail)
      .executeTakeFirstOrThrow();
    seen.push((await get(`/api/outbox/${row.id}`, otherSecretariat)).body);
    seen.push((await get(`/api/outbox/${row.id}/eml`, otherSecretariat)).body);
    const stolen = seen.flatMap(tokensIn);
    expect(stolen).toEqual([]);
    for (const token of stolen) {
      const res = await post('/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
      expect(res.statusCode).not.toBe(200);
    }
    const login = await post('/api/auth/login', { email: adminEmail, password: NEW_PASSWORD });
    expect(login.statusCode).toBe(401);
  });

  it('keeps the message with the link redacted in the outbox row, for the system administrator too', async () => {
    const row = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', adminEmail)
      .executeTakeFirstOrThrow();
    expect(tokensIn(row.text_body)).toEqual([]);
    expect(tokensIn(row.html_body)).toEqual([]);
    expect(row.text_body).toContain('[tautan rahasia — hanya dikirim ke penerima]');
    const shown = (await get(`/api/outbox/${row.id}`, sysadmin)).json();
    expect(tokensIn(shown.textBody)).toEqual([]);
    expect(shown.htmlBody).not.toContain('<a ');
  });

  it('writes the working link only into the .eml, which only the system administrator downloads', async () => {
    const row = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', adminEmail)
      .executeTakeFirstOrThrow();
    const denied = await get(`/api/outbox/${row.id}/eml`, otherSecretariat);
    expect(denied.statusCode).toBe(404);
    const eml = await get(`/api/outbox/${row.id}/eml`, sysadmin);
    expect(eml.statusCode).toBe(200);
    const [token] = tokensIn(eml.body.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    expect(token).toBeTruthy();
    const info = await ctx.app.inject({
      method: 'GET',
      url: `/api/auth/token?token=${encodeURIComponent(token)}`,
    });
    expect(info.statusCode).toBe(200);
    // Once delivered, the secret is gone from the database.
    expect(await ctx.db.selectFrom('outbox_secrets').selectAll().execute()).toEqual([]);
    expect(fs.existsSync(row.eml_path!)).toBe(true);
  });
});

describe('secret links reach the recipient through SMTP, also on a retry', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let sysadmin: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    // First a relay that refuses connections, so the message fails and is retried by hand.
    ctx = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
    sysadmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('keeps the secret through failed attempts and delivers a working link after a retry', async () => {
    const user = await makeUser(ctx.db, { role: 'upp', email: 'pemilik.akun@uji.go.id' });
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: user.email },
    });
    const row = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', user.email)
      .executeTakeFirstOrThrow();
    await ctx.deliverMail();
    // Test setup: the worker gave up on it.
    await ctx.db.updateTable('outbox').set({ status: 'failed' }).where('id', '=', row.id).execute();
    expect(await ctx.db.selectFrom('outbox_secrets').select('outbox_id').execute()).toEqual([
      { outbox_id: row.id },
    ]);
    const retried = await ctx.app.inject({
      method: 'POST',
      url: `/api/outbox/${row.id}/retry`,
      headers: { cookie: sysadmin },
    });
    expect(retried.statusCode).toBe(200);
    expect(tokensIn(retried.body)).toEqual([]);
    // The relay is fixed: a worker with a working transport delivers the retried message.
    const transport = createMailTransport({ smtpUrl: smtp.url, dataDir: ctx.dataDir });
    try {
      const log = { info() {}, error() {} };
      await runWorkerOnce({ db: ctx.db, clock: ctx.clock, transport, mailFrom: ctx.config.mailFrom, log });
    } finally {
      transport.close();
    }
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    const [token] = tokensIn(mail.text);
    expect(token).toBeTruthy();
    expect(mail.html).toContain(`token=${encodeURIComponent(token)}`);
    const confirmed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword: NEW_PASSWORD },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(await ctx.db.selectFrom('outbox_secrets').selectAll().execute()).toEqual([]);
    const stored = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('sent');
    expect(tokensIn(stored.text_body)).toEqual([]);
  });
});
