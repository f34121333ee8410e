import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { appWithSmtpCapture, cookieOf } from './helpers/app.js';
import { makeUser, TEST_PASSWORD } from './helpers/fixtures.js';
import { type CapturedMail } from './helpers/smtp.js';

/** All cookies a response sets, as one `cookie` header value (session and known device). */
const cookiesOf = (res: LightMyRequestResponse, previous = ''): string => {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf('=')), c] as const),
  );
  const set = res.headers['set-cookie'];
  for (const c of Array.isArray(set) ? set : set ? [set] : []) {
    const pair = c.split(';')[0];
    jar.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return [...jar.values()].join('; ');
};

const signInTokenIn = (mail: CapturedMail) => {
  const m = /\/masuk-tautan\?token=(\S+)/.exec(mail.text);
  if (!m) throw new Error(`no sign-in link in: ${mail.text}`);
  return decodeURIComponent(m[1]);
};

/*
 * Throttling slows the attacker, not the owner (domain/login-throttle.ts): the owner's known device and an
 * e-mailed one-time sign-in link still get in while the account is attacked from many addresses.
 */
describe('login throttling under attack', () => {
  const suite = appWithSmtpCapture();

  const post = (url: string, payload: object, ip: string, cookie = '') =>
    suite.ctx.app.inject({
      method: 'POST',
      url: `/api${url}`,
      payload,
      remoteAddress: ip,
      headers: cookie ? { cookie } : {},
    });
  const loginFrom = (ip: string, email: string, password: string, cookie = '') =>
    post('/auth/login', { email, password }, ip, cookie);
  const failedAudits = (userId: number) =>
    suite.ctx.db
      .selectFrom('audit_events')
      .select(['ip', 'summary', 'actor_user_id'])
      .where('action', '=', 'user.login_failed')
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(userId))
      .orderBy('id')
      .execute();

  it('lets the owner in from a known device while many addresses hammer the account; the attacker gets 429', async () => {
    const owner = await makeUser(suite.ctx.db, { role: 'upp', name: 'Pemilik Akun' });
    // The owner signed in from this browser before: it carries a known-device cookie for the account.
    const first = await loginFrom('192.0.2.1', owner.email, TEST_PASSWORD);
    expect(first.statusCode).toBe(200);
    const ownerBrowser = cookiesOf(first);
    expect(ownerBrowser).toMatch(/sinovik_device=/);

    // The attack: 40 addresses, 4 guesses each.
    const statuses: number[] = [];
    for (let a = 0; a < 40; a++)
      for (let g = 0; g < 4; g++)
        statuses.push(
          (await loginFrom(`198.51.100.${a + 1}`, owner.email, `Tebakan-${a}-${g}-x`)).statusCode,
        );
    expect(statuses.filter((s) => s === 401).length).toBe(10); // then the account scope makes everyone wait
    expect(statuses.filter((s) => s === 429).length).toBe(150);
    const attacker = await loginFrom('198.51.100.7', owner.email, TEST_PASSWORD);
    expect(attacker.statusCode).toBe(429);
    expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0);

    // The owner, from the office (another address) in the known browser, with the right password: in.
    const office = await loginFrom('203.0.113.50', owner.email, TEST_PASSWORD, ownerBrowser);
    expect(office.statusCode).toBe(200);
    expect(office.json().user.id).toBe(owner.id);

    // A known device is judged by its own failures: wrong passwords on it slow only it.
    for (let i = 0; i < 5; i++)
      expect((await loginFrom('203.0.113.50', owner.email, `Keliru-${i}-xx`, ownerBrowser)).statusCode).toBe(
        401,
      );
    expect((await loginFrom('203.0.113.50', owner.email, TEST_PASSWORD, ownerBrowser)).statusCode).toBe(429);

    // Failed logins are audited with the address, never the password, one row each up to the limit.
    const audits = await failedAudits(owner.id);
    expect(audits.length).toBe(10 + 5); // the attack's 10 failures within limits, the device's 5
    expect(audits[0].ip).toBe('198.51.100.1');
    expect(audits[0].actor_user_id).toBeNull();
    for (const a of audits) expect(a.summary).not.toMatch(/Tebakan|Keliru/);
  });

  it('lets the owner on a new device in through an e-mailed one-time sign-in link while the account is throttled', async () => {
    const owner = await makeUser(suite.ctx.db, { role: 'upp', name: 'Pemilik Baru' });
    for (let a = 0; a < 12; a++) await loginFrom(`198.51.101.${a + 1}`, owner.email, `Tebakan-${a}-xy`);
    const newDevice = await loginFrom('203.0.113.60', owner.email, TEST_PASSWORD);
    expect(newDevice.statusCode).toBe(429);
    expect(newDevice.json().error.message.id).toContain('Kirim tautan masuk');

    const asked = await post('/auth/sign-in-link', { email: owner.email.toUpperCase() }, '203.0.113.60');
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ ok: true });
    // An unknown address gets the same answer and no mail.
    expect(
      (await post('/auth/sign-in-link', { email: 'tidak.ada@uji.go.id' }, '203.0.113.60')).json(),
    ).toEqual({
      ok: true,
    });
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor(
      (m) => m.to.includes(owner.email) && m.subject === 'Tautan masuk Sinovik',
    );
    expect(mail.text).toContain('Yth. Pemilik Baru,');
    const token = signInTokenIn(mail);
    // Only the hash is stored.
    const stored = await suite.ctx.db
      .selectFrom('password_tokens')
      .select(['token_hash', 'purpose', 'expires_at', 'created_at'])
      .where('user_id', '=', owner.id)
      .executeTakeFirstOrThrow();
    expect(stored.purpose).toBe('sign_in');
    expect(stored.token_hash).not.toContain(token);
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBe(15 * 60_000);
    // A sign-in link never sets a password.
    const asReset = await post(
      '/auth/password-reset/confirm',
      { token, newPassword: 'Sandi-Baru-Kuat-2026!' },
      '203.0.113.60',
    );
    expect(asReset.statusCode).toBe(400);
    expect(asReset.json().error.code).toBe('token_invalid');

    const signedIn = await post('/auth/sign-in-link/confirm', { token }, '203.0.113.60');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.id).toBe(owner.id);
    const me = await suite.ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookieOf(signedIn) },
    });
    expect(me.json().user.id).toBe(owner.id);
    const again = await post('/auth/sign-in-link/confirm', { token }, '203.0.113.60');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('token_used');
    // The browser is now a known device: its password login passes the account's throttle.
    const later = await loginFrom('203.0.113.60', owner.email, TEST_PASSWORD, cookiesOf(signedIn));
    expect(later.statusCode).toBe(200);
  });

  it('refuses an expired sign-in link', async () => {
    const owner = await makeUser(suite.ctx.db, { role: 'upp' });
    await post('/auth/sign-in-link', { email: owner.email }, '203.0.113.61');
    await suite.ctx.deliverMail();
    const token = signInTokenIn(await suite.smtp.waitFor((m) => m.to.includes(owner.email)));
    suite.ctx.clock.advance(15 * 60_000 + 1000);
    const res = await post('/auth/sign-in-link/confirm', { token }, '203.0.113.61');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('token_expired');
  });

  it('keeps the audit of a long attack to the first failures and counted summaries', async () => {
    const victim = await makeUser(suite.ctx.db, { role: 'upp' });
    let failures = 0;
    for (let i = 0; i < 80; i++) {
      const res = await loginFrom('198.51.102.9', victim.email, `Tebakan-${i}-zz`);
      if (res.statusCode === 429) suite.ctx.clock.advance(Number(res.headers['retry-after']) * 1000 + 1000);
      else {
        expect(res.statusCode).toBe(401);
        failures++;
      }
    }
    const audits = await failedAudits(victim.id);
    expect(failures).toBeGreaterThan(30);
    expect(audits.length).toBeLessThan(failures / 2);
    expect(audits.slice(0, 5).map((a) => JSON.parse(a.summary).failuresInLastHour.pair)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    for (const a of audits.slice(5)) {
      const { pair, account } = JSON.parse(a.summary).failuresInLastHour;
      expect([pair, account].some((n) => n > 5 && (n & (n - 1)) === 0) || pair <= 5).toBe(true);
    }
  });
});
