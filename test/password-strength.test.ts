import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { login, makeUser, TEST_PASSWORD } from './helpers/fixtures.js';
import { createUserFromCli } from '../src/seed/create-user.js';
import { issuePasswordToken } from '../src/platform/password-tokens.js';

/* Every place a password is set refuses a weak one, with the reason in both languages. */
describe('password strength wherever a password is set', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.close());

  const WEAK = ['password12', 'Password1!', 'P@ssw0rd2026'];

  it('refuses weak passwords on the change-password route with a bilingual field reason', async () => {
    const user = await makeUser(ctx.db, { role: 'upp' });
    const cookie = await login(ctx.app, user.email);
    for (const newPassword of WEAK) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });
      expect(res.statusCode, newPassword).toBe(400);
      const problem = res.json().error.fields.newPassword;
      expect(problem.code, newPassword).toBe('password_too_common');
      expect(problem.message.id, newPassword).toMatch(/kata sandi yang (umum|sering|paling)/);
      expect(problem.message.en, newPassword).toMatch(/password/);
    }
  });

  it('refuses them through a reset link, leaving the link usable', async () => {
    const user = await makeUser(ctx.db, { role: 'upp' });
    const { token } = await issuePasswordToken(ctx.db, {
      userId: user.id,
      purpose: 'reset',
      now: ctx.clock.now(),
    });
    for (const newPassword of WEAK) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, newPassword },
      });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.fields.newPassword.code, newPassword).toBe('password_too_common');
    }
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword: 'Kebun-Cengkeh-Lereng-58' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses them in `sinovik create-user --password`', async () => {
    for (const password of WEAK) {
      const err: string[] = [];
      const code = await createUserFromCli(
        ctx.db,
        [
          '--email',
          'cli.lemah@uji.go.id',
          '--name',
          'Cli Lemah',
          '--role',
          'system_admin',
          '--password',
          password,
        ],
        { out: () => undefined, err: (l) => err.push(l) },
      );
      expect(code, password).toBe(1);
      expect(err.join('\n'), password).toMatch(/password/i);
    }
    const created = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'cli.lemah@uji.go.id')
      .execute();
    expect(created).toEqual([]);
  });
});
