import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution, makeUnit } from '../helpers/fixtures.js';
import { makeFinalist } from '../helpers/finalists.js';
import { pdfText } from '../helpers/pdf.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Certificates (issue 13 point 5) in Chromium: the secretariat sets the signer and issues the certificates
 * after the confirmation naming the consequences; the admin lokal of Kab. Tangerang finds them under
 * "Piagam" and downloads one; the verification page opened from the address printed on it says genuine, a
 * changed address says not valid; the pages on a 390 px phone and once in English. Finalists are made
 * with the test helpers on the demo's KIPP. Screenshots: test-results/screenshots/certificates-*.png.
 */
describe('certificates in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let verificationUrl = '';

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const c = await db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    competitionId = c.id;
    const sec = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sekretariat@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    const upp = await db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select(['u.id', 'g.institution_id', 'g.unit_id'])
      .where('u.email', '=', 'upp.tangerang@demo.sinovik.id')
      .where('g.role', '=', 'upp')
      .executeTakeFirstOrThrow();
    const now = server.ctx.clock.now();
    await makeFinalist(db, {
      competitionId,
      institutionId: upp.institution_id!,
      unitId: upp.unit_id!,
      createdBy: upp.id,
      actorUserId: sec.id,
      now,
      title: 'Layanan Darurat Kesehatan Terpadu RSUD',
    });
    const other = await makeInstitution(db, { name: 'Pemerintah Kota Piagam Lain', type: 'pemerintah_kota' });
    const unit = await makeUnit(db, other.id, 'Dinas Perizinan Piagam Lain');
    await makeFinalist(db, {
      competitionId,
      institutionId: other.id,
      unitId: unit.id,
      createdBy: sec.id,
      actorUserId: sec.id,
      now,
      title: 'Perizinan Sehari Jadi',
    });
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the secretariat sets the signer and issues the certificates after confirming', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/piagam`);
    await page.getByRole('heading', { name: 'Piagam', level: 1 }).waitFor();
    await page.getByText(/^2 piagam siap diterbitkan/).waitFor();
    await page.getByText('Isi dahulu nama dan jabatan penanda tangan.').waitFor();
    expect(await page.getByRole('button', { name: 'Terbitkan piagam' }).isDisabled()).toBe(true);
    await page.getByLabel(/^Nama penanda tangan/).fill('Abdullah Azwar Anas');
    await page.getByRole('button', { name: 'Simpan isi piagam' }).click();
    await page.getByText('Isi piagam disimpan.').waitFor();
    await page.getByRole('button', { name: 'Terbitkan piagam' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan 2 piagam?' });
    await dialog.getByText(/nomor tetap mulai PIAGAM\/KIPP\/\d{4}\/0001/).waitFor();
    await dialog.getByText(/Admin lokal dan UPP setiap instansi langsung diberi tahu/).waitFor();
    await shoot(page, 'certificates-01-confirm');
    await dialog.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await page.getByText(/^2 piagam diterbitkan; \d+ pemberitahuan dikirim\./).waitFor();
    // The PDFs are made in the export pool in the background; the page follows until all are ready.
    await page
      .getByTestId('certificate-counts')
      .getByText('2 piagam diterbitkan · 2 PDF siap · 0 dicabut')
      .waitFor({
        timeout: 30_000,
      });
    await shoot(page, 'certificates-02-issued');
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh semua (ZIP)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/^piagam-KIPP-\d{4}\.zip$/);
    const bytes = fs.readFileSync((await zip.path())!);
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(bytes.length - 12)).toBe(2);
  });

  it('the admin lokal finds them under Piagam, downloads one, and its address says genuine', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.getByRole('link', { name: 'Piagam', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Piagam saya', level: 1 }).waitFor();
    const card = page.getByRole('article').filter({ hasText: 'Layanan Darurat Kesehatan Terpadu RSUD' });
    await card.waitFor();
    expect(await page.getByText('Perizinan Sehari Jadi').count()).toBe(0);
    const number = (await card.locator('[id^="certificate-"]').first().textContent())!;
    expect(number).toMatch(/^PIAGAM\/KIPP\/\d{4}\/000[12]$/);
    await shoot(page, 'certificates-03-mine');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: `Unduh PDF ${number}` }).click(),
    ]);
    const pdf = fs.readFileSync((await download.path())!);
    const text = pdfText(pdf);
    expect(text).toContain(number);
    expect(text).toContain('Layanan Darurat Kesehatan Terpadu RSUD');
    verificationUrl = (await card
      .getByRole('link', { name: 'Buka alamat verifikasi' })
      .getAttribute('href'))!;
    expect(verificationUrl.startsWith(`${server.baseUrl}/verifikasi/piagam/`)).toBe(true);
    expect(text).toContain(verificationUrl);

    // Anyone, without an account, opens the printed address.
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await phone.goto(verificationUrl);
    const verdict = phone.getByTestId('certificate-verdict');
    await verdict.getByText('Piagam ini asli').waitFor();
    await verdict.getByText('This certificate is genuine').waitFor();
    await verdict.getByText(number, { exact: true }).waitFor();
    await verdict.getByText('Layanan Darurat Kesehatan Terpadu RSUD').waitFor();
    await shoot(phone, 'certificates-04-genuine-phone');
    const desktop = await profiles.newPage({ width: 1280, height: 900 });
    await desktop.goto(verificationUrl);
    await desktop.getByText('Piagam ini asli').waitFor();
    await shoot(desktop, 'certificates-05-genuine-desktop');
  });

  it('a changed address says not valid; the page reads in English and on a phone', async () => {
    const page = await profiles.newPage({ width: 390, height: 844 });
    const changed = verificationUrl.replace(/000([12])\?/, (_m, d: string) => `000${d === '1' ? '2' : '1'}?`);
    expect(changed).not.toBe(verificationUrl);
    await page.goto(changed);
    const verdict = page.getByTestId('certificate-verdict');
    await verdict.getByText('Piagam ini tidak valid').waitFor();
    await verdict.getByText('This certificate is not valid').waitFor();
    expect(await verdict.getByText('Layanan Darurat Kesehatan Terpadu RSUD').count()).toBe(0);
    await shoot(page, 'certificates-06-not-valid-phone');

    const en = await profiles.newPage({ width: 1280, height: 900 });
    await en.addInitScript(() => localStorage.setItem('sinovik.lang', 'en'));
    await en.goto(verificationUrl);
    await en.getByRole('heading', { name: 'Certificate verification', level: 1 }).waitFor();
    await en.getByText('Compare with the paper certificate', { exact: false }).waitFor();
    await shoot(en, 'certificates-07-genuine-en');

    const sec = await profiles.newPage({ width: 390, height: 844 });
    await logIn(sec, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await sec.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/piagam`);
    await sec.getByRole('heading', { name: 'Piagam', level: 1 }).waitFor();
    await sec
      .getByTestId('certificate-counts')
      .getByText(/2 PDF siap/)
      .waitFor();
    await shoot(sec, 'certificates-08-secretariat-phone');
  });
});
