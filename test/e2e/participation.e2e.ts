import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  expectAccessible,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Who may take part, in Chromium (issue 11 point 8), on the demo: the Kalimantan Timur competition takes
 * the province and its regencies/cities. Its secretariat sees the rule in its settings, the public page
 * says it, and the UPP of Kabupaten Tangerang (Banten) is not offered it when starting a proposal.
 */
const KALTIM_RULE = 'Peserta: Pemerintah Provinsi Kalimantan Timur dan kabupaten/kota di Kalimantan Timur';

describe('who may take part, in the browser', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let kaltimId: number;

  async function loggedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport, { timezoneId: 'Asia/Makassar' });
    await logIn(page, server.baseUrl, email);
    return page;
  }

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

  it('shows the Kaltim secretariat its participant rule in the settings', async () => {
    const page = await loggedIn('sekretariat.kaltim@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${kaltimId}`);
    const card = page.getByRole('region', { name: 'Peserta kompetisi' });
    await expect.poll(() => card.getByTestId('participants-now').textContent()).toBe(KALTIM_RULE);
    expect(await card.getByLabel('Semua jenis instansi').isChecked()).toBe(false);
    expect(await card.getByLabel('Pemerintah Kabupaten').isChecked()).toBe(true);
    expect(await card.getByLabel('Kementerian').isChecked()).toBe(false);
    await card.scrollIntoViewIfNeeded();
    await shoot(page, 'participation-01-settings');
    await expectAccessible(page, 'participation settings');
  });

  it('says on the public page who may take part (phone width)', async () => {
    const page = await profiles.newPage({ width: 390, height: 844 }, { timezoneId: 'Asia/Makassar' });
    await page.goto(`${server.baseUrl}/kompetisi/${kaltimId}`);
    await expect.poll(() => page.getByTestId('competition-participants').textContent()).toBe(KALTIM_RULE);
    await shoot(page, 'participation-02-public-phone');
    await expectAccessible(page, 'public competition page with participants');
  });

  it('does not offer the Kaltim competition to the UPP of Kabupaten Tangerang (Banten)', async () => {
    const upp = await loggedIn('upp.tangerang@demo.sinovik.id');
    await upp.waitForURL((url) => url.pathname === '/usulan');
    await upp.getByRole('button', { name: 'Buat proposal' }).click();
    await upp.getByRole('combobox', { name: 'Kompetisi' }).click();
    const options = upp.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    const names = await options.allTextContents();
    expect(names).toContain('Kompetisi Inovasi Pelayanan Publik 2026');
    expect(names.some((n) => n.includes('Kalimantan Timur'))).toBe(false);
    await shoot(upp, 'participation-03-upp-not-offered');
  });
});
