import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeInstitution, makeUnit, makeUser, publishedKipp, TEST_PASSWORD } from '../helpers/fixtures.js';
import { makeFinalist, publishProvisionalFinalists, setObjectionWindow } from '../helpers/finalists.js';
import { minimalPdf } from '../helpers/multipart.js';
import { logIn, openProfiles, pick, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The uji publik in Chromium (issue 12 point 8): a member of the public files an objection with a file on a
 * phone, the secretariat forwards it, a panelist upholds it (the dialog says what it does), the finalist is
 * gone from the public form's list, and the filer reads the outcome on the status page (in English). The
 * name and the grounds carry markup that must stay text.
 */

const XSS_NAME = '<img src=x onerror="window.__xss=1"> Rina';
const XSS_GROUNDS =
  'Inovasi ini <script>window.__xss=2</script> sudah berjalan di kabupaten tetangga sejak 2019, lihat https://contoh.id/bukti.';

describe('uji publik in the browser', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId = 0;
  let target = { id: 0, code: '', title: '' };
  let number = '';
  const emails = { secretariat: '', panelist: '' };

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const now = new Date();
    const kipp = await publishedKipp(db, { organizerName: 'Kementerian Uji Publik Peramban', now });
    competitionId = kipp.competitionId;
    emails.secretariat = kipp.secretariat.email;
    const inst = await makeInstitution(db, { name: 'Pemerintah Kabupaten Sukamaju' });
    const unit = await makeUnit(db, inst.id, 'Dinas Kependudukan Sukamaju');
    const upp = await makeUser(db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    await makeUser(db, { role: 'local_admin', institutionId: inst.id, email: 'admin@sukamaju.go.id' });
    const panelist = await makeUser(db, { role: 'panelist', competitionId, name: 'Prof. Dewi Panel' });
    emails.panelist = panelist.email;
    const make = (title: string) =>
      makeFinalist(db, {
        competitionId,
        institutionId: inst.id,
        unitId: unit.id,
        createdBy: upp.id,
        actorUserId: kipp.secretariat.id,
        now,
        title,
      });
    target = await make('Jemput Bola Akta Kelahiran');
    await make('Klinik Layanan Terpadu Desa');
    await publishProvisionalFinalists(db, { competitionId, publishedBy: kipp.secretariat.id, now });
    await setObjectionWindow(db, {
      competitionId,
      opensAt: new Date(now.getTime() - 86_400_000),
      closesAt: new Date(now.getTime() + 4 * 86_400_000),
    });
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const signedIn = async (email: string, viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, email, TEST_PASSWORD);
    return page;
  };

  it('lets a member of the public file an objection with a file, on a phone', async () => {
    const page = await profiles.newPage({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/kompetisi/${competitionId}/uji-publik`);
    await page.getByRole('heading', { name: 'Uji Publik: Ajukan Keberatan' }).waitFor();
    await expect.poll(() => page.getByText(/Masa uji publik dibuka sampai .* WIB\./).count()).toBe(1);
    await shoot(page, 'objections-01-form-phone');
    // Sending it empty names every missing field beside it.
    await page.getByRole('button', { name: 'Kirim keberatan' }).click();
    await expect.poll(() => page.getByText('Centang pernyataan ini.').count()).toBe(1);

    await pick(
      page,
      'Finalis yang Anda keberatan',
      `${target.code} · ${target.title} · Pemerintah Kabupaten Sukamaju`,
    );
    await page.getByLabel(/^Nama lengkap/).fill(XSS_NAME);
    await page.getByLabel(/^E-mail/).fill('rina@contoh.id');
    await page.getByLabel(/^Alasan keberatan/).fill(XSS_GROUNDS);
    await page.locator('input[type=file]').setInputFiles({
      name: 'bukti-keberatan.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf('Bukti keberatan'),
    });
    await page.getByLabel(/^Saya menyatakan/).check();
    await shoot(page, 'objections-02-form-filled-phone');
    await page.getByRole('button', { name: 'Kirim keberatan' }).click();
    const sent = page.getByTestId('objection-sent');
    await sent.waitFor();
    number = /UJI-\d{4}-\d+/.exec((await sent.textContent()) ?? '')![0];
    expect(await sent.textContent()).toContain('rina@contoh.id');
    await shoot(page, 'objections-03-sent-phone');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const mail = await server.smtp.waitFor((m) => m.to.includes('rina@contoh.id'));
    expect(mail.subject).toContain(number);
  });

  it('lets the secretariat read it (markup as text) and forward it to the panel', async () => {
    const page = await signedIn(emails.secretariat);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/uji-publik`);
    const card = page.locator('[data-testid^="objection-"]').filter({ hasText: number });
    await card.waitFor();
    expect(await card.textContent()).toContain(XSS_NAME);
    expect(await card.textContent()).toContain('<script>window.__xss=2</script>');
    expect(await card.getByRole('link', { name: 'Bukti: bukti-keberatan.pdf' }).getAttribute('href')).toMatch(
      /^\/api\/objections\/\d+\/evidence$/,
    );
    await shoot(page, 'objections-04-triage');
    await card.getByRole('button', { name: 'Teruskan ke Tim Panel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Langkah ini tidak dapat dibatalkan.', { exact: false }).waitFor();
    await dialog.getByLabel('Catatan untuk Tim Panel (opsional)').fill('Mohon diperiksa bukti PDF-nya.');
    await dialog.getByRole('button', { name: 'Teruskan ke Tim Panel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    const phone = await signedIn(emails.secretariat, { width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/uji-publik`);
    await pick(phone, 'Tampilkan', 'Diteruskan ke Tim Panel');
    await phone.locator('[data-testid^="objection-"]').filter({ hasText: number }).waitFor();
    await shoot(phone, 'objections-05-triage-forwarded-phone');
  });

  it('lets a panelist uphold it after a dialog that says the finalist will be removed', async () => {
    const page = await signedIn(emails.panelist);
    await page.goto(`${server.baseUrl}/panel/kompetisi/${competitionId}/uji-publik`);
    const card = page.locator('[data-testid^="objection-"]').filter({ hasText: number });
    await card.waitFor();
    await card.getByRole('button', { name: 'Tampilkan proposal' }).click();
    await card.getByText('Proposal finalis (hanya baca)').waitFor();
    await card.getByRole('button', { name: 'Catat keputusan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Diterima: keluarkan finalis dari daftar').check();
    await dialog
      .getByLabel(/^Alasan keputusan/)
      .fill('Bukti menunjukkan inovasi sudah dijalankan instansi lain sebelumnya.');
    await dialog
      .getByText(`${target.code} "${target.title}" akan dikeluarkan dari daftar finalis`, { exact: false })
      .waitFor();
    await shoot(page, 'objections-06-decide-dialog');
    await dialog.getByRole('button', { name: 'Simpan keputusan final' }).click();
    await dialog.waitFor({ state: 'detached' });
    await pick(page, 'Tampilkan', 'Sudah diputuskan');
    await card.getByText('Diterima: finalis dikeluarkan').waitFor();
    await shoot(page, 'objections-07-decided');
    const state = await server.ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('passed_admin');
  });

  it('no longer offers the removed finalist, and tells the filer the outcome (in English)', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/kompetisi/${competitionId}/uji-publik`);
    await page
      .getByLabel(/^Finalis yang Anda keberatan/)
      .first()
      .click();
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.allTextContents()).not.toContain(expect.stringContaining(target.code));

    const en = await profiles.newPage({ width: 390, height: 844 });
    await en.addInitScript(() => localStorage.setItem('sinovik.lang', 'en'));
    await en.goto(`${server.baseUrl}/uji-publik/status?nomor=${number}`);
    await en.getByLabel(/^E-mail/).fill('rina@contoh.id');
    await en.getByRole('button', { name: 'Check the status' }).click();
    const result = en.getByTestId('objection-status');
    await result.getByText('Upheld: finalist removed').waitFor();
    expect(await result.textContent()).toContain('Bukti menunjukkan inovasi');
    await shoot(en, 'objections-08-status-en-phone');
    const told = await server.smtp.waitFor((m) => m.to.includes('admin@sukamaju.go.id'));
    expect(told.subject).toBe(`Proposal ${target.code} dikeluarkan dari daftar finalis`);
  });
});
