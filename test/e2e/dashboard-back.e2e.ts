import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The secretariat opens a proposal from the submission dashboard and comes back (issue 11): the way back
 * leads to the dashboard, with the filters it was left with, not to the UPP's list of proposals.
 */
describe('back from a proposal to the dashboard, filters kept (Chromium)', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    competitionId = (
      await server.ctx.db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', 'KIPP')
        .executeTakeFirstOrThrow()
    ).id;
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('returns from a proposal opened on the dashboard to the dashboard with its search', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor`);
    const links = page.locator('a[href^="/usulan/"]');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const title = (await links.first().innerText()).trim();
    const word = title.split(/\s+/).find((w) => w.length > 4)!;
    await page.getByLabel('Cari proposal').fill(word);
    await page.waitForURL((u) => u.searchParams.get('q') === word);
    await links.first().click();
    await page.waitForURL(/\/usulan\/\d+$/);
    const back = page.getByRole('link', { name: 'Kembali ke dasbor pengajuan' });
    await expect.poll(() => back.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('link', { name: 'Kembali ke daftar proposal' }).count()).toBe(0);
    await shoot(page, 'dashboard-back-01-proposal');
    await back.click();
    await page.waitForURL((u) => u.pathname.endsWith('/dasbor') && u.searchParams.get('q') === word);
    await expect.poll(() => page.getByLabel('Cari proposal').inputValue()).toBe(word);
    await shoot(page, 'dashboard-back-02-dashboard-filtered');
  });
});
