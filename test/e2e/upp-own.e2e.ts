import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import {
  expectAccessible,
  logIn,
  openProfiles,
  shoot,
  SHOTS_DIR,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Issue 11, the UPP's own proposals in Chromium: the banner that says who acts next and until when, taking
 * a sent proposal back, deleting a draft never sent, and the submission deadline's label.
 */

const UPP = 'upp.tangerang@demo.sinovik.id';
const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';
const SENT = 'Rujukan Balik Terpantau untuk Ibu Hamil Risiko Tinggi';
const FORWARDED = 'Antrean Pasien Terintegrasi Berbasis Aplikasi';
const DRAFT = 'Rekam Medis Elektronik Terpadu Puskesmas dan Rumah Sakit';
const WITHDRAWN = 'Bank Sampah Digital Kecamatan';

describe('the UPP takes back, deletes, and reads what happens next', () => {
  let server: E2EServer;
  let profiles: Profiles;

  async function loggedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, email);
    return page;
  }
  const idOf = async (title: string) =>
    (
      await server.ctx.db
        .selectFrom('proposals')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;
  const open = async (page: Page, title: string) => {
    await page.goto(`${server.baseUrl}/usulan/${await idOf(title)}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  };
  const banner = (page: Page) => page.getByTestId('next-step');

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('says "Pengajuan ditutup pada <tanggal jam zona>" above the countdown on the list', async () => {
    const upp = await loggedIn(UPP);
    await upp.waitForURL((url) => url.pathname === '/usulan');
    const label = upp.getByText('Pengajuan ditutup pada', { exact: true }).first();
    await label.waitFor();
    expect(await upp.getByText('Pengajuan proposal ditutup').count()).toBe(0);
    expect(await upp.locator('time').first().innerText()).toMatch(/WI(B|TA|T)$/);
    await shoot(upp, 'upp-own-01-list-deadline');
  });

  it('reads the next step of a sent proposal, takes it back after a confirmation, and edits it again', async () => {
    const upp = await loggedIn(UPP);
    await open(upp, SENT);
    const text = await banner(upp).innerText();
    expect(text).toContain('sedang diperiksa Admin Lokal Pemerintah Kabupaten Tangerang');
    expect(text).toMatch(/paling lambat .*\d{2}[.:]\d{2} WIB/);
    expect(text).toContain('Anda dapat menariknya kembali');
    await shoot(upp, 'upp-own-02-sent-banner');

    await upp.getByRole('button', { name: 'Tarik kembali untuk diubah' }).click();
    const dialog = upp.getByRole('dialog', { name: 'Tarik kembali proposal ini?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Admin Lokal Pemerintah Kabupaten Tangerang diberi tahu');
    await upp.screenshot({ path: path.join(SHOTS_DIR, 'upp-own-03-take-back-confirm.png') });
    await expectAccessible(upp, 'take back confirmation');
    await dialog.getByRole('button', { name: 'Ya, tarik kembali' }).click();
    await upp.getByLabel('Akronim').waitFor();
    expect(await banner(upp).count()).toBe(0);
    expect(await upp.getByRole('button', { name: 'Hapus draf' }).count()).toBe(0);
    const row = await server.ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', await idOf(SENT))
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('draft');
    await shoot(upp, 'upp-own-04-taken-back-editable');
  });

  it('reads the next step of a forwarded proposal (received at the closing, with hour and zone)', async () => {
    const upp = await loggedIn(UPP);
    await open(upp, FORWARDED);
    const text = await banner(upp).innerText();
    expect(text).toContain('diteruskan kepada penyelenggara');
    expect(text).toMatch(/menerimanya saat pengajuan ditutup pada .*WIB/);
    expect(await upp.getByRole('button', { name: 'Tarik kembali untuk diubah' }).count()).toBe(0);
    await shoot(upp, 'upp-own-05-forwarded-banner');
  });

  it("shows the admin lokal a withdrawn proposal's next step in its own words, and once in English", async () => {
    const admin = await loggedIn(ADMIN_LOKAL);
    await open(admin, WITHDRAWN);
    expect(await banner(admin).innerText()).toMatch(
      /Anda menarik kembali proposal ini .* paling lambat .*WIB/,
    );
    await shoot(admin, 'upp-own-06-withdrawn-banner-admin');
    await admin.getByText('EN', { exact: true }).click();
    await expect
      .poll(() => banner(admin).innerText())
      .toMatch(/You withdrew this proposal from the organizer\. .* by .*WIB/);
    await shoot(admin, 'upp-own-07-withdrawn-banner-admin-en');
    await admin.getByText('ID', { exact: true }).click();
  });

  it('deletes a draft never sent on a phone, after a confirmation that names the consequences', async () => {
    const upp = await loggedIn(UPP, { width: 390, height: 844 });
    await open(upp, DRAFT);
    await upp.getByRole('button', { name: 'Hapus draf' }).click();
    const dialog = upp.getByRole('dialog', { name: /^Hapus draf KIPP-/ });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('tidak dapat dikembalikan');
    expect(text).toContain('tidak akan dipakai lagi');
    await shoot(upp, 'upp-own-08-delete-confirm-phone');
    // The screen as the phone shows it (the full-page shot above is six screens long).
    await upp.screenshot({ path: path.join(SHOTS_DIR, 'upp-own-08b-delete-confirm-phone-screen.png') });
    await dialog.getByRole('button', { name: 'Ya, hapus permanen' }).click();
    await upp.waitForURL((url) => url.pathname === '/usulan');
    await upp.getByText(/^Draf KIPP-.* dihapus\.$/).waitFor();
    // The router keeps the editor on screen while the list's chunk loads; the list then has no such draft.
    await expect.poll(() => upp.getByText(DRAFT).count()).toBe(0);
    expect(
      await server.ctx.db.selectFrom('proposals').select('id').where('title', '=', DRAFT).execute(),
    ).toEqual([]);
    await shoot(upp, 'upp-own-09-deleted-list-phone');
  });
});
