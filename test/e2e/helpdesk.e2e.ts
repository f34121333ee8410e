import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import {
  SHOTS_DIR,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * The organizer's help contact in the footer (issue 11, "Everyone"), in Chromium on the demo: the Kalimantan
 * Timur secretariat sets its contact in the settings' "Umum" tab (a wrong number is refused beside its
 * field), the public page of its competition shows it with working tel:, mailto: and wa.me links (desktop,
 * phone, English), the UPP's proposal editor of the national KIPP shows the national organizer's contact,
 * and a page about no competition keeps the generic text.
 */

const KALTIM = 'Pemerintah Provinsi Kalimantan Timur';
const GENERIC = 'Bantuan: Senin–Jumat 08.00–16.00 WIB';

describe('the help contact in the footer, in the browser', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let kaltimId: number;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const res = await fetch(`${server.baseUrl}/api/competitions`);
    const items = (await res.json()).items as { id: number; code: string }[];
    kaltimId = items.find((c) => c.code === 'KIPP-KALTIM')!.id;
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const footer = (page: Page) => page.locator('footer');
  /** The footer alone, to read it at its real size (the full-page shots of long pages are scaled down). */
  const shootFooter = (page: Page, name: string) =>
    footer(page).screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });

  it('lets the Kaltim secretariat set the contact in "Umum", refusing a wrong number beside its field', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 }, { timezoneId: 'Asia/Makassar' });
    await logIn(page, server.baseUrl, 'sekretariat.kaltim@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${kaltimId}`);
    const phone = page.getByLabel('Telepon bantuan');
    // The demo's contact is there, the number as people read it (stored as "+62…").
    await expect.poll(() => phone.inputValue()).toBe('0541 5555 0102');
    await phone.fill('0541 73');
    await page.getByLabel('E-mail bantuan').fill('bantuan.kipp@kaltimprov.go.id');
    await page.getByLabel('WhatsApp bantuan').fill('0811-5400-123');
    await page.getByLabel('Jam layanan').fill('Senin–Kamis 07.30–16.00 WITA, Jumat 07.30–11.00 WITA');
    await page.getByRole('button', { name: 'Simpan semua' }).click();
    await expect.poll(() => phone.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    await expect
      .poll(() => page.getByText('Tulis nomor telepon Indonesia, mis. (021) 739 8381').count())
      .toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Kontak bantuan peserta' }).scrollIntoViewIfNeeded();
    await shoot(page, 'helpdesk-01-settings-refused');

    await phone.fill('(0541) 736 452');
    await page.getByRole('button', { name: 'Simpan semua' }).click();
    await expect.poll(() => page.getByText('Pengaturan kompetisi tersimpan.').count()).toBeGreaterThan(0);
    // Stored normalized; the settings page's own footer shows what participants will see.
    await expect.poll(() => phone.inputValue()).toBe('0541 736 452');
    await expect
      .poll(() => footer(page).getByTestId('help-contact').textContent())
      .toBe(
        `Bantuan ${KALTIM}: telepon 0541 736 452, e-mail bantuan.kipp@kaltimprov.go.id, WhatsApp 0811 540 0123 (WhatsApp, membuka tab baru), Senin–Kamis 07.30–16.00 WITA, Jumat 07.30–11.00 WITA`,
      );
    await page.getByRole('heading', { name: 'Kontak bantuan peserta' }).scrollIntoViewIfNeeded();
    await shoot(page, 'helpdesk-02-settings-saved');
    // The card on a phone: the inputs stack, each with its label and hint.
    await page.setViewportSize({ width: 390, height: 844 });
    const card = page.getByRole('heading', { name: 'Kontak bantuan peserta' }).locator('xpath=../../..');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(SHOTS_DIR, 'helpdesk-02b-settings-card-phone.png') });
  });

  it('shows the contact with working links in the footer of the public competition page', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 }, { timezoneId: 'Asia/Makassar' });
    await page.goto(`${server.baseUrl}/kompetisi/${kaltimId}`);
    const help = footer(page).getByTestId('help-contact');
    await expect.poll(() => help.textContent()).toContain(`Bantuan ${KALTIM}: telepon 0541 736 452`);
    const tel = help.getByRole('link', { name: '0541 736 452' });
    expect(await tel.getAttribute('href')).toBe('tel:+62541736452');
    const mail = help.getByRole('link', { name: 'bantuan.kipp@kaltimprov.go.id' });
    expect(await mail.getAttribute('href')).toBe('mailto:bantuan.kipp@kaltimprov.go.id');
    const wa = help.getByRole('link', { name: '0811 540 0123 (WhatsApp, membuka tab baru)' });
    expect(await wa.getAttribute('href')).toBe('https://wa.me/628115400123');
    expect(await wa.getAttribute('target')).toBe('_blank');
    expect(await wa.getAttribute('rel')).toContain('noopener');
    // Keyboard: the three links are reached with Tab, in reading order.
    await tel.focus();
    await page.keyboard.press('Tab');
    expect(await mail.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await wa.evaluate((el) => el === document.activeElement)).toBe(true);
    await footer(page).scrollIntoViewIfNeeded();
    await shoot(page, 'helpdesk-03-public-footer');
    await shootFooter(page, 'helpdesk-03b-footer-desktop');

    // Leaving for the home page (no competition): the generic text again.
    await page.getByRole('link', { name: 'Kembali ke beranda' }).first().click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => footer(page).textContent()).toContain(GENERIC);
    expect(await footer(page).getByTestId('help-contact').count()).toBe(0);
    await shoot(page, 'helpdesk-04-home-generic');
    await shootFooter(page, 'helpdesk-04b-footer-generic');
  });

  it('reads on a phone (390 px) and in English', async () => {
    const page = await profiles.newPage({ width: 390, height: 844 }, { timezoneId: 'Asia/Makassar' });
    await page.goto(`${server.baseUrl}/kompetisi/${kaltimId}`);
    const help = footer(page).getByTestId('help-contact');
    await expect.poll(() => help.textContent()).toContain(`Bantuan ${KALTIM}`);
    await footer(page).scrollIntoViewIfNeeded();
    await shoot(page, 'helpdesk-05-public-phone');
    await shootFooter(page, 'helpdesk-05b-footer-phone');

    await page.getByText('EN', { exact: true }).click();
    await expect
      .poll(() => help.textContent())
      .toBe(
        `Help from ${KALTIM}: phone 0541 736 452, e-mail bantuan.kipp@kaltimprov.go.id, WhatsApp 0811 540 0123 (WhatsApp, opens in a new tab), Senin–Kamis 07.30–16.00 WITA, Jumat 07.30–11.00 WITA`,
      );
    await footer(page).scrollIntoViewIfNeeded();
    await shoot(page, 'helpdesk-06-public-phone-en');
    await shootFooter(page, 'helpdesk-06b-footer-phone-en');
  });

  it("shows the competition's contact on the secretariat's dashboard and participation view", async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 }, { timezoneId: 'Asia/Makassar' });
    await logIn(page, server.baseUrl, 'sekretariat.kaltim@demo.sinovik.id');
    for (const [path, shot] of [
      [`/sekretariat/kompetisi/${kaltimId}/dasbor`, 'helpdesk-08-dashboard-footer'],
      [`/sekretariat/kompetisi/${kaltimId}/partisipasi`, 'helpdesk-09-participation-footer'],
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      await expect
        .poll(() => footer(page).getByTestId('help-contact').textContent(), { timeout: 10_000 })
        .toContain(`Bantuan ${KALTIM}: telepon 0541 736 452`);
      await shootFooter(page, shot);
    }
  });

  it("shows the national organizer's contact in the UPP's proposal editor", async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'upp.tangerang@demo.sinovik.id');
    await page.waitForURL((u) => u.pathname === '/usulan');
    // The list is about no single competition: the generic text.
    await expect.poll(() => footer(page).textContent()).toContain(GENERIC);
    // One of the demo UPP's drafts in the national KIPP.
    const draft = await server.ctx.db
      .selectFrom('proposals')
      .select('id')
      .where('title', '=', 'Rekam Medis Elektronik Terpadu Puskesmas dan Rumah Sakit')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.baseUrl}/usulan/${draft.id}`);
    const help = footer(page).getByTestId('help-contact');
    await expect
      .poll(() => help.textContent(), { timeout: 10_000 })
      .toContain(
        'Bantuan Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi: telepon 021 5555 0101',
      );
    expect(await help.getByRole('link', { name: '021 5555 0101' }).getAttribute('href')).toBe(
      'tel:+622155550101',
    );
    await footer(page).scrollIntoViewIfNeeded();
    await shoot(page, 'helpdesk-07-editor-footer');
  });
});
