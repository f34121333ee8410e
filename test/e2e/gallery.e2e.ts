import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { publishedGalleryWorld, type GalleryWorld } from '../helpers/gallery.js';
import { openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 14, the public gallery's pages in Chromium (no account): a visitor on a phone searches "pelayanan
 * kependudukan", sees the Dukcapil innovation first with its highlighted snippet, filters by year, opens it,
 * reads it and goes back to the same search; a typo offers "Maksud Anda"; an unknown address is the 404
 * page; the home and results pages lead to the gallery; once in English. A proposal that is not a finalist
 * of published results never shows. axe on every screen; screenshots in test-results/screenshots/gallery-*.png
 * at 390 and 1280 px.
 */
const PHONE = { width: 390, height: 844 };
const DUKCAPIL = 'Jemput Bola Pelayanan Kependudukan Desa';

describe('the public gallery in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  const s = {} as GalleryWorld;
  const linkText = new Map<string, string>();
  const link = (title: string) => linkText.get(title) ?? title;

  beforeAll(async () => {
    server = await startServer();
    Object.assign(s, await publishedGalleryWorld({ ctx: server.ctx }));
    // A card's link reads "Title (ACRONYM)".
    for (const p of await server.ctx.db.selectFrom('proposals').select(['title', 'acronym']).execute())
      linkText.set(p.title, p.acronym ? `${p.title} (${p.acronym})` : p.title);
    profiles = await openProfiles();
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  /** The page never shows a proposal outside the gallery (private, or of unpublished results). */
  const expectNoPrivate = async (page: Page) => {
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(s.privateOne.title);
    expect(text).not.toContain(s.unpublished.title);
  };
  const cards = (page: Page) => page.getByRole('main').locator('ol > li');
  const status = (page: Page) => page.getByRole('status').filter({ hasText: /inova/ });

  it('a visitor on a phone searches, filters by year, opens an innovation and returns to the search', async () => {
    const page = await profiles.newPage(PHONE);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Jelajahi galeri inovasi pemenang' }).waitFor();
    await shoot(page, 'gallery-home-link-390');
    await page.getByRole('link', { name: 'Jelajahi galeri inovasi pemenang' }).click();
    await page.waitForURL(`${server.baseUrl}/galeri`);
    await expect.poll(() => status(page).innerText()).toBe('4 inovasi ditemukan');
    await expectNoPrivate(page);
    await shoot(page, 'gallery-list-390');

    // The search's answer held back a moment: the old list stays, dimmed and busy, and is not announced as the answer.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/api\/public\/gallery\?q=/, async (route) => {
      await held;
      await route.continue();
    });
    const box = page.getByRole('searchbox', { name: 'Cari inovasi' });
    await box.fill('pelayanan kependudukan');
    await box.press('Enter');
    await page.waitForURL(/\/galeri\?q=pelayanan\+kependudukan$/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Mencari…' }).count()).toBe(1);
    expect(await page.getByRole('main').locator('ol').getAttribute('aria-busy')).toBe('true');
    release();
    await page.unrouteAll({ behavior: 'wait' });
    await expect
      .poll(() => status(page).innerText())
      .toMatch(/^\d+ inovasi ditemukan untuk "pelayanan kependudukan"$/);
    const first = cards(page).first();
    await expect.poll(() => first.getByRole('link').innerText()).toBe(link(DUKCAPIL));
    // The snippet's hits in <mark>, the rest as text.
    const marks = (await first.locator('mark').allInnerTexts()).map((m) => m.toLowerCase());
    // Adjacent hits form one mark (the API's segments): "pelayanan kependudukan" as the visitor typed it.
    expect(marks).toContain('pelayanan kependudukan');
    expect(await first.innerText()).toContain('pelayanan kependudukan datang');
    expect(await first.innerText()).toContain('Top 45 Inovasi Pelayanan Publik Terpuji');
    expect(await first.innerText()).toContain('Pemerintah Kabupaten Tangerang · Banten');
    await expectNoPrivate(page);
    await shoot(page, 'gallery-search-390');

    // On a phone the filters are folded under "Saring" so the list comes first.
    expect(await page.getByLabel('Tahun').isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Saring' }).click();
    await page.getByLabel('Tahun').selectOption('2026');
    await page.waitForURL(/[?&]year=2026/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('pelayanan kependudukan');
    await expect.poll(() => cards(page).first().getByRole('link').innerText()).toBe(link(DUKCAPIL));
    expect(await page.locator('summary').innerText()).toBe('Saring (1 aktif)');
    await shoot(page, 'gallery-filtered-390');

    await cards(page).first().getByRole('link', { name: DUKCAPIL }).click();
    await page.waitForURL(/\/galeri\/[a-z0-9-]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(DUKCAPIL);
    const detail = await page.getByRole('main').innerText();
    expect(detail).toContain('mendatangi warga di desa terpencil');
    expect(detail).toContain('Top 45 Inovasi Pelayanan Publik Terpuji');
    expect(detail).toContain('Pemerintah Kabupaten Tangerang');
    expect(detail).toContain('Pemerintah kabupaten');
    await expectNoPrivate(page);
    await shoot(page, 'gallery-detail-390');

    await page.getByRole('link', { name: 'Kembali ke hasil pencarian' }).click();
    await page.waitForURL(/\/galeri\?/);
    const back = new URL(page.url()).searchParams;
    expect([back.get('q'), back.get('year')]).toEqual(['pelayanan kependudukan', '2026']);
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'Cari inovasi' }).inputValue())
      .toBe('pelayanan kependudukan');
    await expect.poll(() => cards(page).first().getByRole('link').innerText()).toBe(link(DUKCAPIL));
    // The browser's Back goes through the page, the filtered search, then the search before the filter.
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(DUKCAPIL);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2026');
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/galeri\?q=pelayanan\+kependudukan$/);
    await expect.poll(() => page.getByLabel('Tahun').inputValue()).toBe('');
  });

  it('a typo offers "Maksud Anda", and a word found nowhere says so in words', async () => {
    const page = await profiles.newPage(PHONE);
    await page.goto(`${server.baseUrl}/galeri?q=kependudkan`);
    const suggestion = page.getByRole('link', { name: 'kependudukan', exact: true });
    await expect.poll(() => page.getByText('Maksud Anda:').count()).toBe(1);
    await shoot(page, 'gallery-typo-390');
    await suggestion.click();
    await page.waitForURL(/\/galeri\?q=kependudukan$/);
    await expect.poll(() => cards(page).first().getByRole('link').innerText()).toBe(link(DUKCAPIL));

    await page.goto(`${server.baseUrl}/galeri?q=${encodeURIComponent('zzqx rahasiaku')}`);
    await expect.poll(() => page.getByText('Tidak ada inovasi yang cocok').count()).toBe(1);
    expect(await status(page).innerText()).toBe('0 inovasi ditemukan untuk "zzqx rahasiaku"');
    await expectNoPrivate(page);
    await shoot(page, 'gallery-empty-390');
  });

  it('an unknown address, and a private proposal, are the 404 page', async () => {
    const page = await profiles.newPage(PHONE);
    for (const slug of [
      'kipp-2026-99999',
      s.privateOne.code.toLowerCase(),
      s.unpublished.code.toLowerCase(),
    ]) {
      await page.goto(`${server.baseUrl}/galeri/${slug}`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toBe('Halaman tidak ditemukan');
      await expectNoPrivate(page);
    }
    await shoot(page, 'gallery-404-390');
    await page.getByRole('link', { name: 'Ke galeri inovasi' }).click();
    await page.waitForURL(`${server.baseUrl}/galeri`);
  });

  it('on a desktop: the results page leads to the gallery, the list and the page at 1280 px', async () => {
    const page = await profiles.newPage();
    await page.goto(`${server.baseUrl}/kompetisi/${s.competitionId}/hasil`);
    await page.getByRole('link', { name: DUKCAPIL }).waitFor();
    await shoot(page, 'gallery-results-links-1280');
    await page.getByRole('link', { name: DUKCAPIL }).click();
    await page.waitForURL(/\/galeri\/[a-z0-9-]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(DUKCAPIL);
    // Not from a search: the link leads to the gallery.
    await page.getByRole('link', { name: 'Ke galeri inovasi' }).click();
    await page.waitForURL(`${server.baseUrl}/galeri`);
    await page.goto(`${server.baseUrl}/kompetisi/${s.competitionId}/hasil`);
    await page.getByRole('link', { name: 'Lihat para finalis di galeri inovasi' }).click();
    await page.waitForURL(new RegExp(`/galeri\\?competitionId=${s.competitionId}$`));
    await expect.poll(() => status(page).innerText()).toBe('4 inovasi ditemukan');
    await page.getByLabel('Urutkan').selectOption('award');
    await expect
      .poll(() => cards(page).locator('a').allInnerTexts())
      .toEqual(
        [
          DUKCAPIL,
          'Replikasi Akta Lahir Daring',
          'Puskesmas Keliling Sehat Bersama',
          'Bank Sampah Jadi Emas',
        ].map(link),
      );
    await expectNoPrivate(page);
    await shoot(page, 'gallery-list-1280');
    await page.goto(`${server.baseUrl}/galeri?q=${encodeURIComponent('pelayanan kependudukan')}`);
    await expect.poll(() => cards(page).first().getByRole('link').innerText()).toBe(link(DUKCAPIL));
    await shoot(page, 'gallery-search-1280');
    await cards(page).first().getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(DUKCAPIL);
    await shoot(page, 'gallery-detail-1280');
  });

  it('in English', async () => {
    const page = await profiles.newPage(PHONE);
    await page.addInitScript(() => localStorage.setItem('sinovik.lang', 'en'));
    await page.goto(`${server.baseUrl}/galeri?q=${encodeURIComponent('pelayanan kependudukan')}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Public service innovation gallery');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /innovation/ })
          .innerText(),
      )
      .toMatch(/^\d+ innovations? found for "pelayanan kependudukan"$/);
    expect(await cards(page).first().innerText()).toContain('Top 45 Outstanding Public Service Innovations');
    await shoot(page, 'gallery-search-en-390');
  });
});
