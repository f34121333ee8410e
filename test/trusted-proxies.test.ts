import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeUser } from './helpers/fixtures.js';
import { loadConfig, ConfigError } from '../src/config.js';

/* X-Forwarded-For counts only when the connection comes from a configured proxy (TRUSTED_PROXIES). */
describe('trusted proxies', () => {
  let direct: TestContext;
  let proxied: TestContext;
  beforeAll(async () => {
    direct = await createTestApp();
    proxied = await createTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1, 10.1.0.0/16' } });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  const loginFrom = (ctx: TestContext, email: string, password: string, socket: string, forwarded?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: socket,
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    });
  const lastAuditIp = async (ctx: TestContext, userId: number) =>
    (
      await ctx.db
        .selectFrom('audit_events')
        .select(['ip', 'action'])
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(userId))
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).ip;

  it('ignores a forged X-Forwarded-For when no proxy is configured: the audit keeps the socket address', async () => {
    const user = await makeUser(direct.db, { role: 'upp' });
    const res = await loginFrom(direct, user.email, 'Uji-Coba-Sandi-2026', '192.0.2.10', '203.0.113.99');
    expect(res.statusCode).toBe(200);
    expect(await lastAuditIp(direct, user.id)).toBe('192.0.2.10');
  });

  it('does not let a rotating X-Forwarded-For escape the per-address login throttle', async () => {
    let throttled = null;
    for (let i = 0; i < 60 && !throttled; i++) {
      const res = await loginFrom(
        direct,
        `tebak-${i}@uji.go.id`,
        'Salah-Sandi-12345',
        '192.0.2.20',
        `198.51.100.${i + 1}`,
      );
      if (res.statusCode === 429) throttled = i;
      else expect(res.statusCode).toBe(401);
    }
    expect(throttled).not.toBeNull();
  });

  it('does not let a rotating X-Forwarded-For escape the account-request limit (10 an hour per address)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await direct.app.inject({
        method: 'POST',
        url: '/api/admin-requests',
        remoteAddress: '192.0.2.40',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}`, 'content-type': 'application/json' },
        payload: {},
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('uses X-Forwarded-For when the connection comes from a configured proxy, and only then', async () => {
    const user = await makeUser(proxied.db, { role: 'upp' });
    expect(
      (await loginFrom(proxied, user.email, 'Uji-Coba-Sandi-2026', '127.0.0.1', '203.0.113.7')).statusCode,
    ).toBe(200);
    expect(await lastAuditIp(proxied, user.id)).toBe('203.0.113.7');
    expect(
      (await loginFrom(proxied, user.email, 'Uji-Coba-Sandi-2026', '10.1.2.3', '203.0.113.8')).statusCode,
    ).toBe(200);
    expect(await lastAuditIp(proxied, user.id)).toBe('203.0.113.8');
    // Not a configured proxy: its header is not believed.
    expect(
      (await loginFrom(proxied, user.email, 'Uji-Coba-Sandi-2026', '192.0.2.30', '203.0.113.9')).statusCode,
    ).toBe(200);
    expect(await lastAuditIp(proxied, user.id)).toBe('192.0.2.30');
  });

  it('validates TRUSTED_PROXIES at boot', () => {
    const base = { SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/sinovik-proxy-config' };
    expect(loadConfig(base).trustedProxies).toEqual([]);
    expect(loadConfig({ ...base, TRUSTED_PROXIES: ' 10.0.0.1 ,fd00::/8,loopback' }).trustedProxies).toEqual([
      '10.0.0.1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1,,']) {
      let error: unknown;
      try {
        loadConfig({ ...base, TRUSTED_PROXIES: bad });
      } catch (err) {
        error = err;
      }
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0], bad).toMatch(/^TRUSTED_PROXIES: /);
    }
  });
});
