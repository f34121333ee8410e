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
import { samplePdf } from '../../src/seed/sample-pdf.js';

const NEW_ADMIN = {
  email: 'admin.bogor@kotabogor.go.id',
  name: 'Siti Nurhaliza',
  position: 'Kepala Bagian Organisasi',
};
const NEW_UPP = { email: 'upp.dinkes@kotabogor.go.id', name: 'Rudi Hartono' };
const ADMIN_PASSWORD = 'Bogor-Berinovasi-2026';
const UPP_PASSWORD = 'Dinkes-Melayani-2026';

describe('foundation, in Chromium: from a fresh start to a UPP user logging in', () => {
  let server: E2EServer;
  let profiles: Profiles;

  async function setPasswordFromMail(page: Page, to: string, subjectPart: string, password: string) {
    const mail = await server.smtp.waitFor(
      (m) => m.to.includes(to) && m.subject.includes(subjectPart),
      20_000,
    );
    await page.goto(linkIn(mail.text, server.baseUrl));
    await page.getByLabel(/^Kata sandi baru/).fill(password);
    await page.getByLabel('Ulangi kata sandi baru').fill(password);
    return mail;
  }

  beforeAll(async () => {
    // What `npm start` does on an empty database.
    server = await startDemoServer();
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('walks the whole path: competition from template, admin lokal request and approval, unit and UPP account', async () => {
    // 1. The public home page shows the open competitions, with deadlines and the complaints link.
    const visitor = await profiles.newPage();
    await visitor.goto(server.baseUrl + '/');
    await expect
      .poll(() => visitor.getByRole('heading', { name: 'Kompetisi yang dibuka' }).isVisible())
      .toBe(true);
    expect(
      await visitor
        .getByRole('link', { name: /SP4N-LAPOR!/ })
        .first()
        .isVisible(),
    ).toBe(true);
    await shoot(visitor, '01-home');

    // 2. The secretariat logs in and creates next year's competition from the KIPP template.
    const secretariat = await profiles.newPage();
    await secretariat.goto(server.baseUrl + '/masuk');
    await shoot(secretariat, '02-login');
    await logIn(secretariat, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await secretariat.waitForURL('**/sekretariat/kompetisi');
    await shoot(secretariat, '03-secretariat-competitions');
    await secretariat.getByLabel(/^Tahun/).fill('2027');
    await secretariat.getByRole('button', { name: 'Buat kompetisi' }).click();
    await secretariat.waitForURL(/\/sekretariat\/kompetisi\/\d+$/);
    await expect.poll(() => secretariat.getByRole('button', { name: 'Terbitkan' }).isVisible()).toBe(true);
    await shoot(secretariat, '04-competition-settings');
    await secretariat.getByRole('button', { name: 'Terbitkan' }).click();
    // Publishing asks first, with the submission window (hour and zone) from the API.
    const publish = secretariat.getByRole('dialog', { name: 'Terbitkan kompetisi ini?' });
    await expect
      .poll(() => publish.getByText(/^Pengajuan proposal dibuka .* WIB dan ditutup .* WIB\.$/).isVisible())
      .toBe(true);
    await publish.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await expect.poll(() => secretariat.getByText('Kompetisi diterbitkan.').isVisible()).toBe(true);
    const created = await server.ctx.db
      .selectFrom('competitions')
      .select(['status', 'year'])
      .where('year', '=', 2027)
      .executeTakeFirstOrThrow();
    expect(created).toEqual({ status: 'published', year: 2027 });

    // 3. An institution requests its admin lokal account with the signed letter.
    await visitor.goto(server.baseUrl + '/permohonan-admin-lokal');
    await visitor.locator('input').and(visitor.getByLabel('Instansi')).fill('Kota Bogor');
    await visitor.getByRole('option', { name: /^Pemerintah Kota Bogor Pemerintah Kota/ }).click();
    await visitor.getByLabel('Nama admin yang ditunjuk').fill(NEW_ADMIN.name);
    await visitor.getByLabel('Jabatan').fill(NEW_ADMIN.position);
    await visitor.getByLabel('E-mail').fill(NEW_ADMIN.email);
    await visitor.getByLabel('Telepon').fill('081298765432');
    await visitor.getByLabel('Nomor surat (opsional)').fill('800/45/Org/2026');
    await visitor.locator('input[type=file]').setInputFiles({
      name: 'surat-permohonan.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('Surat Permohonan Akun Sinovik Admin Lokal'),
    });
    await shoot(visitor, '05-admin-request-form');
    await visitor.getByRole('button', { name: 'Kirim permohonan' }).click();
    await expect
      .poll(() => visitor.getByText('Permohonan terkirim').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shoot(visitor, '06-admin-request-sent');
    const receipt = await server.smtp.waitFor(
      (m) => m.to.includes(NEW_ADMIN.email) && m.subject.includes('telah diterima'),
    );
    const number = receipt.text.match(/nomor permohonan (\d+)/)![1];

    // The requester checks the request by the receipt's link (the number is filled in) and their e-mail.
    await visitor.goto(linkIn(receipt.text, server.baseUrl));
    expect(await visitor.getByLabel(/^Nomor permohonan/).inputValue()).toBe(number);
    await visitor.getByLabel(/^E-mail pemohon/).fill('orang.lain@bogorkota.go.id');
    await visitor.getByRole('button', { name: 'Cek status' }).click();
    await visitor.getByText(/Tidak ada permohonan dengan nomor dan e-mail itu/).waitFor();
    await visitor.getByLabel(/^E-mail pemohon/).fill(NEW_ADMIN.email);
    await visitor.getByRole('button', { name: 'Cek status' }).click();
    const status = visitor.getByTestId('request-status');
    await expect.poll(() => status.innerText()).toMatch(/Sedang diperiksa/i);
    expect(await status.innerText()).toContain(`Permohonan nomor ${number}`);
    await shoot(visitor, '06b-admin-request-status-pending');

    // 4. The secretariat approves it.
    await secretariat.goto(server.baseUrl + '/sekretariat/permohonan-admin');
    await secretariat
      .getByRole('link', { name: /Pemerintah Kota Bogor/ })
      .first()
      .click();
    await secretariat.waitForURL(/\/sekretariat\/permohonan-admin\/\d+$/);
    await shoot(secretariat, '07-admin-request-review');
    await secretariat.getByRole('button', { name: 'Setujui' }).click();
    await secretariat.getByRole('button', { name: 'Ya, setujui dan buat akun' }).click();
    await expect
      .poll(() =>
        secretariat
          .getByText(/Permohonan disetujui/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // The requester's check now says approved and where to go.
    await visitor.getByRole('button', { name: 'Cek status' }).click();
    await expect.poll(() => status.innerText()).toMatch(/Disetujui/i);
    await shoot(visitor, '06c-admin-request-status-approved');

    // 5. The new admin lokal sets a password from the e-mail, completes the profile, adds a unit and a UPP.
    const admin = await profiles.newPage();
    await setPasswordFromMail(admin, NEW_ADMIN.email, 'disetujui', ADMIN_PASSWORD);
    await shoot(admin, '08-set-password');
    await admin.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await admin.waitForURL('**/lengkapi-profil');
    await admin.getByLabel('Telepon').fill('081298765432');
    await shoot(admin, '09-complete-profile');
    await admin.getByRole('button', { name: 'Simpan dan lanjutkan' }).click();
    // The admin lokal lands on the proposals that need their action (issue 11); units are one link away.
    await admin.waitForURL(
      (u) => u.pathname === '/usulan' && u.searchParams.get('state') === 'sent_to_local_admin,withdrawn',
    );
    await admin.getByRole('link', { name: 'Unit & Pengguna' }).first().click();
    await admin.waitForURL(/\/instansi\/\d+\/unit$/);
    await shoot(admin, '10-units-empty');
    await admin.getByRole('button', { name: 'Tambah unit' }).first().click();
    await admin.getByLabel('Nama unit').fill('Dinas Kesehatan');
    await admin
      .getByRole('dialog')
      .getByRole('button', { name: /Simpan|Tambah/ })
      .last()
      .click();
    await expect
      .poll(() => admin.getByRole('cell', { name: 'Dinas Kesehatan' }).first().isVisible())
      .toBe(true);
    const form = admin.locator('form', {
      has: admin.getByRole('button', { name: 'Buat akun dan kirim undangan' }),
    });
    await form.getByRole('textbox', { name: 'E-mail' }).fill(NEW_UPP.email);
    await form.getByRole('textbox', { name: /^Nama/ }).fill(NEW_UPP.name);
    await form.getByRole('combobox', { name: /^Unit/ }).click();
    await admin.getByRole('option', { name: 'Dinas Kesehatan' }).click();
    await form.getByRole('button', { name: 'Buat akun dan kirim undangan' }).click();
    await expect.poll(() => admin.getByText('Akun dibuat').isVisible()).toBe(true);
    await shoot(admin, '11-upp-created');

    // 6. The UPP user sets a password from the e-mail, completes the profile and then logs in normally.
    const upp = await profiles.newPage({ width: 390, height: 844 });
    const invitation = await setPasswordFromMail(upp, NEW_UPP.email, 'telah dibuat', UPP_PASSWORD);
    expect(invitation.text).toContain('Dinas Kesehatan');
    await upp.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await upp.waitForURL('**/lengkapi-profil');
    await upp.getByLabel('Jabatan').fill('Analis Kebijakan');
    await upp.getByLabel('Telepon').fill('081311112222');
    await shoot(upp, '12-upp-profile-phone');
    await upp.getByRole('button', { name: 'Simpan dan lanjutkan' }).click();
    await upp.waitForURL((url) => !url.pathname.includes('lengkapi-profil'));
    await upp.context().clearCookies();
    await logIn(upp, server.baseUrl, NEW_UPP.email, UPP_PASSWORD);
    await upp.waitForURL((url) => url.pathname === '/usulan');
    const me = await upp.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user);
    expect(me).toMatchObject({
      email: NEW_UPP.email,
      mustCompleteProfile: false,
      roles: [{ role: 'upp', unitName: 'Dinas Kesehatan' }],
    });
    await shoot(upp, '13-upp-logged-in-phone');
  });

  it('gives the secretariat the institution CSV import: a dry run with the row report, then the import', async () => {
    const sec = await profiles.newPage();
    await logIn(sec, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await sec.waitForURL('**/sekretariat/kompetisi');
    await sec.goto(server.baseUrl + '/sekretariat/instansi');
    await sec.getByRole('button', { name: 'Impor CSV' }).click();
    const panel = sec.getByRole('region', { name: 'Impor dari berkas CSV' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const header = 'type,name,short_name,region_code,parent_region_code\n';
    const file = (name: string, rows: string) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(header + rows),
    });

    // A name twice in the file: refused per row, nothing written.
    await panel
      .locator('input[type=file]')
      .setInputFiles(
        file(
          'salah.csv',
          'pemerintah_kota,Pemerintah Kota Impor Uji,,,\npemerintah_kota,Pemerintah Kota Impor Uji,,,\n',
        ),
      );
    await panel.getByRole('button', { name: 'Periksa dulu' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('Lihat 1 kesalahan');
    const report = panel.getByRole('table', { name: 'Kesalahan per baris (baris 1 adalah judul kolom)' });
    await expect.poll(() => report.getByText('Nama ini sudah ada di baris 2.').isVisible()).toBe(true);
    await shoot(sec, '15-institutions-import-report');

    // A good file: the dry run says what would be imported, then the import writes it.
    await panel
      .locator('input[type=file]')
      .setInputFiles(file('benar.csv', 'pemerintah_kota,Pemerintah Kota Impor Uji,Pemkot Impor,,\n'));
    expect(await report.count()).toBe(0);
    await panel.getByRole('button', { name: 'Periksa dulu' }).click();
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toBe('Berkas valid: 1 instansi siap diimpor. Belum ada yang disimpan; tekan Impor.');
    await panel.getByRole('button', { name: 'Impor', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('1 instansi berhasil diimpor.');
    // The file is cleared after a real import, so both buttons wait for the next one.
    expect(await panel.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await sec.getByLabel('Cari nama').fill('Impor Uji');
    await expect
      .poll(() => sec.getByText('Pemerintah Kota Impor Uji', { exact: true }).locator('visible=true').count())
      .toBe(1);
    await shoot(sec, '16-institutions-imported');
  });

  it('switches the interface to English and back', async () => {
    const page = await profiles.newPage();
    await page.goto(server.baseUrl + '/');
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Open competitions' }).isVisible()).toBe(true);
    await shoot(page, '14-home-english');
    await page.getByText('ID', { exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Kompetisi yang dibuka' }).isVisible())
      .toBe(true);
  });
});
