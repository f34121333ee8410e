import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedProposals, stageAdminOutcome } from '../helpers/selection.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The selection's hub in Chromium (issue 12): the secretariat reaches it from the menu ("Seleksi"), reads
 * every step in order with its window (hour and zone), status and counts, and opens a step's page; a
 * panelist's menu leads to their uji publik. Desktop and 390 px, once in English.
 * Screenshots land in test-results/screenshots/selection-hub-*.png.
 */
describe('the selection hub in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const c = await db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    competitionId = c.id;
    const upp = await db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select(['u.id', 'g.institution_id', 'g.unit_id'])
      .where('u.email', '=', 'upp.tangerang@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    const ps = await receivedProposals(db, {
      competitionId,
      institutionId: upp.institution_id!,
      unitId: upp.unit_id!,
      createdBy: upp.id,
      n: 3,
      titlePrefix: 'Layanan Hub Seleksi',
    });
    await stageAdminOutcome(db, { competitionId, proposalIds: [ps[0]!.id], outcome: 'passed' });
    await stageAdminOutcome(db, { competitionId, proposalIds: ps.slice(1).map((p) => p.id), outcome: null });
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the secretariat goes from the menu to the hub and from a step to its page', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.getByRole('navigation').getByRole('link', { name: 'Seleksi', exact: true }).click();
    await page.getByRole('heading', { name: 'Seleksi dan penjurian', level: 1 }).waitFor();
    await page.waitForURL((u) => u.pathname === `/sekretariat/kompetisi/${competitionId}/seleksi`);
    const steps = page.locator('ol > li h3');
    await expect.poll(() => steps.count()).toBe(16);
    await expect(steps.allTextContents()).resolves.toEqual([
      'Seleksi administrasi',
      'Pengumuman hasil administrasi',
      'Tim Evaluasi dan Tim Panel',
      'Penugasan penilai (Evaluasi 1)',
      'Penilaian proposal (Evaluasi 1)',
      'Hasil Evaluasi 1',
      'Penilaian bukti (Evaluasi 2)',
      'Hasil Evaluasi 2',
      'Finalis',
      'Uji publik',
      'Jadwal presentasi dan wawancara',
      'Presentasi dan wawancara (penilaian Tim Panel)',
      'Penilaian publik',
      'Verifikasi lapangan',
      'Sidang penetapan dan hasil',
      'Piagam',
    ]);
    const admin = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Seleksi administrasi' }) });
    await admin.getByText(/\d+ dari \d+ sudah diperiksa/).waitFor();
    // Windows with hour and zone.
    await expect(page.locator('ol').first().textContent()).resolves.toMatch(/\d{2}[.:]\d{2} WIB/);
    await shoot(page, 'selection-hub-01-desktop');
    await page.getByRole('link', { name: 'Buka Seleksi administrasi' }).click();
    await page.waitForURL(
      (u) => u.pathname === `/sekretariat/kompetisi/${competitionId}/seleksi-administrasi`,
    );
  });

  it('reads on a phone, and in English', async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/seleksi`);
    await phone.getByRole('heading', { name: 'Seleksi dan penjurian', level: 1 }).waitFor();
    await shoot(phone, 'selection-hub-02-phone');
    await phone.getByText('EN', { exact: true }).click();
    await phone.getByRole('heading', { name: 'Selection and judging', level: 1 }).waitFor();
    await phone.getByRole('heading', { name: 'Administrative check' }).waitFor();
    await shoot(phone, 'selection-hub-03-phone-en');
  });

  it("the competitions list leads to the hub; a panelist's menu leads to their uji publik", async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi`);
    await page
      .getByRole('link', { name: /^Seleksi: / })
      .first()
      .waitFor();

    const panel = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(panel, server.baseUrl, 'panelis@demo.sinovik.id');
    await panel.goto(`${server.baseUrl}/beranda`);
    const link = panel.getByRole('navigation').getByRole('link', { name: 'Uji publik (panel)' });
    await link.click();
    await panel.waitForURL((u) => /^\/panel\/kompetisi\/\d+\/uji-publik$/.test(u.pathname));
    await panel.getByRole('heading', { level: 1 }).waitFor();
    await shoot(panel, 'selection-hub-04-panel-menu');
  });
});
