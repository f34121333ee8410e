import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { recipientText } from './helpers/mail.js';

/*
 * Issue 15 point 5 (UU PDP 27/2022): a signed-in person downloads the personal data the system holds about them,
 * only their own, never a secret link, with its audit row.
 */

/** Inside the KIPP 2026 template's submission window. */
const NOW = new Date('2026-04-01T03:00:00.000Z');

describe('GET /api/me/personal-data', () => {
  let ctx: TestContext;
  const users: Record<string, { id: number; email: string; name: string }> = {};
  const cookie: Record<string, string> = {};
  let competitionId: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Data Pribadi', now: NOW });
    competitionId = kipp.competitionId;
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Pribadi A' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kependudukan Pribadi A');
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Pribadi B' });
    const unitB = await makeUnit(ctx.db, b.id, 'Dinas Kesehatan Pribadi B');
    users.upp = await makeUser(ctx.db, {
      role: 'upp',
      institutionId: a.id,
      unitId: unitA.id,
      email: 'upp.pribadi.a@uji.go.id',
      name: 'Rina Pribadi',
    });
    users.uppB = await makeUser(ctx.db, {
      role: 'upp',
      institutionId: b.id,
      unitId: unitB.id,
      email: 'upp.pribadi.b@uji.go.id',
      name: 'Bambang Lain',
    });
    for (const k of Object.keys(users)) cookie[k] = await sessionCookie(ctx, users[k].id);
    for (const [who, title] of [
      ['upp', 'Layanan Akta Keliling Milik A'],
      ['uppB', 'Layanan Posyandu Digital Milik B'],
    ] as const) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/competitions/${competitionId}/proposals`,
        headers: { cookie: cookie[who] },
        payload: { groupKey: 'umum', title },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => ctx.close());

  const download = (who: string) =>
    ctx.app.inject({ method: 'GET', url: '/api/me/personal-data', headers: { cookie: cookie[who] } });

  it('answers 401 to someone signed out', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me/personal-data' });
    expect(res.statusCode).toBe(401);
  });

  it('is a JSON attachment named by the date, never cached', async () => {
    const res = await download('upp');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="data-pribadi-sinovik-2026-04-01.json"',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.tentang).toContain('UU No. 27 Tahun 2022');
    expect(doc.about).toContain('Law No. 27 of 2022');
  });

  it('holds exactly the UPP’s own account, grants and proposals, not another UPP’s', async () => {
    const doc = (await download('upp')).json();
    expect(doc.account).toMatchObject({
      name: 'Rina Pribadi',
      email: 'upp.pribadi.a@uji.go.id',
      locale: 'id',
    });
    expect(doc.account).not.toHaveProperty('password_hash');
    expect(doc.roles).toEqual([
      {
        role: 'upp',
        institution: 'Pemerintah Kabupaten Pribadi A',
        unit: 'Dinas Kependudukan Pribadi A',
        competition: null,
        grantedAt: expect.any(String),
      },
    ]);
    expect(doc.proposals).toHaveLength(1);
    expect(doc.proposals[0]).toMatchObject({
      title: 'Layanan Akta Keliling Milik A',
      code: expect.stringMatching(/^KIPP-2026-\d{5}$/) as unknown,
      competition: 'Kompetisi Inovasi Pelayanan Publik 2026',
      state: 'draft',
      createdByYou: true,
    });
    expect(doc.sessions.length).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(doc);
    for (const other of ['Bambang Lain', 'upp.pribadi.b@uji.go.id', 'Posyandu Digital', 'Pribadi B'])
      expect(text).not.toContain(other);
    const docB = (await download('uppB')).json();
    expect(docB.proposals.map((p: { title: string }) => p.title)).toEqual([
      'Layanan Posyandu Digital Milik B',
    ]);
  });

  it('never carries the token or link of a password reset or a sign-in link', async () => {
    for (const url of ['/api/auth/password-reset/request', '/api/auth/sign-in-link']) {
      const res = await ctx.app.inject({ method: 'POST', url, payload: { email: users.upp.email } });
      expect(res.statusCode, res.body).toBe(202);
    }
    const mails = await ctx.db
      .selectFrom('outbox')
      .select(['id', 'template'])
      .where('to_address', '=', users.upp.email)
      .execute();
    expect(mails).toHaveLength(2);
    const secrets: string[] = [];
    for (const m of mails) {
      const text = await recipientText(ctx.db, m.id);
      const link = /(https?:\/\/\S+\?token=(\S+))/.exec(text);
      expect(link, text).not.toBeNull();
      secrets.push(link![1], link![2], decodeURIComponent(link![2]));
    }
    const hashes = await ctx.db
      .selectFrom('password_tokens')
      .select('token_hash')
      .where('user_id', '=', users.upp.id)
      .execute();
    expect(hashes).toHaveLength(2);
    const body = (await download('upp')).body;
    for (const s of [...secrets, ...hashes.map((h) => h.token_hash)]) expect(body).not.toContain(s);
    expect(body).not.toContain('token=');
    const doc = JSON.parse(body);
    expect(doc.mailsToYou.map((m: { template: string }) => m.template).sort()).toEqual(
      mails.map((m) => m.template).sort(),
    );
    expect(doc.mailsToYou[0]).not.toHaveProperty('text_body');
  });

  it('writes an account.personal_data_downloaded audit row for the person', async () => {
    const before = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'account.personal_data_downloaded')
      .where('actor_user_id', '=', users.uppB.id)
      .execute();
    expect((await download('uppB')).statusCode).toBe(200);
    const rows = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'account.personal_data_downloaded')
      .where('actor_user_id', '=', users.uppB.id)
      .execute();
    expect(rows).toHaveLength(before.length + 1);
    expect(rows.at(-1)).toMatchObject({ entity_type: 'user', entity_id: String(users.uppB.id) });
    // The next file shows the earlier download in the person's audit trail.
    const doc = (await download('uppB')).json();
    expect(doc.auditTrail.map((a: { action: string }) => a.action)).toContain(
      'account.personal_data_downloaded',
    );
  });

  it('is rate-limited to 10 an hour per person', async () => {
    const c = await makeUser(ctx.db, { role: 'evaluator', email: 'penilai.pribadi@uji.go.id' });
    cookie.c = await sessionCookie(ctx, c.id);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await download('c')).statusCode);
    expect(codes).toEqual([...Array<number>(10).fill(200), 429, 429]);
    // Another person is not held back by it.
    expect((await download('uppB')).statusCode).toBe(200);
  });
});
