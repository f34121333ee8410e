import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { cookieOf, createTestApp, type TestContext } from './helpers/app.js';
import {
  login,
  makeInstitution,
  makeUnit,
  makeUser,
  sessionCookie,
  TEST_PASSWORD,
} from './helpers/fixtures.js';
import { createAccount } from '../src/modules/users/commands/create-account.js';
import { issuePasswordToken } from '../src/platform/password-tokens.js';
import { recipientText, REDACTED_EN } from './helpers/mail.js';

const MINUTE = 60_000;
const NEW_PASSWORD = 'Sandi-Baru-Yang-Kuat-77';

let ipCounter = 0;
/** A client address of its own, so the per-address login limit of one test never touches another. */
const freshIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

describe('accounts and sessions', () => {
  let ctx: TestContext;
  let seq = 0;
  const email = (what: string) => `${what}-${++seq}@uji.go.id`;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.close());

  const post = (url: string, payload: unknown, opts: { cookie?: string; ip?: string } = {}) =>
    ctx.app.inject({
      method: 'POST',
      url,
      payload: payload as Record<string, unknown>,
      headers: opts.cookie ? { cookie: opts.cookie } : {},
      remoteAddress: opts.ip ?? '127.0.0.1',
    });
  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const loginAs = (address: string, password: string, ip = freshIp()) =>
    post('/api/auth/login', { email: address, password }, { ip });
  const me = async (cookie?: string) => (await get('/api/auth/me', cookie)).json().user;
  const auditActions = async (userId: number) =>
    (
      await ctx.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(userId))
        .orderBy('id')
        .execute()
    ).map((r) => r.action);
  const errorOf = (res: LightMyRequestResponse) => res.json().error;

  /** The token in the newest mail sent to an address (the recipient's copy: the outbox row has it redacted). */
  const linkTokenFor = async (address: string) => {
    const row = await ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', address)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const text = await recipientText(ctx.db, row.id);
    const m = /\/atur-sandi\?token=([^\s]+)/.exec(text);
    if (!m) throw new Error(`no link in mail: ${text}`);
    return decodeURIComponent(m[1]);
  };

  describe('login', () => {
    it('logs in with the right password, sets an HttpOnly session cookie and audits user.login', async () => {
      const inst = await makeInstitution(ctx.db);
      const user = await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: inst.id,
        email: email('ok'),
      });
      const res = await loginAs(user.email, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ id: user.id, email: user.email, mustCompleteProfile: false });
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^sinovik_sid=/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Lax');
      expect(setCookie).not.toContain('Secure');
      expect((await me(cookieOf(res))).id).toBe(user.id);
      const row = await ctx.db
        .selectFrom('users')
        .select('last_login_at')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.last_login_at).not.toBeNull();
      expect(row.last_login_at! <= ctx.clock.now().toISOString()).toBe(true);
      expect(await auditActions(user.id)).toEqual(['user.login']);
    });

    it('compares the e-mail address case-insensitively and ignores surrounding spaces', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('case') });
      const res = await loginAs(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(res.json().user.id).toBe(user.id);
    });

    it('answers a wrong password, an unknown e-mail, an account without password and an inactive account identically', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('wrong') });
      const inactive = await makeUser(ctx.db, { role: 'upp', email: email('inactive') });
      await ctx.db.updateTable('users').set({ is_active: 0 }).where('id', '=', inactive.id).execute();
      const noPassword = await createAccount(ctx.db, {
        email: email('nopass'),
        name: 'Belum Bersandi',
        role: 'upp',
        mustCompleteProfile: true,
        createdBy: null,
        now: new Date(),
      });
      const answers = [
        await loginAs(user.email, 'Salah-Sandi-12345'),
        await loginAs(email('nobody'), 'Salah-Sandi-12345'),
        await loginAs(noPassword.email, 'Salah-Sandi-12345'),
        await loginAs(inactive.email, TEST_PASSWORD),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({
          error: {
            code: 'invalid_credentials',
            message: { id: 'E-mail atau kata sandi salah.', en: 'Wrong e-mail or password.' },
            fields: {},
          },
        });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it('refuses a malformed e-mail address with a field message', async () => {
      const res = await loginAs('bukan-email', 'apa saja');
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('validation_failed');
      expect(errorOf(res).fields.email.code).toBe('invalid_email');
    });

    it('makes one address wait after 5 failures on one account (30 s, doubling), while the right password from elsewhere still logs in', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('locked') });
      const attacker = freshIp();
      for (let i = 0; i < 5; i++)
        expect((await loginAs(user.email, `Salah-${i}-sandi-xx`, attacker)).statusCode).toBe(401);
      const waiting = await loginAs(user.email, TEST_PASSWORD, attacker);
      expect(waiting.statusCode).toBe(429);
      expect(waiting.headers['retry-after']).toBe('30');
      expect(errorOf(waiting).code).toBe('too_many_attempts');
      expect(errorOf(waiting).retryAfter).toBe(30);
      expect(errorOf(waiting).message.id).toContain('Coba lagi dalam 30 detik');
      expect(errorOf(waiting).message.en).toContain('Try again in 30 seconds');
      // The owner, elsewhere, is not slowed down by it.
      expect((await loginAs(user.email, TEST_PASSWORD, freshIp())).statusCode).toBe(200);

      ctx.clock.advance(31_000);
      expect((await loginAs(user.email, 'Salah-lagi-sandi-xx', attacker)).statusCode).toBe(401);
      const longer = await loginAs(user.email, TEST_PASSWORD, attacker);
      expect(longer.statusCode).toBe(429);
      expect(longer.headers['retry-after']).toBe('60');
      ctx.clock.advance(61_000);
      expect((await loginAs(user.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);
      const left = await ctx.db
        .selectFrom('login_failures')
        .select('id')
        .where('email', '=', user.email)
        .where('ip', '=', attacker)
        .execute();
      expect(left).toEqual([]);
    });

    it('makes a client address wait after 30 failures in an hour, whatever the e-mail', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('iplimit') });
      const ip = freshIp();
      for (let i = 0; i < 30; i++)
        expect((await loginAs(email('guess'), 'Salah-sandi-xyz', ip)).statusCode).toBe(401);
      const res = await loginAs(user.email, TEST_PASSWORD, ip);
      expect(res.statusCode).toBe(429);
      expect(errorOf(res).code).toBe('too_many_attempts');
      expect((await loginAs(user.email, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
      expect(res.headers['retry-after']).toBe('60');
      ctx.clock.advance(MINUTE + 1000);
      expect((await loginAs(user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
    });
  });

  describe('logout and me', () => {
    it('answers me with null without a session', async () => {
      const res = await get('/api/auth/me');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ user: null });
    });

    it('logs out: 204, the session row is gone, me is null and user.logout is audited', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('logout') });
      const cookie = await login(ctx.app, user.email);
      const res = await post('/api/auth/logout', {}, { cookie });
      expect(res.statusCode).toBe(204);
      expect(await me(cookie)).toBeNull();
      const sessions = await ctx.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', user.id)
        .execute();
      expect(sessions).toEqual([]);
      expect(await auditActions(user.id)).toEqual(['user.login', 'user.logout']);
      const after = await post(
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        { cookie },
      );
      expect(after.statusCode).toBe(401);
    });

    it('shows a secretariat its role, institution and what it may do', async () => {
      const inst = await makeInstitution(ctx.db, { name: 'Kementerian PANRB Uji', type: 'kementerian' });
      const user = await makeUser(ctx.db, {
        role: 'secretariat',
        institutionId: inst.id,
        email: email('sekretariat'),
        name: 'Sekretariat Uji',
      });
      const cookie = await login(ctx.app, user.email);
      expect(await me(cookie)).toEqual({
        id: user.id,
        email: user.email,
        name: 'Sekretariat Uji',
        position: null,
        phone: null,
        locale: 'id',
        mustCompleteProfile: false,
        roles: [
          {
            role: 'secretariat',
            institutionId: inst.id,
            institutionName: 'Kementerian PANRB Uji',
            unitId: null,
            unitName: null,
            competitionId: null,
            competitionName: null,
          },
        ],
        abilities: {
          // The installation's reference data is the system administrator's and the data steward's.
          manageInstitutions: false,
          viewInstitutions: true, // read-only
          reviewAdminRequests: false,
          viewOutbox: true,
          viewAudit: true,
          manageAwards: false,
          createCompetition: true,
          organizerInstitutionIds: [inst.id],
          createCompetitionForAnyOrganizer: false,
          manageUnitsOf: [],
          manageAllUnits: false,
          controlClock: false,
          viewProposals: true, // the forwarded proposals of its competitions
          viewSubmissionDashboard: true,
          manageUsers: false,
          viewSelection: true,
          adjudicateObjectionsIn: [],
          reviewWork: false,
          viewOwnCertificates: false,
          viewReplicationRequests: false,
          manageGalleryOf: [],
        },
      });
    });

    it('shows an admin lokal the units it may manage and nothing of the secretariat', async () => {
      const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Sleman Uji' });
      const user = await makeUser(ctx.db, {
        role: 'local_admin',
        institutionId: inst.id,
        email: email('adminlokal'),
      });
      const cookie = await login(ctx.app, user.email);
      const body = await me(cookie);
      expect(body.roles).toEqual([
        {
          role: 'local_admin',
          institutionId: inst.id,
          institutionName: 'Pemerintah Kabupaten Sleman Uji',
          unitId: null,
          unitName: null,
          competitionId: null,
          competitionName: null,
        },
      ]);
      expect(body.abilities).toEqual({
        manageInstitutions: false,
        viewInstitutions: false,
        reviewAdminRequests: false,
        viewOutbox: false,
        viewAudit: false,
        manageAwards: false,
        createCompetition: false,
        organizerInstitutionIds: [],
        createCompetitionForAnyOrganizer: false,
        manageUnitsOf: [inst.id],
        manageAllUnits: false,
        controlClock: false,
        viewProposals: true,
        viewSubmissionDashboard: false,
        manageUsers: false,
        viewSelection: false,
        adjudicateObjectionsIn: [],
        reviewWork: false,
        viewOwnCertificates: true,
        viewReplicationRequests: true,
        manageGalleryOf: [inst.id],
      });
    });

    it('shows a UPP its unit and no management abilities', async () => {
      const inst = await makeInstitution(ctx.db);
      const unit = await makeUnit(ctx.db, inst.id, 'RSUD Uji');
      const user = await makeUser(ctx.db, {
        role: 'upp',
        institutionId: inst.id,
        unitId: unit.id,
        email: email('upp'),
      });
      const body = await me(await login(ctx.app, user.email));
      expect(body.roles[0]).toMatchObject({ role: 'upp', unitId: unit.id, unitName: 'RSUD Uji' });
      expect(body.abilities.manageUnitsOf).toEqual([]);
      expect(body.abilities.createCompetition).toBe(false);
      expect(body.abilities.manageAwards).toBe(false);
      expect(body.abilities.viewProposals).toBe(true);
    });

    it('shows a system administrator that any organizer and any institution’s units are open to it', async () => {
      const user = await makeUser(ctx.db, { role: 'system_admin', email: email('sysadmin') });
      const body = await me(await login(ctx.app, user.email));
      expect(body.abilities).toMatchObject({
        manageInstitutions: true,
        viewInstitutions: true,
        reviewAdminRequests: true,
        createCompetition: true,
        organizerInstitutionIds: [],
        createCompetitionForAnyOrganizer: true,
        manageAllUnits: true,
        manageAwards: true,
        controlClock: false, // SINOVIK_CLOCK_CONTROL is off in this app
      });
    });
  });

  describe('change password', () => {
    it('refuses a wrong current password and a weak new one with field codes', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('chg-bad') });
      const cookie = await login(ctx.app, user.email);
      const wrong = await post(
        '/api/auth/password',
        { currentPassword: 'Bukan-Sandi-Ini-1', newPassword: NEW_PASSWORD },
        { cookie },
      );
      expect(wrong.statusCode).toBe(400);
      expect(errorOf(wrong).fields).toEqual({
        currentPassword: {
          code: 'wrong_password',
          message: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
        },
      });
      const common = await post(
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'password123' },
        { cookie },
      );
      expect(common.statusCode).toBe(400);
      expect(Object.keys(errorOf(common).fields)).toEqual(['newPassword']);
      expect(errorOf(common).fields.newPassword.code).toBe('password_too_common');
      const short = await post(
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'Pendek1!' },
        { cookie },
      );
      expect(errorOf(short).fields.newPassword.code).toBe('password_too_short');
      expect(await auditActions(user.id)).toEqual(['user.login', 'user.password_change_failed']);
    });

    it('changes the password, keeps this session, ends the others, and the old password stops working', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('chg-ok') });
      const cookie = await login(ctx.app, user.email);
      const otherDevice = await login(ctx.app, user.email);
      const res = await post(
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        { cookie },
      );
      expect(res.statusCode).toBe(204);
      expect((await me(cookie)).id).toBe(user.id);
      expect(await me(otherDevice)).toBeNull();
      expect((await loginAs(user.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await loginAs(user.email, NEW_PASSWORD)).statusCode).toBe(200);
      expect(await auditActions(user.id)).toContain('user.password_changed');
    });

    it('needs a session', async () => {
      const res = await post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('unauthenticated');
    });
  });

  describe('password reset', () => {
    const outboxFor = (address: string) =>
      ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', address).execute();

    it('answers 202 for an unknown e-mail without sending anything', async () => {
      const address = email('unknown');
      const res = await post('/api/auth/password-reset/request', { email: address });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ ok: true });
      expect(await outboxFor(address)).toEqual([]);
    });

    it('answers 202 for an inactive account without sending anything', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('reset-inactive') });
      await ctx.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute();
      const res = await post('/api/auth/password-reset/request', { email: user.email });
      expect(res.statusCode).toBe(202);
      expect(await outboxFor(user.email)).toEqual([]);
    });

    it('queues a reset mail in the requested language, audited, at most 3 an hour (silently)', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('reset-limit'), name: 'Budi Santoso' });
      for (let i = 0; i < 4; i++) {
        const res = await post('/api/auth/password-reset/request', {
          email: user.email.toUpperCase(),
          locale: 'en',
        });
        expect(res.statusCode).toBe(202);
        expect(res.json()).toEqual({ ok: true });
      }
      const mails = await outboxFor(user.email);
      expect(mails).toHaveLength(3);
      expect(mails[0]).toMatchObject({ template: 'password_reset', locale: 'en', status: 'pending' });
      expect(mails[0].subject).toBe('Reset your Sinovik password');
      expect(mails[0].text_body).toContain('Dear Budi Santoso,');
      expect(mails[0].text_body).not.toContain('token=');
      expect(mails[0].text_body).toContain(REDACTED_EN);
      expect(await recipientText(ctx.db, mails[0].id)).toContain(`${ctx.config.baseUrl}/atur-sandi?token=`);
      expect(mails[0].text_body).toMatch(/valid until \d{1,2} \w+ \d{4} \d{2}:\d{2} WIB/);
      expect((await auditActions(user.id)).filter((a) => a === 'user.password_reset_requested')).toHaveLength(
        3,
      );

      ctx.clock.advance(61 * MINUTE);
      await post('/api/auth/password-reset/request', { email: user.email });
      const later = await outboxFor(user.email);
      expect(later).toHaveLength(4);
      expect(later[3].locale).toBe('id');
      expect(later[3].text_body).toMatch(/berlaku sampai \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);
    });

    it('shows whose link it is without using it, then resets, logs in and ends the old sessions', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('reset-ok'), name: 'Siti Aminah' });
      const oldSession = await login(ctx.app, user.email);
      await post('/api/auth/password-reset/request', { email: user.email });
      const token = await linkTokenFor(user.email);

      for (let i = 0; i < 2; i++) {
        const info = await get(`/api/auth/token?token=${encodeURIComponent(token)}`);
        expect(info.statusCode).toBe(200);
        expect(info.json()).toEqual({
          purpose: 'reset',
          email: user.email,
          name: 'Siti Aminah',
          expiresAt: new Date(Date.parse(info.json().expiresAt)).toISOString(),
        });
      }

      const res = await post('/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.id).toBe(user.id);
      expect((await me(cookieOf(res))).id).toBe(user.id);
      expect(await me(oldSession)).toBeNull();
      expect((await loginAs(user.email, NEW_PASSWORD)).statusCode).toBe(200);
      expect((await loginAs(user.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect(await auditActions(user.id)).toContain('user.password_reset');

      const again = await post('/api/auth/password-reset/confirm', {
        token,
        newPassword: 'Lagi-Sandi-Lain-88',
      });
      expect(again.statusCode).toBe(400);
      expect(errorOf(again).code).toBe('token_used');
      expect(errorOf(await get(`/api/auth/token?token=${encodeURIComponent(token)}`))).toMatchObject({
        code: 'token_used',
      });
    });

    it('refuses an expired link (after one hour) with token_expired', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('reset-exp') });
      await post('/api/auth/password-reset/request', { email: user.email });
      const token = await linkTokenFor(user.email);
      ctx.clock.advance(60 * MINUTE + 1000);
      const info = await get(`/api/auth/token?token=${encodeURIComponent(token)}`);
      expect(info.statusCode).toBe(400);
      expect(errorOf(info).code).toBe('token_expired');
      const res = await post('/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('token_expired');
      expect(errorOf(res).fields.token.code).toBe('token_expired');
    });

    it('refuses an unknown link with token_invalid', async () => {
      const res = await post('/api/auth/password-reset/confirm', {
        token: 'tidak-ada',
        newPassword: NEW_PASSWORD,
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('token_invalid');
      expect(errorOf(await get('/api/auth/token?token=tidak-ada')).code).toBe('token_invalid');
    });

    it('refuses a common or short password without using up the link', async () => {
      const user = await makeUser(ctx.db, { role: 'upp', email: email('reset-weak') });
      await post('/api/auth/password-reset/request', { email: user.email });
      const token = await linkTokenFor(user.email);
      const common = await post('/api/auth/password-reset/confirm', { token, newPassword: 'bismillah123' });
      expect(common.statusCode).toBe(400);
      expect(errorOf(common).fields.newPassword.code).toBe('password_too_common');
      const short = await post('/api/auth/password-reset/confirm', { token, newPassword: 'Abc-123' });
      expect(errorOf(short).fields.newPassword.code).toBe('password_too_short');
      const sameAsEmail = await post('/api/auth/password-reset/confirm', {
        token,
        newPassword: `${user.email.split('@')[0]}!`,
      });
      expect(errorOf(sameAsEmail).fields.newPassword.code).toBe('password_too_common');
      const ok = await post('/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
      expect(ok.statusCode).toBe(200);
    });
  });

  describe('first login of an account created by someone else', () => {
    it('allows only me, setting the password and the profile until the profile is complete', async () => {
      const inst = await makeInstitution(ctx.db);
      const now = ctx.clock.now();
      const { user, token } = await ctx.db.transaction().execute(async (tx) => {
        const created = await createAccount(tx, {
          email: email('firstlogin'),
          name: 'Ani Lestari',
          role: 'local_admin',
          institutionId: inst.id,
          mustCompleteProfile: true,
          createdBy: null,
          now,
        });
        const issued = await issuePasswordToken(tx, { userId: created.id, purpose: 'set_password', now });
        return { user: created, token: issued.token };
      });
      const info = await get(`/api/auth/token?token=${encodeURIComponent(token)}`);
      expect(info.json()).toMatchObject({ purpose: 'set_password', email: user.email, name: 'Ani Lestari' });

      const confirmed = await post('/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json().user.mustCompleteProfile).toBe(true);
      const cookie = cookieOf(confirmed);

      const blocked = await post(
        '/api/auth/password',
        { currentPassword: NEW_PASSWORD, newPassword: 'Sandi-Ketiga-Kuat-99' },
        { cookie },
      );
      expect(blocked.statusCode).toBe(403);
      expect(errorOf(blocked).code).toBe('profile_incomplete');
      expect((await me(cookie)).mustCompleteProfile).toBe(true);

      const badPhone = await post(
        '/api/auth/profile',
        { name: 'Ani Lestari', position: 'Analis Kebijakan', phone: '0812-abc', locale: 'id' },
        { cookie },
      );
      expect(badPhone.statusCode).toBe(400);
      expect(errorOf(badPhone).fields.phone.message.id).toContain('Tulis nomor telepon Indonesia');
      const missing = await post(
        '/api/auth/profile',
        { name: ' ', phone: '081234567890', locale: 'id' },
        { cookie },
      );
      expect(Object.keys(errorOf(missing).fields).sort()).toEqual(['name', 'position']);

      const profile = await post(
        '/api/auth/profile',
        {
          name: ' Ani Lestari, S.Sos. ',
          position: 'Analis Kebijakan',
          phone: '+6281234567890',
          locale: 'en',
        },
        { cookie },
      );
      expect(profile.statusCode).toBe(200);
      expect(profile.json().user).toMatchObject({
        name: 'Ani Lestari, S.Sos.',
        position: 'Analis Kebijakan',
        phone: '+6281234567890',
        locale: 'en',
        mustCompleteProfile: false,
      });

      const allowed = await post(
        '/api/auth/password',
        { currentPassword: NEW_PASSWORD, newPassword: 'Sandi-Ketiga-Kuat-99' },
        { cookie },
      );
      expect(allowed.statusCode).toBe(204);
      expect(await auditActions(user.id)).toEqual([
        'user.password_reset',
        'user.profile_completed',
        'user.password_changed',
      ]);

      const again = await post(
        '/api/auth/profile',
        { name: 'Ani Lestari', position: 'Kepala Bagian', phone: '081234567890', locale: 'id' },
        { cookie },
      );
      expect(again.statusCode).toBe(200);
      expect((await auditActions(user.id)).at(-1)).toBe('user.profile_updated');
    });

    it('refuses to complete the profile while no password has been set', async () => {
      const user = await createAccount(ctx.db, {
        email: email('nopass-profile'),
        name: 'Tanpa Sandi',
        role: 'upp',
        mustCompleteProfile: true,
        createdBy: null,
        now: new Date(),
      });
      const cookie = await sessionCookie(ctx, user.id);
      const res = await post(
        '/api/auth/profile',
        { name: 'Tanpa Sandi', position: 'Staf', phone: '081234567890', locale: 'id' },
        { cookie },
      );
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('password_not_set');
      const row = await ctx.db
        .selectFrom('users')
        .select('must_complete_profile')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.must_complete_profile).toBe(1);
    });
  });
});

describe('session cookie behind https', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { BASE_URL: 'https://sinovik.uji.go.id' } });
  });
  afterAll(async () => ctx.close());

  it('marks the cookie Secure when the base URL is https', async () => {
    const user = await makeUser(ctx.db, { role: 'upp' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });
});
