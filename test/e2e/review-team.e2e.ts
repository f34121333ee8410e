import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkIn,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

const REVIEWER = { email: 'ratna.sari@unpad.ac.id', name: 'Dr. Ratna Sari' };
const PASSWORD = 'Sandi-Penilai-2026!';

describe('Tim Evaluasi in Chromium: the secretariat invites, the evaluator completes the profile', () => {
  let server: E2EServer;
  let profiles: Profiles;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('invites by e-mail, the link sets a password, the profile with a declared conflict shows on the team page', async () => {
    const secretariat = await profiles.newPage();
    await logIn(secretariat, server.baseUrl, 'sekretariat@demo.sinovik.id');
    const competition = await server.ctx.db
      .selectFrom('competitions')
      .select(['id', 'name'])
      .where('code', '=', 'KIPP')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    await secretariat.goto(`${server.baseUrl}/sekretariat/kompetisi/${competition.id}`);
    await secretariat.getByRole('link', { name: 'Tim penilai' }).click();
    await secretariat.waitForURL(`**/sekretariat/kompetisi/${competition.id}/tim-penilai`);
    await expect
      .poll(() => secretariat.getByRole('heading', { name: 'Tim penilai', level: 1 }).isVisible())
      .toBe(true);

    await secretariat.getByLabel(/^Nama lengkap/).fill(REVIEWER.name);
    await secretariat.getByLabel(/^E-mail/).fill(REVIEWER.email);
    await secretariat
      .getByLabel(/^Kapasitas/)
      .first()
      .fill('40');
    await secretariat.getByRole('button', { name: 'Kirim undangan' }).click();
    await expect
      .poll(() => secretariat.getByText(`Undangan dikirim ke ${REVIEWER.email}.`).isVisible())
      .toBe(true);
    await expect
      .poll(() => secretariat.getByText(REVIEWER.name, { exact: true }).first().isVisible())
      .toBe(true);
    expect(await secretariat.getByText('Diundang', { exact: true }).first().isVisible()).toBe(true);
    await shoot(secretariat, 'review-team-01-invited');

    // The evaluator follows the e-mailed link, sets a password and completes the account profile.
    const mail = await server.smtp.waitFor((m) => m.to.includes(REVIEWER.email), 20_000);
    expect(mail.subject).toBe('Akun Sinovik Anda telah dibuat');
    expect(mail.text).toContain(`sebagai Tim Evaluasi (Tim Evaluasi — ${competition.name}`);
    const evaluator = await profiles.newPage({ width: 390, height: 844 });
    await evaluator.goto(linkIn(mail.text, server.baseUrl));
    await evaluator.getByLabel(/^Kata sandi baru/).fill(PASSWORD);
    await evaluator.getByLabel('Ulangi kata sandi baru').fill(PASSWORD);
    await evaluator.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await evaluator.waitForURL('**/lengkapi-profil');
    await evaluator.getByLabel('Jabatan').fill('Dosen Administrasi Publik');
    await evaluator.getByLabel('Telepon').fill('081234567890');
    await evaluator.getByRole('button', { name: 'Simpan dan lanjutkan' }).click();
    await evaluator.waitForURL((u) => !u.pathname.startsWith('/lengkapi-profil'));

    // Their home says what is missing and links to the reviewer profile.
    await evaluator.goto(`${server.baseUrl}/beranda`);
    const open = evaluator.getByRole('link', { name: 'Lengkapi profil' });
    await expect.poll(() => open.isVisible()).toBe(true);
    await shoot(evaluator, 'review-team-02-home-missing-390');
    await open.click();
    await evaluator.waitForURL(`**/penilai/kompetisi/${competition.id}/profil`);
    await expect
      .poll(() => evaluator.getByRole('heading', { name: 'Profil penilai', level: 1 }).isVisible())
      .toBe(true);

    // A refusal names the fields (nothing chosen yet).
    await evaluator.getByRole('button', { name: 'Simpan profil' }).click();
    await expect
      .poll(() => evaluator.getByText('Pilih paling sedikit satu kategori keahlian.').isVisible())
      .toBe(true);

    await evaluator.getByLabel('Lainnya (mis. universitas)').check();
    await evaluator.getByLabel(/^Nama afiliasi/).fill('Universitas Padjadjaran');
    await evaluator.getByLabel(/^Kode wilayah afiliasi/).fill('32.73');
    await evaluator
      .getByLabel(/^Keahlian \(kategori\)/)
      .first()
      .click();
    await evaluator.getByRole('option').first().click();
    await evaluator.keyboard.press('Escape');
    const picker = evaluator
      .locator('input:not([type=hidden])')
      .and(evaluator.getByLabel(/^Instansi yang tidak boleh dinilai/))
      .first();
    await picker.fill('Tangerang');
    await evaluator
      .getByRole('option', { name: /Pemerintah Kabupaten Tangerang/ })
      .first()
      .click();
    await evaluator.getByRole('button', { name: 'Tambah konflik' }).click();
    await evaluator.getByLabel('Catatan (opsional)').first().fill('Pernah menjadi konsultan');
    await shoot(evaluator, 'review-team-03-profile-390');
    await evaluator.getByRole('button', { name: 'Simpan profil' }).click();
    await expect.poll(() => evaluator.getByText('Profil disimpan.').isVisible()).toBe(true);
    await expect
      .poll(() =>
        evaluator.getByText(/Dinyatakan sendiri oleh penilai: Pernah menjadi konsultan/).isVisible(),
      )
      .toBe(true);
    await shoot(evaluator, 'review-team-04-profile-saved-390');

    // The secretariat sees the complete profile with the declared conflict and its reason.
    await secretariat.reload();
    // The demo team has members of its own: narrow the list to the new one.
    await secretariat.getByLabel('Cari nama, e-mail atau afiliasi').fill('Ratna');
    await expect.poll(() => secretariat.getByText('1 anggota').isVisible()).toBe(true);
    await expect
      .poll(() => secretariat.getByText('Profil lengkap', { exact: true }).first().isVisible())
      .toBe(true);
    expect(await secretariat.getByText('Universitas Padjadjaran').first().isVisible()).toBe(true);
    expect(
      await secretariat
        .getByText(/Dinyatakan sendiri oleh penilai: Pernah menjadi konsultan/)
        .first()
        .isVisible(),
    ).toBe(true);
    await shoot(secretariat, 'review-team-05-complete');

    // The same page on a phone, and in English.
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competition.id}/tim-penilai`);
    await expect
      .poll(() => phone.getByText(REVIEWER.name, { exact: true }).locator('visible=true').count())
      .toBeGreaterThan(0);
    await shoot(phone, 'review-team-06-phone-390');
    const english = await profiles.newPage();
    await logIn(english, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await english.goto(`${server.baseUrl}/sekretariat/kompetisi/${competition.id}/tim-penilai?tim=panel`);
    await english.getByText('EN', { exact: true }).first().click();
    await expect.poll(() => english.getByRole('tab', { name: 'Independent Panel' }).isVisible()).toBe(true);
    await shoot(english, 'review-team-07-panel-en');
  });
});
