import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { POSTINGS_PER_TERM_FIELD } from '../../src/modules/gallery/search.js';
import { publishedGalleryWorld, type GalleryWorld } from '../helpers/gallery.js';
import { writeSampahClones } from '../helpers/gallery-clones.js';
import { openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 14, the gallery's search capped at POSTINGS_PER_TERM_FIELD (modules/gallery/search.ts) in Chromium:
 * with 130 more finalists titled "Bank Sampah Warga N" (helpers/gallery-clones.ts), "sampah" is read up to
 * its cap, and the page never says "N ditemukan": it says the N most relevant are shown, why, and how to
 * narrow; sorted by year it says it orders those most relevant ones; a rare word reads "N ditemukan" as
 * before; once in English. axe on every screen; screenshots test-results/screenshots/gallery-capped-*.png.
 */
const PHONE = { width: 390, height: 844 };
const CANDIDATES = POSTINGS_PER_TERM_FIELD + 1;
const HINT =
  'Kata yang dicari sangat umum, jadi tidak semua inovasi yang memuatnya tercantum. Tambahkan kata atau gunakan saringan untuk mempersempit.';

describe('the gallery says when a common word’s list holds only the most relevant', () => {
  let server: E2EServer;
  let profiles: Profiles;
  const s = {} as GalleryWorld;

  beforeAll(async () => {
    server = await startServer();
    Object.assign(s, await publishedGalleryWorld({ ctx: server.ctx }));
    await writeSampahClones(server.ctx, s);
    profiles = await openProfiles();
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const status = (page: Page) => page.getByRole('status').filter({ hasText: /inova|innovation/ });
  /** The status region's lines: the count, then (when capped) why and how to narrow. */
  const lines = (page: Page) => status(page).locator('p').allInnerTexts();

  it('a common word: the most relevant shown, why, and how to narrow — on a phone and wide, then by year', async () => {
    const phone = await profiles.newPage(PHONE);
    await phone.goto(`${server.baseUrl}/galeri?q=sampah`);
    await expect
      .poll(() => lines(phone))
      .toEqual([`${CANDIDATES} inovasi paling relevan ditampilkan untuk "sampah"`, HINT]);
    expect(await phone.locator('body').innerText()).not.toMatch(/inovasi ditemukan/);
    await shoot(phone, 'gallery-capped-390');

    const wide = await profiles.newPage();
    await wide.goto(`${server.baseUrl}/galeri?q=sampah`);
    await expect
      .poll(() => lines(wide))
      .toEqual([`${CANDIDATES} inovasi paling relevan ditampilkan untuk "sampah"`, HINT]);
    await shoot(wide, 'gallery-capped-1280');

    await wide.getByLabel('Urutkan').selectOption('year');
    await wide.waitForURL(/sort=year/);
    await expect
      .poll(() => lines(wide))
      .toEqual([
        `${CANDIDATES} inovasi paling relevan untuk "sampah" ditampilkan, diurutkan dari tahun terbaru`,
        HINT,
      ]);
    await shoot(wide, 'gallery-capped-year-1280');

    // A rare word is read whole: its count is every entry that has it, as before.
    const box = wide.getByRole('searchbox', { name: 'Cari inovasi' });
    await box.fill('kota');
    await box.press('Enter');
    await expect.poll(() => lines(wide)).toEqual(['3 inovasi ditemukan untuk "kota"']);
  });

  it('in English', async () => {
    const page = await profiles.newPage(PHONE);
    await page.addInitScript(() => localStorage.setItem('sinovik.lang', 'en'));
    await page.goto(`${server.baseUrl}/galeri?q=sampah&sort=award`);
    await expect
      .poll(() => lines(page))
      .toEqual([
        `${CANDIDATES} most relevant innovations for "sampah" shown, highest award first`,
        'The word searched is very common, so not every innovation that contains it is listed. ' +
          'Add words or use the filters to narrow the search.',
      ]);
    await shoot(page, 'gallery-capped-award-en-390');
  });
});
