import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/*
 * Sign-in under throttling, in Chromium: the throttled message, the e-mailed sign-in link, and the
 * password-strength reason under the field.
 */
describe('sign-in, throttling and password strength in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
  }, 120_000);
  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('shows the throttled message, lets the owner in through the sign-in link, and explains a weak password', async () => {
    const owner = await makeUser(server.ctx.db, {
      role: 'upp',
      name: 'Dewi Lestari',
      email: 'dewi.lestari@uji.go.id',
    });
    const page = await profiles.newPage();
    await page.goto(server.baseUrl + '/masuk');
    await page.getByLabel('E-mail').fill(owner.email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel(/^Kata sandi/).fill(`Salah-Tebak-${i}-xx`);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toContain('E-mail atau kata sandi salah');
      await page.getByRole('alert').first().waitFor();
    }
    await page.getByLabel(/^Kata sandi/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toContain('Terlalu banyak percobaan masuk yang gagal');
    expect(await alert.textContent()).toContain('Kirim tautan masuk');
    await shoot(page, 'login-throttled');

    await page.getByRole('button', { name: 'Kirim tautan masuk' }).click();
    await page.getByText(/kami telah mengirim tautan masuk/).waitFor();
    await shoot(page, 'login-link-sent');

    const mail = await server.smtp.waitFor(
      (m) => m.to.includes(owner.email) && m.subject === 'Tautan masuk Sinovik',
      20_000,
    );
    const link = linkIn(mail.text, server.baseUrl);
    expect(link).toContain('/masuk-tautan?token=');
    const fresh = await profiles.newPage({ width: 390, height: 844 });
    await fresh.goto(link);
    await fresh.getByRole('heading', { name: 'Masuk dengan tautan' }).waitFor();
    await shoot(fresh, 'sign-in-link');
    await fresh.getByRole('button', { name: 'Masuk ke Sinovik' }).click();
    await fresh.waitForURL((u) => !u.pathname.startsWith('/masuk'));

    // The same link a second time: refused, with the way out.
    const again = await profiles.newPage();
    await again.goto(link);
    await again.getByRole('button', { name: 'Masuk ke Sinovik' }).click();
    await again.getByText('Tautan ini sudah pernah dipakai', { exact: false }).waitFor();
    await shoot(again, 'sign-in-link-used');

    await fresh.goto(server.baseUrl + '/akun/sandi');
    await fresh.getByLabel(/^Kata sandi saat ini/).fill(TEST_PASSWORD);
    await fresh.getByLabel(/^Kata sandi baru/).fill('Password1!');
    await fresh.getByLabel(/^Ulangi kata sandi baru/).fill('Password1!');
    await fresh.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await fresh.getByText(/Ini mirip kata sandi yang umum dipakai\. Gunakan beberapa kata/).waitFor();
    await shoot(fresh, 'password-strength');
  }, 120_000);
});
