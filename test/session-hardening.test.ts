import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  login,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
  TEST_PASSWORD,
} from './helpers/fixtures.js';

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T00:00:00.000Z');
const HOUR = 60 * 60 * 1000;

const setCookies = (res: LightMyRequestResponse): string[] => {
  const set = res.headers['set-cookie'];
  return Array.isArray(set) ? set : set ? [set] : [];
};

describe('sessions: absolute lifetime, links, change-password guesses, no-store', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.close());

  const me = async (cookie: string) =>
    (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user;

  it('ends a session used every 11 hours at 24 hours, also for the autosave', async () => {
    ctx.clock.freeze(NOW);
    const { competitionId } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Umur Sesi',
      now: NOW,
    });
    const inst = await makeInstitution(ctx.db);
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const cookie = await sessionCookie(ctx, upp.id);
    const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      ctx.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });
    const created = await call('POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title: 'Layanan Umur Sesi',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    let version = created.json().version as number;
    const save = async (acronym: string) => {
      const res = await call('PATCH', `/proposals/${id}`, { version, acronym });
      if (res.statusCode === 200) version = res.json().version;
      return res.statusCode;
    };
    for (const at of [11, 22]) {
      ctx.clock.freeze(new Date(NOW.getTime() + at * HOUR));
      expect(await save(`J${at}`)).toBe(200);
      expect((await me(cookie))?.id).toBe(upp.id);
    }
    // Two autosaves just before the end, a minute apart.
    ctx.clock.freeze(new Date(NOW.getTime() + 24 * HOUR - 3 * 60_000));
    expect(await save('AKHIR')).toBe(200);
    ctx.clock.freeze(new Date(NOW.getTime() + 24 * HOUR - 2 * 60_000));
    expect(await save('AKHIR2')).toBe(200);
    ctx.clock.freeze(new Date(NOW.getTime() + 24 * HOUR + 30_000));
    expect(await save('SESUDAH')).toBe(401);
    expect(await me(cookie)).toBeNull();
    ctx.clock.reset();
  });

  it('keeps this session and ends the others on a password change, and kills every open link', async () => {
    const user = await makeUser(ctx.db, { role: 'upp' });
    const cookie = await login(ctx.app, user.email);
    const other = await login(ctx.app, user.email);
    const reset = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: user.email },
    });
    expect(reset.statusCode).toBe(202);
    const linkRow = await ctx.db
      .selectFrom('password_tokens')
      .select(['id', 'used_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(linkRow.used_at).toBeNull();
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Kunci-Gerbang-Timur-4821' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await me(cookie))?.id).toBe(user.id);
    expect(await me(other)).toBeNull();
    const after = await ctx.db
      .selectFrom('password_tokens')
      .select('used_at')
      .where('id', '=', linkRow.id)
      .executeTakeFirstOrThrow();
    expect(after.used_at).not.toBeNull();
  });

  it('throttles wrong current-password guesses on the change-password route and audits them', async () => {
    const user = await makeUser(ctx.db, { role: 'upp' });
    const cookie = await login(ctx.app, user.email);
    const change = (currentPassword: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        remoteAddress: '192.0.2.77',
        payload: { currentPassword, newPassword: 'Kunci-Gerbang-Barat-9137' },
      });
    for (let i = 0; i < 3; i++) expect((await change(`Tebak-${i}-sandi`)).statusCode).toBe(400);
    const waiting = await change(TEST_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('30');
    expect(waiting.json().error.code).toBe('too_many_attempts');
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select(['ip', 'summary'])
      .where('action', '=', 'user.password_change_failed')
      .where('entity_id', '=', String(user.id))
      .execute();
    expect(audits.map((a) => a.ip)).toEqual(['192.0.2.77', '192.0.2.77', '192.0.2.77']);
    for (const a of audits) expect(a.summary).not.toContain('Tebak');
    ctx.clock.advance(31_000);
    expect((await change(TEST_PASSWORD)).statusCode).toBe(204);
  });

  it('marks every API answer no-store: signed in, anonymous and errors', async () => {
    const user = await makeUser(ctx.db, {
      role: 'secretariat',
      institutionId: (await makeInstitution(ctx.db)).id,
    });
    const cookie = await login(ctx.app, user.email);
    for (const [url, c] of [
      ['/api/auth/me', cookie],
      ['/api/notifications', cookie],
      ['/api/institutions', cookie],
      ['/api/auth/me', ''],
      ['/api/health', ''],
      ['/api/proposals/999999', cookie],
    ] as const) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: c ? { cookie: c } : {} });
      expect(res.headers['cache-control'], url).toMatch(/no-store/);
    }
  });
});

describe('sessions: configured lifetime and __Host- cookie over https', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { BASE_URL: 'https://sinovik.uji.go.id', SESSION_MAX_AGE_HOURS: '2' } });
  });
  afterAll(async () => ctx.close());

  it('names the cookies __Host- with Secure and Path=/, reads them back, and ends the session after SESSION_MAX_AGE_HOURS', async () => {
    const user = await makeUser(ctx.db, { role: 'upp' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const [sid, device] = setCookies(res);
    expect(sid).toMatch(/^__Host-sinovik_sid=/);
    expect(sid).toContain('Secure');
    expect(sid).toContain('Path=/');
    expect(sid).not.toMatch(/Domain=/i);
    expect(device).toMatch(/^__Host-sinovik_device=/);
    expect(device).toContain('Secure');
    const cookie = sid.split(';')[0];
    const meOf = async () =>
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user;
    expect((await meOf())?.id).toBe(user.id);
    // The plain name is not read over https.
    const plain = cookie.replace('__Host-', '');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: plain } })).json().user,
    ).toBeNull();
    ctx.clock.advance(HOUR + 50 * 60_000);
    expect((await meOf())?.id).toBe(user.id);
    ctx.clock.advance(11 * 60_000);
    expect(await meOf()).toBeNull();
  });

  it('refuses a SESSION_MAX_AGE_HOURS that is not a whole number of hours', async () => {
    const { loadConfig, ConfigError } = await import('../src/config.js');
    expect(() =>
      loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/x-sess', SESSION_MAX_AGE_HOURS: '0' }),
    ).toThrow(ConfigError);
    expect(loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/x-sess' }).sessionMaxAgeMs).toBe(
      24 * HOUR,
    );
  });
});
