import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  linkIn,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

const EVALUATOR = { email: 'penilai.baru@univ.ac.id', name: 'Dr. Larasati Wibowo' };

describe('users and roles, in Chromium: the system administrator creates, grants and deactivates', () => {
  let server: E2EServer;
  let profiles: Profiles;

  /** Picks an option of a Mantine Select or searchable picker named by its label. */
  async function choose(page: Page, label: string, option: RegExp | string, type?: string) {
    const input = page
      .locator('input:not([type=hidden])')
      .and(page.getByLabel(new RegExp(`^${label}( \\*)?$`)))
      .first();
    if (type) await input.fill(type);
    else await input.click();
    await page.getByRole('option', { name: option }).first().click();
  }

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('creates an evaluator with an e-mailed invitation, grants a secretariat role, deactivates a user', async () => {
    // The proposer is at work in another browser: deactivation must end that session.
    const upp = await profiles.newPage();
    await logIn(upp, server.baseUrl, 'upp.tangerang@demo.sinovik.id');
    await upp.goto(server.baseUrl + '/usulan');
    await expect.poll(() => upp.getByRole('heading', { level: 1 }).first().isVisible()).toBe(true);

    const admin = await profiles.newPage();
    await logIn(admin, server.baseUrl, 'admin@demo.sinovik.id');
    await admin.getByRole('link', { name: 'Pengguna & Peran' }).click();
    await admin.waitForURL('**/admin/pengguna');
    await expect.poll(() => admin.getByRole('link', { name: 'Hendra Saputra' }).isVisible()).toBe(true);
    await shoot(admin, 'users-01-list');

    // Search by institution.
    await admin.getByLabel('Cari nama, e-mail, atau instansi').fill('Kalimantan Timur');
    await expect.poll(() => admin.getByRole('link', { name: 'Agus Pratama' }).count()).toBe(0);
    await expect.poll(() => admin.getByRole('link', { name: 'Hendra Saputra' }).isVisible()).toBe(true);
    await shoot(admin, 'users-02-search');
    await admin.getByLabel('Cari nama, e-mail, atau instansi').fill('');

    // 1. Create an evaluator for the national competition.
    await admin.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel(/^Nama/).fill(EVALUATOR.name);
    await dialog.getByLabel(/^E-mail/).fill(EVALUATOR.email);
    await choose(admin, 'Kompetisi', /Kompetisi Inovasi Pelayanan Publik 2026/);
    await shoot(admin, 'users-03-create');
    await dialog.getByRole('button', { name: 'Buat akun dan kirim undangan' }).click();
    await admin.waitForURL(/\/admin\/pengguna\/\d+$/);
    await expect.poll(() => admin.getByRole('heading', { name: EVALUATOR.name }).isVisible()).toBe(true);
    expect(await admin.getByText('Menunggu kata sandi').isVisible()).toBe(true);
    expect(
      await admin
        .getByRole('cell', { name: 'Kompetisi Inovasi Pelayanan Publik 2026', exact: true })
        .isVisible(),
    ).toBe(true);
    // The link is nowhere on the screen; it arrives in the person's mailbox.
    expect(await admin.content()).not.toContain('atur-sandi');
    const invitation = await server.smtp.waitFor((m) => m.to.includes(EVALUATOR.email), 20_000);
    expect(invitation.text).toContain('sebagai Tim Evaluasi (Kompetisi Inovasi Pelayanan Publik 2026)');
    expect(linkIn(invitation.text, server.baseUrl)).toContain('/atur-sandi?token=');
    await shoot(admin, 'users-04-created');
    // A lost invitation is sent again; the earlier link stops working.
    await admin.getByRole('button', { name: 'Kirim ulang undangan' }).click();
    await expect
      .poll(() => admin.getByText(`Undangan baru dikirim ke ${EVALUATOR.email}`).isVisible())
      .toBe(true);
    await expect
      .poll(() => server.smtp.messages.filter((m) => m.to.includes(EVALUATOR.email)).length, {
        timeout: 20_000,
      })
      .toBe(2);

    // 2. Grant the new user a secretariat role for the Kalimantan Timur province.
    await choose(admin, 'Peran', 'Sekretariat');
    await choose(admin, 'Instansi', /^Pemerintah Provinsi Kalimantan Timur/, 'Kalimantan Timur');
    await admin.getByRole('button', { name: 'Beri peran…' }).click();
    const confirmGrant = admin.getByRole('dialog');
    await expect
      .poll(() =>
        confirmGrant
          .getByText(
            `${EVALUATOR.name} akan mendapat akses sebagai Sekretariat untuk Pemerintah Provinsi Kalimantan Timur`,
          )
          .isVisible(),
      )
      .toBe(true);
    await shoot(admin, 'users-05-grant-confirm');
    await confirmGrant.getByRole('button', { name: 'Ya, beri peran' }).click();
    await expect
      .poll(() =>
        admin.getByRole('cell', { name: 'Pemerintah Provinsi Kalimantan Timur', exact: true }).isVisible(),
      )
      .toBe(true);
    expect(await admin.getByRole('button', { name: /^Cabut:/ }).count()).toBe(2);
    await shoot(admin, 'users-06-granted');
    const granted = await server.smtp.waitFor(
      (m) => m.to.includes(EVALUATOR.email) && m.subject === 'Peran baru di Sinovik: Sekretariat',
      20_000,
    );
    expect(granted.text).toContain('Pemerintah Provinsi Kalimantan Timur');

    // 3. Deactivate the proposer who is logged in elsewhere.
    await admin.getByRole('link', { name: 'Kembali ke daftar pengguna' }).click();
    await admin.getByLabel('Cari nama, e-mail, atau instansi').fill('Agus');
    await admin.getByRole('link', { name: 'Agus Pratama' }).click();
    await admin.getByRole('button', { name: 'Nonaktifkan akun…' }).click();
    const confirmDeactivate = admin.getByRole('dialog');
    await expect
      .poll(() =>
        confirmDeactivate.getByText(/^Agus Pratama akan kehilangan akses ke Sinovik seketika/).isVisible(),
      )
      .toBe(true);
    expect(await confirmDeactivate.textContent()).toContain(
      'Pengusul / UPP · RSUD Kabupaten Tangerang, Pemerintah Kabupaten Tangerang',
    );
    await shoot(admin, 'users-07-deactivate-confirm');
    await confirmDeactivate.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await expect.poll(() => admin.getByText('Nonaktif', { exact: true }).first().isVisible()).toBe(true);
    expect(await admin.getByRole('button', { name: 'Aktifkan kembali…' }).isVisible()).toBe(true);
    await shoot(admin, 'users-08-deactivated');

    // The proposer's next request finds the session ended: back to the login page.
    await upp.reload();
    await upp.waitForURL('**/masuk**');
    const notice = await server.smtp.waitFor(
      (m) =>
        m.to.includes('upp.tangerang@demo.sinovik.id') && m.subject === 'Akun Sinovik Anda dinonaktifkan',
      20_000,
    );
    expect(notice.text).toContain('Administrator Sinovik menonaktifkan akun Sinovik Anda');

    // The administrator's own page offers no way to deactivate themselves, nor to drop the last admin role.
    const list = await server.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    await admin.goto(`${server.baseUrl}/admin/pengguna/${list.id}`);
    await expect
      .poll(() => admin.getByText('Anda tidak dapat menonaktifkan akun Anda sendiri.').isVisible())
      .toBe(true);
    expect(await admin.getByRole('button', { name: 'Nonaktifkan akun…' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: /^Cabut:/ }).count()).toBe(0);

    // On a phone the list becomes cards with every column.
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'admin@demo.sinovik.id');
    await phone.goto(server.baseUrl + '/admin/pengguna');
    await expect.poll(() => phone.getByRole('link', { name: 'Agus Pratama' }).isVisible()).toBe(true);
    await shoot(phone, 'users-09-phone');
  });

  it('shows no users screen to a secretariat', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    expect(await page.getByRole('link', { name: 'Pengguna & Peran' }).count()).toBe(0);
    await page.goto(server.baseUrl + '/admin/pengguna');
    await expect.poll(() => page.getByRole('alert').first().isVisible()).toBe(true);
  });
});
