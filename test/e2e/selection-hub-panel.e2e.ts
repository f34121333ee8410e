import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PANEL_DEMO } from '../../src/seed/demo-panel.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The selection hub after the final finalist list, in Chromium on the panel demo (KIPP-PANEL: final list
 * fixed, the presentation stage and the public rating open now, the panel's later stages ahead): the
 * competition's page links the hub, the public rating report and the certificates; the hub lists the
 * panel's steps under their own heading with their status, window and counts, and a step opens its page
 * (the presentation schedule). Desktop and 390 px; each screen checked with axe-core.
 * Screenshots: test-results/screenshots/selection-hub-panel-*.png.
 */
describe('the selection hub on the panel demo in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId = 0;
  let finalists = 0;

  beforeAll(async () => {
    server = await startDemoServer({}, { panel: true });
    profiles = await openProfiles();
    const c = await server.ctx.db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', PANEL_DEMO.code)
      .executeTakeFirstOrThrow();
    competitionId = c.id;
    finalists = (
      await server.ctx.db
        .selectFrom('proposals')
        .select('id')
        .where('competition_id', '=', c.id)
        .where('state', '=', 'finalist')
        .execute()
    ).length;
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  /** The step's card by its heading. */
  const card = (page: Page, name: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true, level: 3 }) });

  it('the competition page leads to the hub, the public rating and the certificates; the hub shows the panel steps and opens the schedule', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}`);
    const base = `/sekretariat/kompetisi/${competitionId}`;
    const main = page.getByRole('main');
    await expect(
      main.getByRole('link', { name: 'Penilaian Publik', exact: true }).getAttribute('href'),
    ).resolves.toBe(`${base}/nilai-publik`);
    await expect(main.getByRole('link', { name: 'Piagam', exact: true }).getAttribute('href')).resolves.toBe(
      `${base}/piagam`,
    );
    await main.getByRole('link', { name: 'Seleksi', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `${base}/seleksi`);
    await page.getByRole('heading', { name: 'Seleksi dan penjurian', level: 1 }).waitFor();

    const section = page.getByRole('region', { name: 'Tim Panel Independen dan hasil' });
    await expect(section.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual([
      'Jadwal presentasi dan wawancara',
      'Presentasi dan wawancara (penilaian Tim Panel)',
      'Penilaian publik',
      'Verifikasi lapangan',
      'Sidang penetapan dan hasil',
      'Piagam',
    ]);
    // The final list is fixed and nobody is placed yet: the schedule is to be made.
    const schedule = card(page, 'Jadwal presentasi dan wawancara');
    await schedule.getByText('Berlangsung', { exact: true }).waitFor();
    await schedule.getByText(`0 dari ${finalists} finalis sudah mendapat jadwal`).waitFor();
    // The presentation and the public rating are open now, with their windows' hour and zone.
    const presentation = card(page, 'Presentasi dan wawancara (penilaian Tim Panel)');
    await presentation.getByText('Berlangsung', { exact: true }).waitFor();
    await expect(presentation.textContent()).resolves.toMatch(/\d{2}[.:]\d{2} WIB/);
    await presentation.getByText(/^0 dari \d+ penilaian terkirim$/).waitFor();
    await card(page, 'Penilaian publik').getByText('Berlangsung', { exact: true }).waitFor();
    // The later stages have not begun; the certificates wait for the results.
    for (const name of ['Verifikasi lapangan', 'Sidang penetapan dan hasil', 'Piagam'])
      await card(page, name).getByText('Belum dibuka', { exact: true }).waitFor();
    await card(page, 'Sidang penetapan dan hasil')
      .getByText(`0 dari ${finalists} finalis sudah diputuskan`)
      .waitFor();
    await shoot(page, 'selection-hub-panel-01-desktop');

    await page.getByRole('link', { name: 'Buka Jadwal presentasi dan wawancara' }).click();
    await page.waitForURL((u) => u.pathname === `${base}/presentasi`);
    await page.getByRole('heading', { name: 'Jadwal presentasi dan wawancara', level: 1 }).waitFor();
  });

  it('reads on a 390 px phone', async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/seleksi`);
    await phone.getByRole('heading', { name: 'Tim Panel Independen dan hasil', level: 2 }).waitFor();
    await card(phone, 'Piagam').getByText('Belum dibuka', { exact: true }).waitFor();
    await shoot(phone, 'selection-hub-panel-02-phone');
  });
});
