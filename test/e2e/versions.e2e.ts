import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProposalDetail } from '../../src/contracts/proposals.js';
import { uploadRequiredEvidence } from '../helpers/evidence.js';
import { sessionCookie } from '../helpers/fixtures.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

const UPP = 'upp.tangerang@demo.sinovik.id';
const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';
const TITLE = 'Layanan Adminduk Keliling';
const NEW_TITLE = 'Layanan Adminduk Keliling Desa Terpencil';
const NOTE = 'Signifikansi belum menyebut angka waktu layanan; judul perlu lebih jelas.';

/**
 * Issue 11: the version history (numbered, what/who/when), one version opened, two compared word by word,
 * and the admin lokal's "Berubah sejak dikembalikan" at the top of a resent proposal. The proposal is set
 * up through the API (as the UPP and the admin lokal); the screens are driven in Chromium.
 */
describe('proposal versions, in Chromium: history, a version opened, a comparison, changes since the return', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let id: number;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { ctx } = server;
    const userId = async (email: string) =>
      (await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const cookies = {
      upp: await sessionCookie(ctx, await userId(UPP)),
      admin: await sessionCookie(ctx, await userId(ADMIN_LOKAL)),
    };
    const call = async (
      who: 'upp' | 'admin',
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: object,
    ) => {
      const res = await ctx.app.inject({
        method,
        url: `/api${url}`,
        headers: { cookie: cookies[who] },
        payload,
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    const comp = await ctx.db
      .selectFrom('competitions')
      .select('id')
      .where('name', '=', 'Kompetisi Inovasi Pelayanan Publik 2026')
      .executeTakeFirstOrThrow();
    const p: ProposalDetail = await call('upp', 'POST', `/competitions/${comp.id}/proposals`, {
      groupKey: 'umum',
      title: TITLE,
    });
    id = p.id;
    const answer = (key: string) =>
      key === 'signifikansi'
        ? 'Warga tidak perlu datang ke kantor dinas untuk mengurus akta.'
        : `Bagian ${key}: petugas datang ke desa dengan mobil layanan untuk melayani warga.`;
    await call('upp', 'PATCH', `/proposals/${id}`, {
      version: p.version,
      acronym: 'ADUK',
      categoryKey: p.categories[0]!.key,
      implementationStart: '2022-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Disdukcapil',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@tangerangkab.go.id',
      declarationAccepted: true,
      answers: p.form.map((s) => ({ sectionKey: s.key, text: answer(s.key) })),
    });
    await uploadRequiredEvidence(ctx.app, cookies.upp, id);
    await call('upp', 'POST', `/proposals/${id}/send`);
    await call('admin', 'POST', `/proposals/${id}/return`, { note: NOTE });
    const returned: ProposalDetail = await call('upp', 'GET', `/proposals/${id}`);
    await call('upp', 'PATCH', `/proposals/${id}`, {
      version: returned.version,
      title: NEW_TITLE,
      answers: [
        {
          sectionKey: 'signifikansi',
          text: 'Warga tidak perlu datang ke kantor dinas: waktu mengurus akta turun dari 14 hari menjadi 1 hari.',
        },
      ],
    });
    await call('upp', 'POST', `/proposals/${id}/send`);
  }, 240_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  async function loggedIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, email);
    await page.goto(`${server.baseUrl}/usulan/${id}`);
    return page;
  }

  it('the admin lokal sees at the top what changed since the return, with the note', async () => {
    const page = await loggedIn(ADMIN_LOKAL);
    const card = page.locator('#changes-since-return');
    await card.waitFor();
    await expect
      .poll(() => card.getByRole('heading', { level: 2 }).innerText())
      .toMatch(/^Berubah sejak dikembalikan pada \d+ \w+ 2026 \d{2}\.\d{2} WIB$/);
    expect(await card.innerText()).toContain(NOTE);
    // The added words are underlined and announced; the removed ones struck through and announced.
    const ins = card.locator('ins.diff-ins').first();
    expect(await ins.innerText()).toContain('Desa Terpencil');
    expect(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('underline');
    const del = card.locator('del.diff-del').first();
    expect(await del.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    expect(await ins.textContent()).toMatch(/^ditambahkan: .*\(akhir tambahan\)$/);
    expect(await del.textContent()).toMatch(/^dihapus: .*\(akhir hapusan\)$/);
    // Unchanged parts collapsed into one line.
    await expect.poll(() => card.locator('summary').innerText()).toMatch(/bagian tidak berubah/);
    expect(await card.locator('details').getAttribute('open')).toBeNull();
    // It comes before the admin lokal's decision and the long read.
    const [sinceTop, reviewTop] = await Promise.all([
      card.evaluate((e) => e.getBoundingClientRect().top),
      page
        .getByRole('button', { name: 'Teruskan' })
        .first()
        .evaluate((e) => e.getBoundingClientRect().top),
    ]);
    expect(sinceTop).toBeLessThan(reviewTop);
    await shoot(page, 'versions-01-admin-changed-since-return');
    const phone = await loggedIn(ADMIN_LOKAL, { width: 390, height: 844 });
    await phone.locator('#changes-since-return').waitFor();
    await shoot(phone, 'versions-02-admin-changed-since-return-phone');
  });

  it('the UPP sees a numbered history, opens a version and compares two', async () => {
    const page = await loggedIn(UPP);
    const history = page.locator('#history');
    await history.waitFor();
    const items = history.locator('ol > li');
    await expect.poll(() => items.count()).toBe(6);
    const lines = await items.allInnerTexts();
    expect(lines.map((l) => l.split('\n')[0])).toEqual([
      'Versi 6 (terbaru) · dikirim ke Admin Lokal',
      'Versi 5 · simpan otomatis',
      'Versi 4 · dikembalikan ke unit',
      'Versi 3 · dikirim ke Admin Lokal',
      'Versi 2 · simpan otomatis',
      'Versi 1 · dibuat',
    ]);
    expect(lines[2]).toContain(NOTE);
    expect(lines[2]).toMatch(/WIB/);
    await shoot(page, 'versions-03-history-list');

    // Open version 1: the proposal as it was created.
    await page.getByRole('button', { name: 'Lihat versi 1' }).click();
    const detail = page.locator('#version-detail');
    await expect
      .poll(() => detail.getByRole('heading', { level: 3 }).innerText())
      .toBe('Versi 1 — isi proposal saat itu');
    expect(await detail.innerText()).toContain(TITLE);
    await shoot(page, 'versions-04-version-opened');

    // Compare version 3 (first send) with version 6 (resend).
    await page.getByRole('checkbox', { name: 'Pilih versi 3 untuk dibandingkan' }).check();
    await page.getByRole('checkbox', { name: 'Pilih versi 6 untuk dibandingkan' }).check();
    await page.getByRole('button', { name: 'Bandingkan versi 3 dan 6' }).click();
    await expect
      .poll(() => detail.getByRole('heading', { level: 3 }).innerText())
      .toBe('Perbandingan versi 3 → versi 6');
    expect(await detail.locator('ins.diff-ins').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Desa Terpencil')]),
    );
    expect(await detail.locator('.mantine-Badge-root').first().textContent()).toBe('2 bagian berubah');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'versions-05-compare');

    const phone = await loggedIn(UPP, { width: 390, height: 844 });
    await phone.locator('#history').waitFor();
    await phone.getByRole('checkbox', { name: 'Pilih versi 3 untuk dibandingkan' }).check();
    await phone.getByRole('checkbox', { name: 'Pilih versi 6 untuk dibandingkan' }).check();
    await phone.getByRole('button', { name: 'Bandingkan versi 3 dan 6' }).click();
    await phone.locator('#version-detail ins').first().waitFor();
    await shoot(phone, 'versions-06-compare-phone');
  });

  it('reads in English too', async () => {
    const page = await profiles.newPage(undefined, { locale: 'en-GB' });
    await logIn(page, server.baseUrl, ADMIN_LOKAL);
    await page.evaluate(() => localStorage.setItem('sinovik.lang', 'en'));
    await page.goto(`${server.baseUrl}/usulan/${id}`);
    await page.locator('#changes-since-return').waitFor();
    await shoot(page, 'versions-07-admin-changed-since-return-en');
  });
});
