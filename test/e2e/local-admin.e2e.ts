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

const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';

/*
 * The admin lokal's daily work (issue 11), in Chromium: the landing on what needs their action, the list
 * filtered and searched (kept in the address), deactivating and moving a UPP account, and a unit removal
 * refused with its reason. Screenshots in Bahasa Indonesia, desktop and phone, and once in English.
 */
describe('admin lokal, in Chromium: landing, filters, accounts, units', () => {
  let server: E2EServer;
  let profiles: Profiles;

  async function loggedIn(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, ADMIN_LOKAL);
    return page;
  }

  beforeAll(async () => {
    server = await startDemoServer({}, { demoLinks: true });
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('lands on the proposals that need action, filters and searches them in the address', async () => {
    const admin = await loggedIn();
    await admin.waitForURL(
      (u) => u.pathname === '/usulan' && u.searchParams.get('state') === 'sent_to_local_admin,withdrawn',
    );
    const count = admin.getByTestId('proposal-count');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ proposal menunggu tindakan Anda$/);
    const waiting = Number((await count.textContent())!.split(' ')[0]);
    expect(waiting).toBeGreaterThan(0);
    // Every row listed is sent or withdrawn.
    const states = await admin
      .locator('table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[4]?.textContent ?? ''));
    expect(states.length).toBe(Math.min(waiting, 20));
    for (const s of states) expect(s).toMatch(/Dikirim ke Admin Lokal|Ditarik kembali/);
    // The quota chips stand under the competition they count in, each competition named once.
    const quotaLines = admin.getByTestId('quota-competition');
    await expect.poll(() => quotaLines.count()).toBeGreaterThan(0);
    const named = await quotaLines.evaluateAll((lines) =>
      lines.map((l) => ({
        name: l.querySelector('p')?.textContent ?? '',
        chips: l.querySelectorAll('.mantine-Badge-root').length,
      })),
    );
    expect(new Set(named.map((l) => l.name)).size).toBe(named.length);
    for (const l of named) {
      expect(l.name).toMatch(/\S/);
      expect(l.name).not.toMatch(/^#/);
      expect(l.chips).toBeGreaterThan(0);
    }
    await shoot(admin, 'ladm-01-landing-needs-action');

    // All states, one unit, then a search by title: each kept in the address and applied by the server.
    await pick(admin, 'Status', 'Semua status');
    await pick(admin, 'Unit', 'RSUD Kabupaten Tangerang');
    await admin.waitForURL((u) => u.searchParams.has('unitId') && !u.searchParams.has('state'));
    await admin.getByRole('searchbox', { name: /Cari judul atau kode/ }).fill('rujukan');
    await admin.getByRole('button', { name: 'Cari', exact: true }).click();
    await admin.waitForURL((u) => u.searchParams.get('q') === 'rujukan');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ proposal cocok$/);
    // The list shows the unit's rows until the search's answer replaces them.
    const listed = () => admin.locator('table tbody tr td:nth-child(2)').allTextContents();
    await expect
      .poll(async () => {
        const now = await listed();
        return now.length > 0 && now.every((title) => title.toLowerCase().includes('rujukan'));
      })
      .toBe(true);
    const titles = await listed();
    // The unit has four demo proposals; one is about "rujukan".
    expect(titles).toEqual(['Rujukan Balik Terpantau untuk Ibu Hamil Risiko TinggiRUBI']);
    await shoot(admin, 'ladm-02-filtered-searched');
    // A reload keeps the filtered list.
    await admin.reload();
    await expect
      .poll(() => admin.getByRole('searchbox', { name: /Cari judul atau kode/ }).inputValue())
      .toBe('rujukan');
    expect(await admin.locator('table tbody tr td:nth-child(2)').allTextContents()).toEqual(titles);

    // On a phone the same landing reads as cards.
    const phone = await loggedIn({ width: 390, height: 844 });
    await phone.waitForURL((u) => u.pathname === '/usulan' && u.searchParams.has('state'));
    await expect.poll(() => phone.getByTestId('proposal-count').textContent()).toMatch(/menunggu tindakan/);
    await shoot(phone, 'ladm-03-landing-phone');
  });

  it('deactivates and moves a UPP account after asking, and refuses removing a unit that holds proposals', async () => {
    const admin = await loggedIn();
    await admin.getByRole('link', { name: 'Unit & Pengguna' }).first().click();
    await admin.waitForURL(/\/instansi\/\d+\/unit$/);
    const who = 'Pengusul Kecamatan Tigaraksa';

    await admin.getByRole('button', { name: `Nonaktifkan: ${who}` }).click();
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('tidak dapat masuk lagi');
    await shoot(admin, 'ladm-04-deactivate-dialog');
    await dialog.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await admin.getByRole('button', { name: `Aktifkan kembali: ${who}` }).waitFor();
    const row = admin.getByRole('row').filter({ hasText: who });
    expect(await row.textContent()).toContain('Nonaktif');

    await admin.getByRole('button', { name: `Pindah unit: ${who}` }).click();
    await expect.poll(() => dialog.textContent()).toContain('Usulan tetap milik unit yang membuatnya');
    await pick(admin, 'Unit baru', 'Badan Perencanaan Pembangunan Daerah');
    await shoot(admin, 'ladm-05-move-dialog');
    await dialog.getByRole('button', { name: 'Pindahkan' }).click();
    await expect
      .poll(() => row.textContent(), { timeout: 10_000 })
      .toContain('Badan Perencanaan Pembangunan Daerah');

    await admin.getByRole('button', { name: 'Hapus: RSUD Kabupaten Tangerang' }).click();
    await expect.poll(() => dialog.textContent()).toContain('tidak dapat dibatalkan');
    await dialog.getByRole('button', { name: 'Hapus unit' }).click();
    const refusal = dialog.getByRole('alert');
    await expect
      .poll(() => refusal.textContent())
      .toMatch(/Unit ini tidak dapat dihapus: memiliki \d+ usulan/);
    expect(await refusal.textContent()).toContain('pindahkan dulu ke unit lain');
    await shoot(admin, 'ladm-06-unit-removal-refused');

    // Once in English.
    await admin.keyboard.press('Escape');
    await admin.getByText('EN', { exact: true }).first().click();
    await admin.getByRole('button', { name: `Reactivate: ${who}` }).click();
    await expect.poll(() => dialog.textContent()).toContain('can log in again');
    await shoot(admin, 'ladm-07-reactivate-dialog-en');
  });
});
