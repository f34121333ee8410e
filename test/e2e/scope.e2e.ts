import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Organizer scope in the browser: the navigation and the registry pages follow the abilities the API
 * returns. The Kalimantan Timur secretariat reads the institution registry and has no award registry or
 * admin lokal requests; the national (KemenPAN-RB) secretariat, the demo's data steward, manages them.
 */
describe('organizer scope in Chromium: what each secretariat is offered', () => {
  let server: E2EServer;
  let profiles: Profiles;

  async function loggedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport, { timezoneId: 'Asia/Makassar' });
    await logIn(page, server.baseUrl, email);
    return page;
  }

  /** The links of the side navigation, in order. */
  const navLinks = async (page: Page) => {
    const nav = page.getByRole('navigation', { name: 'Menu' });
    await expect.poll(() => nav.getByRole('link').count()).toBeGreaterThan(1);
    return nav.getByRole('link').allTextContents();
  };

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('gives the Kaltim secretariat its competitions and a read-only institution registry', async () => {
    const page = await loggedIn('sekretariat.kaltim@demo.sinovik.id');
    const links = await navLinks(page);
    expect(links).toContain('Instansi');
    expect(links).toContain('Kompetisi');
    expect(links).not.toContain('Daftar Penghargaan');
    expect(links).not.toContain('Permohonan Admin Lokal');
    await shoot(page, 'scope-01-kaltim-competitions');

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Instansi' }).click();
    await page.waitForURL('**/sekretariat/instansi');
    await expect
      .poll(() =>
        page
          .getByText('Daftar instansi adalah data rujukan bersama seluruh kompetisi.', { exact: false })
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(2);
    expect(await page.getByRole('button', { name: 'Tambah instansi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Impor CSV' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ubah/ }).count()).toBe(0);
    await shoot(page, 'scope-02-kaltim-institutions-read-only');

    // Typed addresses of the owners' pages say plainly that the role does not allow them.
    for (const path of ['/sekretariat/penghargaan', '/sekretariat/permohonan-admin']) {
      await page.goto(server.baseUrl + path);
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toBe('Anda tidak memiliki akses ke halaman ini.');
    }
    await shoot(page, 'scope-03-kaltim-admin-requests-refused');
  });

  it('gives the national secretariat, the data steward, the registries and the requests', async () => {
    const page = await loggedIn('sekretariat@demo.sinovik.id');
    const links = await navLinks(page);
    for (const link of ['Kompetisi', 'Permohonan Admin Lokal', 'Instansi', 'Daftar Penghargaan'])
      expect(links).toContain(link);

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Instansi' }).click();
    await page.waitForURL('**/sekretariat/instansi');
    await expect.poll(() => page.getByRole('button', { name: 'Tambah instansi' }).isVisible()).toBe(true);
    expect(
      await page
        .getByText('Daftar instansi adalah data rujukan bersama seluruh kompetisi.', { exact: false })
        .count(),
    ).toBe(0);
    await shoot(page, 'scope-04-national-institutions');

    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Permohonan Admin Lokal' })
      .click();
    await page.waitForURL('**/sekretariat/permohonan-admin');
    await expect.poll(() => page.getByText('Pemerintah Kota Samarinda').first().isVisible()).toBe(true);
    await shoot(page, 'scope-05-national-admin-requests');
  });
});
