import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedProposals, stageAdminOutcome } from '../helpers/selection.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 12 point 1 in Chromium: the secretariat publishes the staged administrative results (with the
 * confirmation stating the consequences), the public announcement on the competition page (no account),
 * and the admin lokal sees the result on its proposal; desktop and 390 px, once in English.
 * Screenshots land in test-results/screenshots/publication-*.png.
 */
const XSS = '<img src=x onerror="window.__xss=1">';

describe('publishing the administrative results in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let disqualifiedId: number;
  let passedCode: string;

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
    const upp = await db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select(['u.id', 'g.institution_id', 'g.unit_id'])
      .where('u.email', '=', 'upp.tangerang@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    // The administrative check's staged outcomes, as the check writes them: received proposals of the
    // demo's Tangerang unit, passed or disqualified with a reason, none published.
    const ps = await receivedProposals(db, {
      competitionId,
      institutionId: upp.institution_id!,
      unitId: upp.unit_id!,
      createdBy: upp.id,
      n: 4,
      titlePrefix: 'Layanan Antrean Daring RSUD',
    });
    passedCode = ps[0]!.code;
    disqualifiedId = ps[3]!.id;
    await stageAdminOutcome(db, {
      competitionId,
      proposalIds: ps.slice(0, 3).map((p) => p.id),
      outcome: 'passed',
    });
    await stageAdminOutcome(db, {
      competitionId,
      proposalIds: [disqualifiedId],
      outcome: 'disqualified',
      reasonCode: 'evidence_unreadable',
      reasonText: 'Bukti dukung bagian "Inovasi" tidak dapat dibaca <b>(berkas rusak)</b>.',
    });
    // Only staged proposals of this competition are in the administrative stage (the demo's own are not received).
    await db
      .updateTable('proposals')
      .set({ state: 'frozen' })
      .where('competition_id', '=', competitionId)
      .where('state', 'in', ['received', 'incomplete'])
      .where(
        'id',
        'not in',
        ps.map((p) => p.id),
      )
      .execute();
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the admin lokal sees nothing staged before publication', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/usulan/${disqualifiedId}`);
    await page.getByText('Layanan Antrean Daring RSUD').first().waitFor();
    await expect(page.getByTestId('admin-result').count()).resolves.toBe(0);
    await expect(page.getByText('Didiskualifikasi').count()).resolves.toBe(0);
  });

  it('the secretariat publishes after a confirmation that states the consequences', async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/publikasi`);
    await phone.getByRole('heading', { name: 'Publikasi hasil seleksi administrasi', level: 1 }).waitFor();
    await phone.getByText('Siap diumumkan').waitFor();
    await shoot(phone, 'publication-01-ready-phone');

    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/publikasi`);
    await page.getByText('Siap diumumkan').waitFor();
    await expect(page.getByLabel('Judul (Bahasa Indonesia)').inputValue()).resolves.toMatch(
      /^Pengumuman Hasil Seleksi Administrasi /,
    );
    // A malformed letter number is refused on its field, in Bahasa Indonesia.
    await page.getByLabel('Nomor surat').fill('187/2026');
    await page.getByRole('button', { name: 'Umumkan hasil…' }).click();
    await page
      .getByRole('dialog', { name: 'Umumkan hasil seleksi administrasi?' })
      .getByRole('button', { name: 'Ya, umumkan' })
      .click();
    await page.getByText(/^Nomor surat ditulis seperti B\/187\/PP\.00\.05\/2022/).waitFor();
    await page.getByLabel('Nomor surat').fill('B/412/PP.00.05/2026');
    // Editing clears the refusal about what was sent.
    await expect.poll(() => page.getByText(/^Nomor surat ditulis seperti/).count()).toBe(0);
    // Typed text stays text everywhere it is shown (page, PDF, mail).
    await page.getByLabel('Judul (Bahasa Indonesia)').fill(`Pengumuman Hasil Seleksi Administrasi ${XSS}`);
    await shoot(page, 'publication-02-form');
    await page.getByRole('button', { name: 'Umumkan hasil…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Umumkan hasil seleksi administrasi?' });
    await dialog.getByText(/tampil di halaman publik kompetisi/).waitFor();
    await dialog.getByText(/E-mail dan notifikasi dikirim ke 1 Admin Lokal dari 1 instansi/).waitFor();
    await dialog.getByText('Tindakan ini tidak dapat dibatalkan.').waitFor();
    await shoot(page, 'publication-03-confirm');
    await dialog.getByRole('button', { name: 'Ya, umumkan' }).click();
    await page.getByText('Hasil diumumkan: 3 lolos, 1 didiskualifikasi, 1 e-mail dikirim.').waitFor();
    await page.getByText(/Diumumkan dengan surat nomor B\/412\/PP\.00\.05\/2026/).waitFor();
    await shoot(page, 'publication-04-published');
    const mail = await server.smtp.waitFor(
      (m) => m.to.includes('adminlokal.tangerang@demo.sinovik.id') && /seleksi administrasi/.test(m.subject),
    );
    expect(mail.text).toContain('Didiskualifikasi (1), beserta alasannya:');
  });

  it('the public reads the announcement without an account, searches it and sees no disqualified proposal', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/kompetisi/${competitionId}`);
    await page.getByRole('heading', { name: 'Pengumuman', level: 2 }).waitFor();
    await page.getByRole('link', { name: /^Pengumuman Hasil Seleksi Administrasi/ }).click();
    // The announcement page itself (the competition page names the letter number too).
    await page.getByRole('heading', { name: 'Daftar proposal yang lolos (3)', level: 2 }).waitFor();
    await page.getByText('B/412/PP.00.05/2026').first().waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(XSS);
    await expect(
      page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    await page.getByText('3 proposal', { exact: true }).waitFor();
    await shoot(page, 'publication-05-public');
    await page.getByLabel('Cari kode, judul, atau instansi').fill(passedCode);
    await page.getByText('1 proposal', { exact: true }).waitFor();
    const body = await page.textContent('body');
    expect(body).not.toContain('berkas rusak');

    const phone = await profiles.newPage({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/kompetisi/${competitionId}/pengumuman/administrative_results`);
    await phone.getByText('3 proposal', { exact: true }).waitFor();
    await shoot(phone, 'publication-06-public-phone');
    await phone.getByText('EN', { exact: true }).click();
    await phone.getByText('Proposals that passed (3)').waitFor();
    await shoot(phone, 'publication-07-public-phone-en');
  });

  it('the admin lokal sees the result and the reason on the proposal', async () => {
    const page = await profiles.newPage({ width: 390, height: 844 });
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/usulan/${disqualifiedId}`);
    const banner = page.getByTestId('admin-result');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(
      'Alasan: Bukti dukung bagian "Inovasi" tidak dapat dibaca <b>(berkas rusak)</b>.',
    );
    await expect(banner.textContent()).resolves.toContain('B/412/PP.00.05/2026');
    // Every text is a real one (no raw i18n key for the states after the closing).
    await expect(page.textContent('body')).resolves.not.toMatch(/proposals\.nextStep\./);
    await shoot(page, 'publication-08-result-phone');
  });
});
