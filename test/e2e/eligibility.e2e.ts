import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

const PHONE = { width: 375, height: 812 };

/** The one copy of a text that is on screen (lists render a table on wide screens and cards on phones). */
const visible = (page: Page, text: string | RegExp) =>
  page
    .getByText(text, { exact: typeof text === 'string' })
    .locator('visible=true')
    .first();

describe('eligibility in Chromium: the editor list, the replikasi picker, the award registry, invitations', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;

  async function loggedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, email);
    return page;
  }

  /** A draft through the API with the page's session (the editor is what is under test here). */
  async function draft(page: Page, groupKey: string, title: string, fields: Record<string, unknown>) {
    const created = await page.request.post(`${server.baseUrl}/api/competitions/${competitionId}/proposals`, {
      data: { groupKey, title },
    });
    expect(created.status()).toBe(201);
    const p = (await created.json()) as { id: number; version: number; form: { key: string }[] };
    const saved = await page.request.patch(`${server.baseUrl}/api/proposals/${p.id}`, {
      data: {
        version: p.version,
        answers: p.form.map((s) => ({ sectionKey: s.key, text: `Uraian ${s.key}: petugas melayani warga.` })),
        ...fields,
      },
    });
    expect(saved.status()).toBe(200);
    return p.id;
  }

  beforeAll(async () => {
    server = await startDemoServer();
    const kipp = await server.ctx.db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    competitionId = kipp.id;
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('shows the UPP what is missing and which rule fails, and takes the cursor to the field', async () => {
    for (const [viewport, suffix] of [
      [undefined, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const upp = await loggedIn('upp.tangerang@demo.sinovik.id', viewport);
      const id = await draft(upp, 'umum', `Layanan Kesehatan Keliling ${suffix}`, {
        categoryKey: 'kesehatan',
        implementationStart: '2025-06-01',
        innovatorKind: 'team',
        innovatorNames: 'Tim RSUD',
        contactName: 'Dewi Lestari',
        contactPhone: '081234567890',
        contactEmail: 'dewi@tangerangkab.go.id',
      });
      await upp.goto(`${server.baseUrl}/usulan/${id}`);
      const checklist = upp.getByRole('heading', { name: 'Sebelum proposal dapat dikirim' });
      await expect.poll(() => checklist.isVisible()).toBe(true);
      expect(await upp.getByText('Tidak memenuhi syarat kelompok (1)').isVisible()).toBe(true);
      // The acronym, the declaration and the supporting document (seed 003) still to do.
      expect(await upp.getByText('Belum lengkap (3)').isVisible()).toBe(true);
      expect(
        await upp
          .getByText('Dokumen pendukung belum diunggah: wajib sekurang-kurangnya 1 berkas.')
          .isVisible(),
      ).toBe(true);
      await upp.getByRole('button', { name: 'Akronim wajib diisi.' }).click();
      expect(await upp.evaluate(() => document.activeElement?.id)).toBe('field-acronym');
      await checklist.scrollIntoViewIfNeeded();
      await shoot(upp, `20-editor-missing-list-${suffix}`);
      await upp
        .locator('.mantine-Card-root', { has: checklist })
        .screenshot({ path: `test-results/screenshots/20-editor-missing-list-${suffix}-card.png` });
    }
  });

  it('lets the UPP choose the replikasi source from the registry; sources outside the years cannot be chosen', async () => {
    for (const [viewport, suffix] of [
      [undefined, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const upp = await loggedIn('upp.tangerang@demo.sinovik.id', viewport);
      const id = await draft(upp, 'replikasi', `Rantang Kasih Tangerang ${suffix}`, {});
      await upp.goto(`${server.baseUrl}/usulan/${id}`);
      const picker = upp.locator('input').and(upp.getByLabel('Inovasi sumber (dari daftar penghargaan)'));
      await expect.poll(() => picker.isVisible()).toBe(true);
      await picker.evaluate((el) => {
        el.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -160);
      });
      await picker.fill('Kebumen');
      const outside = upp.getByRole('option', { name: /PANDORA Kabupaten Kebumen .*di luar tahun sumber/ });
      await expect.poll(() => outside.isVisible()).toBe(true);
      expect(await outside.getAttribute('data-combobox-disabled')).toBe('true');
      await upp.screenshot({
        path: `test-results/screenshots/21-replikasi-outside-years-${suffix}-view.png`,
      });
      await picker.fill('Rantang');
      const option = upp.getByRole('option', { name: 'Rantang Kasih — Banyuwangi (Top 99 2019)' });
      await expect.poll(() => option.isVisible()).toBe(true);
      await upp.screenshot({ path: `test-results/screenshots/21-replikasi-picker-${suffix}-view.png` });
      await shoot(upp, `21-replikasi-picker-${suffix}`);
      await option.click();
      await expect
        .poll(
          () =>
            upp
              .getByRole('status')
              .getByText(/Tersimpan/)
              .isVisible(),
          { timeout: 10_000 },
        )
        .toBe(true);
      const row = await server.ctx.db
        .selectFrom('proposals as p')
        .innerJoin('awards as a', 'a.id', 'p.source_award_id')
        .select('a.innovation_title')
        .where('p.id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.innovation_title).toBe('Rantang Kasih');
      await upp.reload();
      await expect.poll(() => picker.inputValue()).toBe('Rantang Kasih — Banyuwangi (Top 99 2019)');
      await shoot(upp, `22-replikasi-chosen-${suffix}`);
    }
  });

  it('gives the secretariat the award registry with filters, the form and the import row report', async () => {
    for (const [viewport, suffix] of [
      [undefined, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const sec = await loggedIn('sekretariat@demo.sinovik.id', viewport);
      if (suffix === 'phone') await sec.getByRole('button', { name: 'Menu' }).click();
      await sec.getByRole('link', { name: 'Daftar Penghargaan' }).click();
      await sec.waitForURL('**/sekretariat/penghargaan');
      await expect.poll(() => visible(sec, 'PANDORA Kabupaten Kebumen').isVisible()).toBe(true);
      await sec.getByLabel('Cari judul atau instansi').fill('Surabaya');
      await expect.poll(() => visible(sec, 'Surabaya Single Windows (SSW)').isVisible()).toBe(true);
      await shoot(sec, `23-awards-${suffix}`);

      await sec.getByRole('button', { name: 'Impor CSV' }).click();
      await sec.locator('input[type=file]').setInputFiles({
        name: 'penghargaan.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'year,level,innovation,institution,source\n2019,TOP99,Inovasi Baru,Kota Contoh,\n2018,JUARA,Inovasi Lain,Kota Contoh,\n',
        ),
      });
      await sec.getByRole('button', { name: 'Impor', exact: true }).click();
      await expect.poll(() => visible(sec, /Tingkat "JUARA" tidak dikenal/).isVisible()).toBe(true);
      await shoot(sec, `24-awards-import-report-${suffix}`);
      if (suffix === 'desktop') {
        await sec.getByRole('button', { name: 'Tambah penghargaan' }).click();
        await expect.poll(() => sec.getByRole('dialog').isVisible()).toBe(true);
        await shoot(sec, '25-awards-form-desktop');
      }
    }
  });

  it('gives the secretariat the invitations of the khusus group', async () => {
    for (const [viewport, suffix] of [
      [undefined, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const sec = await loggedIn('sekretariat@demo.sinovik.id', viewport);
      await sec.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}`);
      if (suffix === 'desktop') {
        // The replikasi source years, set by the template (2014 to two years before).
        await sec.getByRole('tab', { name: /Kelompok & formulir/ }).click();
        await sec.getByRole('button', { name: /^Replikasi/ }).click();
        const years = sec.locator('input').and(sec.getByLabel('Tahun sumber replikasi'));
        await expect.poll(() => years.isVisible()).toBe(true);
        await years.scrollIntoViewIfNeeded();
        await sec.screenshot({ path: 'test-results/screenshots/27-settings-source-years-desktop-view.png' });
        await sec.getByRole('tab', { name: /^Umum/ }).click();
      }
      await sec.getByRole('link', { name: 'Undangan kelompok khusus' }).click();
      await sec.waitForURL(`**/sekretariat/kompetisi/${competitionId}/undangan`);
      if (suffix === 'desktop') {
        await sec.locator('input').and(sec.getByLabel('Instansi yang diundang')).fill('Kabupaten Tangerang');
        await sec.getByRole('option', { name: 'Pemerintah Kabupaten Tangerang', exact: true }).click();
        await sec.getByLabel('Nomor surat undangan').fill('B/120/PP.00.05/2026');
        await sec.getByRole('button', { name: 'Kirim undangan' }).click();
        await expect.poll(() => visible(sec, 'B/120/PP.00.05/2026').isVisible()).toBe(true);
      }
      await expect.poll(() => visible(sec, 'Berlaku').isVisible()).toBe(true);
      await shoot(sec, `26-invitations-${suffix}`);
    }
    const mail = await server.smtp.waitFor((m) => m.subject.startsWith('Undangan kelompok Khusus'), 20_000);
    expect(mail.text).toContain('B/120/PP.00.05/2026');
  });
});
