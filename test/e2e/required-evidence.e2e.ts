import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Seed 003: "wajib disertai dokumen pendukung". The UPP's checklist names the missing supporting document
 * and the evidence area says what the group requires; send is refused with the list; the organizer marks
 * a section as needing its own document in the competition settings.
 */

const PHONE = { width: 390, height: 844 };
const NO_FILE = 'Dokumen pendukung belum diunggah: wajib sekurang-kurangnya 1 berkas.';

describe('required supporting documents in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;

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

  /** A proposal complete in every field and section, without any file. */
  async function withoutFile(page: Page, title: string): Promise<number> {
    const created = await page.request.post(`${server.baseUrl}/api/competitions/${competitionId}/proposals`, {
      data: { groupKey: 'umum', title },
    });
    expect(created.status()).toBe(201);
    const p = (await created.json()) as { id: number; version: number; form: { key: string }[] };
    const saved = await page.request.patch(`${server.baseUrl}/api/proposals/${p.id}`, {
      data: {
        version: p.version,
        acronym: 'DOKU',
        categoryKey: 'kesehatan',
        implementationStart: '2022-06-01',
        innovatorKind: 'team',
        innovatorNames: 'Tim RSUD',
        contactName: 'Dewi Lestari',
        contactPhone: '081234567890',
        contactEmail: 'dewi@tangerangkab.go.id',
        declarationAccepted: true,
        answers: p.form.map((s) => ({ sectionKey: s.key, text: `Uraian ${s.key}: petugas melayani warga.` })),
      },
    });
    expect(saved.status()).toBe(200);
    return p.id;
  }

  it('lists the missing supporting document, says what is required, and refuses the send with the list', async () => {
    for (const [viewport, suffix] of [
      [{ width: 1280, height: 900 }, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const upp = await profiles.newPage(viewport);
      await logIn(upp, server.baseUrl, 'upp.tangerang@demo.sinovik.id');
      const id = await withoutFile(upp, `Layanan Tanpa Berkas ${suffix}`);
      await upp.goto(`${server.baseUrl}/usulan/${id}`);
      const checklist = upp.getByRole('heading', { name: 'Sebelum proposal dapat dikirim' });
      await expect.poll(() => checklist.isVisible()).toBe(true);
      expect(await upp.getByText('Belum lengkap (1)').isVisible()).toBe(true);
      expect(await upp.getByText(NO_FILE).isVisible()).toBe(true);
      expect(await upp.getByTestId('evidence-rule').textContent()).toBe(
        'Wajib sekurang-kurangnya 1 dokumen pendukung.',
      );
      await checklist.scrollIntoViewIfNeeded();
      await shoot(upp, `evidence-01-checklist-${suffix}`);

      await upp.getByRole('button', { name: 'Kirim ke Admin Lokal' }).click();
      await upp.getByRole('button', { name: 'Ya, lanjutkan' }).click();
      const refusal = upp.getByRole('alert').filter({ hasText: NO_FILE });
      await expect.poll(() => refusal.isVisible()).toBe(true);
      const state = await upp.request.get(`${server.baseUrl}/api/proposals/${id}`);
      expect(((await state.json()) as { state: string }).state).toBe('draft');
      await refusal.scrollIntoViewIfNeeded();
      await shoot(upp, `evidence-02-send-refused-${suffix}`);
      await upp.close();
    }
  });

  it('shows the organizer where a section is marked as needing its own document', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}`);
    await page.getByRole('tab', { name: 'Kelompok & formulir' }).click();
    const umum = page.getByRole('button', { name: /^Umum · / });
    await expect.poll(() => umum.isVisible()).toBe(true);
    await umum.click();
    const min = page.getByLabel('Dokumen pendukung minimal').first();
    await expect.poll(() => min.isVisible()).toBe(true);
    expect(await min.inputValue()).toBe('1 berkas');
    const box = page.getByLabel('Wajib disertai dokumen pendukung').first();
    await box.check();
    expect(await box.isChecked()).toBe(true);
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/evidence-03-settings-section-view.png' });
    await shoot(page, 'evidence-03-settings-section');
    await page.close();
  });
});
