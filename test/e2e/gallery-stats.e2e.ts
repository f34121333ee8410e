import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeInstitution, makeUser, sessionCookie } from '../helpers/fixtures.js';
import { publishedGalleryWorld, type GalleryWorld } from '../helpers/gallery.js';
import { openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 14 point 6 in Chromium (no account): from /galeri a visitor opens the statistics — five bar charts
 * with their data tables (the counts of the test world: 4 entries, Banten 2, Jawa Barat 2, Top 45 1…), a
 * filter kept in the address, a value's link to the filtered gallery — and the open data page with its
 * fields and the two downloads (the CSV link carries the filter and downloads the file); the "Replikasi"
 * section — empty at first, then (after a request accepted through the API and a declined one, which does
 * not count) its three charts with their tables and a link to the innovation's page. axe on every
 * screen; screenshots in test-results/screenshots/gallery-stats-*.png and gallery-data-*.png at 1280 and
 * 390 px.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('the gallery statistics and open data pages in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  const s = {} as GalleryWorld;

  beforeAll(async () => {
    server = await startServer();
    Object.assign(s, await publishedGalleryWorld({ ctx: server.ctx }));
    profiles = await openProfiles();
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const total = (page: Page) => page.getByRole('status').filter({ hasText: /inovasi sesuai saringan/ });

  it('the statistics: charts and tables of the counts, a filter, a link to the filtered gallery', async () => {
    for (const [size, name] of [
      [DESKTOP, '1280'],
      [PHONE, '390'],
    ] as const) {
      const page = await profiles.newPage(size);
      await page.goto(`${server.baseUrl}/galeri`);
      await page.getByRole('link', { name: 'Statistik galeri' }).click();
      await page.waitForURL(`${server.baseUrl}/galeri/statistik`);
      await expect.poll(() => total(page).innerText()).toBe('4 inovasi sesuai saringan');
      for (const chart of [
        'Menurut tahun',
        'Menurut kategori',
        'Menurut provinsi',
        'Menurut jenis instansi',
        'Menurut penghargaan',
      ])
        await page.getByRole('heading', { name: chart }).waitFor();
      // Each chart is one image with a spoken summary.
      await page.getByRole('img', { name: /^Menurut provinsi: diagram batang\. Nilai terbesar/ }).waitFor();
      const provinces = page.getByRole('region', { name: 'Menurut provinsi' });
      await provinces.locator('summary', { hasText: 'Tampilkan tabel data' }).click();
      const rows = await provinces.getByRole('row').allInnerTexts();
      expect(rows.slice(1).map((r) => r.split('\t').slice(0, 3).join(' | '))).toEqual([
        'Jawa Barat | 2 | 50.0%',
        'Banten | 2 | 50.0%',
      ]);
      const awards = page.getByRole('region', { name: 'Menurut penghargaan' });
      await awards.locator('summary').click();
      expect(
        (await awards.getByRole('row').allInnerTexts())
          .slice(1)
          .map((r) => r.split('\t').slice(0, 2).join(' | ')),
      ).toEqual([
        'Top 45 Inovasi Pelayanan Publik Terpuji | 1',
        'Top 5 Inovasi Replikasi Terpuji | 1',
        'Top 99 | 4',
      ]);
      await shoot(page, `gallery-stats-${name}`);
      await page.close();
    }

    // A filter narrows every chart and stays in the address; a value opens the gallery filtered to it.
    const page = await profiles.newPage(DESKTOP);
    await page.goto(`${server.baseUrl}/galeri/statistik`);
    await page.getByLabel('Provinsi', { exact: true }).selectOption('36');
    await page.waitForURL(`${server.baseUrl}/galeri/statistik?province=36`);
    await expect.poll(() => total(page).innerText()).toBe('2 inovasi sesuai saringan');
    const awards = page.getByRole('region', { name: 'Menurut penghargaan' });
    await awards.locator('summary').click();
    await awards.getByRole('link', { name: 'Lihat 1 inovasi' }).click();
    await page.waitForURL(`${server.baseUrl}/galeri?province=36&award=TOP45`);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /inovasi ditemukan/ })
          .innerText(),
      )
      .toBe('1 inovasi ditemukan');
    expect(await page.getByRole('main').innerText()).toContain('Jemput Bola Pelayanan Kependudukan Desa');
    await page.close();
  });

  it('the replication section: empty first, then the accepted replication in its three charts', async () => {
    const section = (page: Page) => page.getByRole('region', { name: 'Replikasi', exact: true });
    const empty = await profiles.newPage(DESKTOP);
    await empty.goto(`${server.baseUrl}/galeri/statistik`);
    await section(empty).getByText('Belum ada replikasi yang tercatat di galeri.').waitFor();
    await empty.close();

    // Kota Bandung asks for Dukcapil (accepted by Kabupaten Tangerang); Kota Makassar asks and is declined.
    const { db, app } = server.ctx;
    const inst = async (name: string) =>
      (await db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow())
        .id;
    const admin = async (institutionId: number) =>
      sessionCookie(server.ctx, (await makeUser(db, { role: 'local_admin', institutionId })).id);
    const owner = await admin(await inst('Pemerintah Kabupaten Tangerang'));
    const bandung = await admin(await inst('Pemerintah Kota Bandung'));
    const makassar = await admin(
      (
        await makeInstitution(db, {
          name: 'Pemerintah Kota Makassar',
          type: 'pemerintah_kota',
          regionCode: '73.71',
        })
      ).id,
    );
    const slug = (
      await db
        .selectFrom('gallery_entries')
        .select('slug')
        .where('proposal_id', '=', s.f.dukcapil.id)
        .executeTakeFirstOrThrow()
    ).slug;
    for (const [asker, how, body] of [
      [bandung, 'accept', { contactName: 'Budi Santoso', contactEmail: 'budi@tangerang.go.id' }],
      [makassar, 'decline', { reason: 'Aplikasi masih dalam pengembangan tahun ini.' }],
    ] as const) {
      const asked = await app.inject({
        method: 'POST',
        url: `/api/gallery/${slug}/replication-requests`,
        headers: { cookie: asker },
        payload: {
          contactName: 'Rina Marlina',
          contactEmail: 'rina@contoh.go.id',
          message: 'Kami ingin mereplikasi layanan jemput bola untuk kelurahan padat di kota kami.',
        },
      });
      expect(asked.statusCode, asked.body).toBe(201);
      const answered = await app.inject({
        method: 'POST',
        url: `/api/replication-requests/${asked.json().id}/${how}`,
        headers: { cookie: owner },
        payload: body,
      });
      expect(answered.statusCode, answered.body).toBe(200);
    }

    const rowsOf = async (page: Page, chart: string) => {
      const region = section(page).getByRole('region', { name: chart, exact: true });
      await region.locator('summary', { hasText: 'Tampilkan tabel data' }).click();
      return (await region.getByRole('row').allInnerTexts())
        .slice(1)
        .map((r) => r.split('\t').slice(0, 2).join(' | '));
    };
    for (const [size, name] of [
      [DESKTOP, '1280'],
      [PHONE, '390'],
    ] as const) {
      const page = await profiles.newPage(size);
      await page.goto(`${server.baseUrl}/galeri/statistik`);
      await section(page).getByText('1 replikasi tercatat').waitFor();
      await section(page)
        .getByRole('img', {
          name: /^10 inovasi paling banyak direplikasi: diagram batang\. Nilai terbesar Jemput Bola Pelayanan Kependudukan Desa \(1 replikasi\)/,
        })
        .waitFor();
      expect(await rowsOf(page, '10 inovasi paling banyak direplikasi')).toEqual([
        'Jemput Bola Pelayanan Kependudukan Desa | 1',
      ]);
      expect(await rowsOf(page, 'Menurut instansi pemilik inovasi (10 teratas)')).toEqual([
        'Pemerintah Kabupaten Tangerang | 1',
      ]);
      expect(await rowsOf(page, 'Menurut provinsi instansi yang mereplikasi')).toEqual(['Jawa Barat | 1']);
      // No person, no contact on the public page.
      const text = await section(page).innerText();
      for (const hidden of ['Rina', 'Budi', '@', 'Makassar']) expect(text).not.toContain(hidden);
      // The full-page picture from the top (the sticky header would cover the section after the clicks).
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, `gallery-stats-replication-${name}`);
      await page.close();
    }
    // The innovation's link opens its page.
    const page = await profiles.newPage(DESKTOP);
    await page.goto(`${server.baseUrl}/galeri/statistik`);
    await rowsOf(page, '10 inovasi paling banyak direplikasi');
    await section(page).getByRole('link', { name: 'Buka Jemput Bola Pelayanan Kependudukan Desa' }).click();
    await page.waitForURL(`${server.baseUrl}/galeri/${slug}`);
    await page.getByRole('heading', { name: 'Jemput Bola Pelayanan Kependudukan Desa' }).first().waitFor();
    await page.close();
  });

  it('the open data page: the fields explained, the downloads carry the filter', async () => {
    for (const [size, name] of [
      [DESKTOP, '1280'],
      [PHONE, '390'],
    ] as const) {
      const page = await profiles.newPage(size);
      await page.goto(`${server.baseUrl}/galeri`);
      await page.getByRole('link', { name: 'Data terbuka (CSV, JSON)' }).click();
      await page.waitForURL(`${server.baseUrl}/galeri/data`);
      await page.getByRole('heading', { name: 'Data terbuka galeri inovasi' }).waitFor();
      const fields = page.getByRole('region', { name: 'Kolom data', exact: true });
      // A table on a wide screen, one block per field on a phone: the same fields and meanings.
      const text = await fields.innerText();
      for (const field of ['slug', 'url', 'api', 'province_code', 'awards', 'basis'])
        expect(text).toContain(field);
      expect(text).toContain('Alamat tetap inovasi di galeri.');
      if (name === '1280') expect(await fields.getByRole('rowheader').allInnerTexts()).toHaveLength(26);
      await shoot(page, `gallery-data-${name}`);
      await page.close();
    }
    const page = await profiles.newPage(DESKTOP);
    await page.goto(`${server.baseUrl}/galeri/data`);
    await page.getByLabel('Provinsi', { exact: true }).selectOption('32');
    await page.waitForURL(`${server.baseUrl}/galeri/data?province=32`);
    const csv = page.getByRole('link', { name: 'Unduh CSV' });
    // The links follow the address once the page has drawn the filter (not in the same frame).
    await expect.poll(() => csv.getAttribute('href')).toBe('/api/public/gallery/data.csv?province=32');
    expect(await page.getByRole('link', { name: 'Unduh JSON' }).getAttribute('href')).toBe(
      '/api/public/gallery/data.json?province=32',
    );
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(download.suggestedFilename()).toMatch(/^sinovik-galeri-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await download.createReadStream()).toArray();
    const body = Buffer.concat(text as Buffer[]).toString('utf8');
    expect(body.startsWith('\uFEFFslug,url,api,title')).toBe(true);
    expect(body).toContain('Puskesmas Keliling Sehat Bersama');
    expect(body).not.toContain('Jemput Bola');
    await page.close();
  });
});
