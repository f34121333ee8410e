import { describe, expect, it } from 'vitest';
import { appWithSmtpCapture, cookieOf } from './helpers/app.js';
import { makeInstitution, makeUser } from './helpers/fixtures.js';
import { type CapturedMail } from './helpers/smtp.js';
import { formatInstant } from '../src/domain/time.js';
import { enqueueMail } from '../src/platform/mail/outbox.js';
import { issuePasswordToken, passwordLink } from '../src/platform/password-tokens.js';
import { createAccount } from '../src/modules/users/commands/create-account.js';

/** The set-password link in a mail's plain-text body, and the token in it. */
function linkIn(mail: CapturedMail, baseUrl: string): { link: string; token: string } {
  const m = /(\S+\/atur-sandi\?token=(\S+))/.exec(mail.text);
  if (!m) throw new Error(`no set-password link in: ${mail.text}`);
  expect(m[1].startsWith(`${baseUrl}/atur-sandi?token=`)).toBe(true);
  return { link: m[1], token: decodeURIComponent(new URL(m[1]).searchParams.get('token') ?? '') };
}

describe('password mail through a real SMTP server', () => {
  const suite = appWithSmtpCapture();

  const post = (url: string, payload: Record<string, unknown>, cookie?: string) =>
    suite.ctx.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });

  it('sends a reset link that sets a new password, and the new password logs in', async () => {
    const user = await makeUser(suite.ctx.db, {
      role: 'upp',
      email: 'lupa.sandi@uji.go.id',
      name: 'Rina Wati',
    });
    const requested = await post('/api/auth/password-reset/request', { email: 'Lupa.Sandi@uji.go.id' });
    expect(requested.statusCode).toBe(202);
    expect(await suite.ctx.deliverMail()).toEqual({ sent: 1, failed: 0 });

    const mail = await suite.smtp.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toBe('Atur ulang kata sandi Sinovik');
    expect(mail.text).toContain('Yth. Rina Wati,');
    expect(mail.text).toMatch(/berlaku sampai .+ WIB\./);
    const { token } = linkIn(mail, suite.ctx.config.baseUrl);

    const info = await suite.ctx.app.inject({
      method: 'GET',
      url: `/api/auth/token?token=${encodeURIComponent(token)}`,
    });
    expect(info.json()).toMatchObject({ purpose: 'reset', email: user.email, name: 'Rina Wati' });

    const confirmed = await post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'Sandi-Pulih-2026!',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user.email).toBe(user.email);

    const login = await post('/api/auth/login', { email: user.email, password: 'Sandi-Pulih-2026!' });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.id).toBe(user.id);
  });

  it('follows the new-account link: set the password, complete the profile, then log in', async () => {
    const inst = await makeInstitution(suite.ctx.db, { name: 'Pemerintah Kota Uji Surel' });
    const now = suite.ctx.clock.now();
    // The way the users module creates an account for someone else: account, link and mail in one transaction.
    const user = await suite.ctx.db.transaction().execute(async (tx) => {
      const created = await createAccount(tx, {
        email: 'admin.baru@uji.go.id',
        name: 'Dedi Kurniawan',
        role: 'local_admin',
        institutionId: inst.id,
        mustCompleteProfile: true,
        createdBy: null,
        now,
      });
      const { token, expiresAt } = await issuePasswordToken(tx, {
        userId: created.id,
        purpose: 'set_password',
        now,
      });
      await enqueueMail(tx, {
        to: created.email,
        toName: created.name,
        template: 'account_created',
        locale: 'id',
        vars: {
          name: created.name,
          createdBy: 'Sekretariat KIPP',
          roleLabel: 'Admin Lokal',
          scope: inst.name,
          link: passwordLink(suite.ctx.config.baseUrl, token),
          expires: formatInstant(expiresAt, 'Asia/Jakarta', 'id'),
          email: created.email,
        },
        now,
      });
      return created;
    });
    expect(await suite.ctx.deliverMail()).toEqual({ sent: 1, failed: 0 });
    const mail = await suite.smtp.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toBe('Akun Sinovik Anda telah dibuat');
    const { token } = linkIn(mail, suite.ctx.config.baseUrl);

    // Nobody can log in before the password is set.
    const early = await post('/api/auth/login', { email: user.email, password: 'Sandi-Admin-Baru-1' });
    expect(early.statusCode).toBe(401);

    const confirmed = await post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'Sandi-Admin-Baru-1',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user.mustCompleteProfile).toBe(true);
    const cookie = cookieOf(confirmed);

    const profile = await post(
      '/api/auth/profile',
      { name: 'Dedi Kurniawan', position: 'Kepala Bagian Organisasi', phone: '081298765432', locale: 'id' },
      cookie,
    );
    expect(profile.statusCode).toBe(200);
    expect(profile.json().user.mustCompleteProfile).toBe(false);

    await post('/api/auth/logout', {}, cookie);
    const login = await post('/api/auth/login', { email: user.email, password: 'Sandi-Admin-Baru-1' });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({
      id: user.id,
      mustCompleteProfile: false,
      position: 'Kepala Bagian Organisasi',
      roles: [{ role: 'local_admin', institutionId: inst.id, institutionName: 'Pemerintah Kota Uji Surel' }],
    });
  });
});
