import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  logIn,
  openProfiles,
  pick,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Issue 11 points 1, 3, 4: the template per year with its source, Publikasi running alongside the other
 * stages on the public timeline, and the extension (right under the deadline) previewing the moved calendar.
 */
describe('competition calendar in Chromium: template per year, Publikasi alongside, extension preview', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;

  async function login(page: Page) {
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.waitForURL('**/sekretariat/kompetisi');
  }

  beforeAll(async () => {
    server = await startDemoServer();
    competitionId = (
      await server.ctx.db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', 'KIPP')
        .executeTakeFirstOrThrow()
    ).id;
    profiles = await openProfiles();
  }, 120_000);
  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('lets the secretariat pick the template year and shows its source and whether it is verified', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await login(page);
    const source = page.getByTestId('preset-source');
    await expect.poll(() => source.textContent()).toContain('Terverifikasi dari dokumen kompetisi');
    expect(await source.textContent()).toContain('seed 003');
    await page.getByTestId('preset-source').scrollIntoViewIfNeeded();
    await shoot(page, 'cal-01-template-2021-verified');

    await pick(page, 'Templat tahun', 'KIPP 2023 — belum diverifikasi');
    await expect.poll(() => source.textContent()).toContain('Belum diverifikasi: periksa dan sesuaikan');
    expect(await source.textContent()).toContain('Jawa Timur');
    await shoot(page, 'cal-02-template-2023-unverified');

    const phone = await profiles.newPage({ width: 390, height: 844 });
    await login(phone);
    await expect.poll(() => phone.getByTestId('preset-source').isVisible()).toBe(true);
    await phone.getByTestId('preset-source').scrollIntoViewIfNeeded();
    await shoot(phone, 'cal-03-template-phone');

    // Creating from the 2021 preset makes a draft with the 10 categories of seed 003.
    await pick(page, 'Templat tahun', 'KIPP 2021 — terverifikasi');
    await page
      .getByLabel(/^Tahun/)
      .first()
      .fill('2031');
    await page.getByRole('button', { name: /^Buat/ }).first().click();
    await page.waitForURL(/\/sekretariat\/kompetisi\/\d+$/);
    const created = await server.ctx.db
      .selectFrom('competitions')
      .select(['id', 'theme'])
      .where('year', '=', 2031)
      .executeTakeFirstOrThrow();
    expect(created.theme).toContain('Transfer Pengetahuan di Tatanan Normal Baru');
    const categories = await server.ctx.db
      .selectFrom('categories')
      .select('name_id')
      .where('competition_id', '=', created.id)
      .execute();
    expect(categories.map((c) => c.name_id)).toContain('Pelayanan Publik Responsif Gender');
    expect(categories).toHaveLength(10);
  });

  it('shows Publikasi running alongside the submission on the public timeline', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/kompetisi/${competitionId}`);
    const running = page.getByText('Sedang berlangsung', { exact: true });
    await expect.poll(() => running.count()).toBe(2);
    // The stage under way is the submission; Publikasi runs with it and is not "Selesai".
    const current = page.locator('[aria-current="step"]');
    expect(await current.textContent()).toContain('Pengajuan Proposal');
    const publication = page.locator('.mantine-Timeline-item', { hasText: 'Publikasi dan Sosialisasi' });
    expect(await publication.textContent()).toContain('Sedang berlangsung');
    expect(await publication.textContent()).not.toContain('Selesai');
    await shoot(page, 'cal-04-public-timeline-publikasi-running');
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/kompetisi/${competitionId}`);
    await expect.poll(() => phone.getByText('Sedang berlangsung', { exact: true }).count()).toBe(2);
    await shoot(phone, 'cal-05-public-timeline-phone');
  });

  it('puts the extension under the deadline and previews the calendar with the moved stages before confirming', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await login(page);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor`);
    const date = page.getByLabel('Tanggal penutupan baru');
    await expect.poll(() => date.inputValue()).not.toBe('');
    // The form comes before the proposal list, right under the deadline.
    const formTop = await page.locator('#extend-title').evaluate((e) => e.getBoundingClientRect().top);
    const closingTop = await page.locator('#closing-title').evaluate((e) => e.getBoundingClientRect().top);
    expect(formTop).toBeGreaterThan(closingTop);
    expect(formTop).toBeLessThan(900 * 2);

    const later = new Date(`${await date.inputValue()}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 5);
    await date.fill(later.toISOString().slice(0, 10));
    await page.getByLabel('Nomor surat').fill('B/200/PP.00.05/2026');

    // Keeping the calendar is refused beside the date, naming the stage it would overlap.
    await page.getByLabel(/^Jangan ubah jadwal/).check();
    await page.getByRole('button', { name: 'Perpanjang batas' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Tanpa menggeser jadwal, perpanjangan ini bertabrakan dengan: Seleksi Administrasi/)
          .isVisible(),
      )
      .toBe(true);
    await shoot(page, 'cal-06-extension-keep-refused');

    await page.getByLabel(/^Geser tahapan sesudahnya/).check();
    await page.getByRole('button', { name: 'Perpanjang batas' }).click();
    const calendar = page.getByTestId('extend-calendar');
    await expect.poll(() => calendar.isVisible()).toBe(true);
    expect(await calendar.textContent()).toMatch(/Seleksi Administrasi: .* — bergeser/);
    expect(await calendar.textContent()).toMatch(/Pengajuan Proposal: .* — diperpanjang/);
    expect(await page.getByText(/langsung tampil di halaman publik kompetisi/).isVisible()).toBe(true);
    await shoot(page, 'cal-07-extension-preview-moved');
    await page.getByRole('button', { name: 'Ya, perpanjang' }).click();
    await expect.poll(() => page.getByText(/Batas pengajuan diperpanjang sampai/).isVisible()).toBe(true);

    // The public timeline agrees: the administrative selection opens after the new closing.
    const stages = await server.ctx.db
      .selectFrom('stages')
      .select(['kind', 'opens_at', 'closes_at'])
      .where('competition_id', '=', competitionId)
      .orderBy('position')
      .execute();
    const submission = stages.find((s) => s.kind === 'submission')!;
    const admin = stages.find((s) => s.kind === 'administrative')!;
    expect(Date.parse(admin.opens_at!)).toBeGreaterThan(Date.parse(submission.closes_at!));

    const en = await profiles.newPage({ width: 390, height: 844 }, { locale: 'en-GB' });
    await logIn(en, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await en.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor`);
    await expect.poll(() => en.locator('#extend-title').isVisible()).toBe(true);
    await en.locator('#extend-title').scrollIntoViewIfNeeded();
    await shoot(en, 'cal-08-extension-phone');
  });
});
