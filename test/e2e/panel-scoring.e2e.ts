import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution, publishedKipp, TEST_PASSWORD } from '../helpers/fixtures.js';
import { insideStage, makeJudgedProposal, stageOf } from '../helpers/judging.js';
import { makePanelist, publishFinalFinalists } from '../helpers/panel.js';
import {
  cutBadges,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  startServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Issue 13 points 1–2 in Chromium: the secretariat assigns the Tim Panel to the finalists ("Tugaskan
 * panel"; one panelist abstains on a finalist of their own institution), then a panelist scores a finalist
 * on a phone (390 px) on the presentation rubric and submits. Desktop and phone, Bahasa Indonesia and once
 * English; axe-core on every screen. Screenshots: test-results/screenshots/panel-*.png.
 */

describe('the panel scores the presentation in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let stageId: number;
  let secretariatEmail: string;
  const panelistEmail = 'ani.pakar@uji.ac.id';

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
    const { ctx } = server;
    const k = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Panel Peramban',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = k.competitionId;
    const stage = await stageOf(ctx.db, competitionId, 'presentation');
    stageId = stage.id;
    ctx.clock.freeze(insideStage(stage));
    secretariatEmail = (
      await ctx.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', k.secretariat.id)
        .executeTakeFirstOrThrow()
    ).email;
    const own = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Surakarta Uji' });
    const other = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Banyuwangi Uji' });
    await makeJudgedProposal(ctx.db, {
      competitionId,
      institutionId: other.id,
      state: 'finalist',
      title: 'Layanan Kesehatan Keliling Desa',
    });
    await makeJudgedProposal(ctx.db, {
      competitionId,
      institutionId: own.id,
      state: 'finalist',
      title: 'Sistem Perizinan Satu Pintu Daring',
    });
    await publishFinalFinalists(ctx.db, { competitionId, by: k.secretariat.id, now: insideStage(stage) });
    const ani = await makePanelist(ctx.db, { competitionId, name: 'Prof. Ani Pakar' });
    await ctx.db.updateTable('users').set({ email: panelistEmail }).where('id', '=', ani.id).execute();
    await makePanelist(ctx.db, { competitionId, name: 'Drs. Budi Tokoh', affiliationInstitutionId: own.id });
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the secretariat assigns the panel; the abstention is listed with its reason', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, secretariatEmail, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/penugasan?tahap=${stageId}`);
    await page.getByRole('heading', { name: 'Tugaskan Tim Panel' }).waitFor();
    await page.getByText('Seluruh panelis (2) menilai setiap finalis').waitFor();
    await page.getByRole('button', { name: 'Tugaskan panel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tugaskan Tim Panel pada para finalis?' });
    await expect.poll(() => dialog.textContent()).toContain('tercatat abstain');
    await shoot(page, 'panel-assign-confirm');
    await dialog.getByRole('button', { name: 'Tugaskan panel' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('3 penugasan dibuat untuk 2 panelis; 1 abstain');
    const abstentions = page.getByRole('region', { name: 'Panelis yang abstain' });
    await abstentions.getByText('Drs. Budi Tokoh').first().waitFor();
    await abstentions.getByText('Instansi afiliasinya sendiri').first().waitFor();
    await shoot(page, 'panel-assign');
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, secretariatEmail, TEST_PASSWORD);
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/penugasan?tahap=${stageId}`);
    await phone.getByRole('heading', { name: 'Panelis yang abstain' }).waitFor();
    await shoot(phone, 'panel-assign-phone');
  }, 120_000);

  it('a panelist scores a finalist on a phone and submits; the others wait for the closing', async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, panelistEmail, TEST_PASSWORD);
    await phone.goto(`${server.baseUrl}/penilaian`);
    await phone.getByText('Layanan Kesehatan Keliling Desa', { exact: false }).waitFor();
    await shoot(phone, 'panel-work-phone');
    await phone.getByRole('link', { name: /Layanan Kesehatan Keliling Desa/ }).click();
    await phone.getByRole('heading', { name: 'Rubrik penilaian' }).waitFor();
    await phone.getByRole('heading', { name: 'Data utama finalis' }).waitFor();
    await phone
      .getByText('Lembar nilai panelis lain ditampilkan setelah tahap ditutup', { exact: false })
      .waitFor();
    // The rubric comes before the proposal's text on a phone.
    const rubricTop = await phone.getByRole('heading', { name: 'Rubrik penilaian' }).boundingBox();
    const textTop = await phone
      .getByRole('heading', { name: 'Isi proposal' })
      .boundingBox()
      .catch(() => null);
    if (textTop) expect(rubricTop!.y).toBeLessThan(textTop.y);
    const inputs = phone.getByLabel(/^Nilai \(0–100\)/);
    await expect(inputs.count()).resolves.toBe(4);
    const box = await inputs.first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(40);
    for (const [i, v] of ['85', '80', '70', '100'].entries()) await inputs.nth(i).fill(v);
    await phone
      .getByLabel(/^Catatan/)
      .first()
      .fill('Paparan runtut dan tepat waktu.');
    await phone.getByText(/^Tersimpan/).waitFor({ timeout: 15_000 });
    await shoot(phone, 'panel-scoring-phone');
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Kirim penilaian?' });
    // 85×30 + 80×50 + 70×10 + 100×10 over 100 = 82.5
    await dialog.getByText(/Nilai tertimbang Anda 82,5|Nilai tertimbang Anda 82.5/).waitFor();
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
    await phone.getByText(/Penilaian Anda sudah dikirim pada/).waitFor();
    await phone
      .getByText('Lembar nilai panelis lain ditampilkan setelah tahap ditutup', { exact: false })
      .waitFor();
    await shoot(phone, 'panel-scoring-phone-submitted');
  }, 120_000);

  it('the same page on a desktop, once in English', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, panelistEmail, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/penilaian`);
    await page.getByRole('link', { name: /Layanan Kesehatan Keliling Desa/ }).click();
    await page.getByRole('heading', { name: 'Rubrik penilaian' }).waitFor();
    await shoot(page, 'panel-scoring-desktop');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: "The finalist's key facts" }).waitFor();
    await shoot(page, 'panel-scoring-desktop-en');
  }, 120_000);
});

describe("the panel demo's work list on a phone (KIPP-PANEL)", () => {
  let server: E2EServer;
  let profiles: Profiles;

  beforeAll(async () => {
    server = await startDemoServer({}, { panel: true });
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('reads every status badge whole at 390 px and at 1280 px ("Belum dinilai", not "Be…")', async () => {
    for (const [viewport, name] of [
      [{ width: 390, height: 844 }, 'panel-demo-work-phone'],
      [{ width: 1280, height: 900 }, 'panel-demo-work-desktop'],
    ] as const) {
      const page = await profiles.newPage(viewport);
      await logIn(page, server.baseUrl, 'panelis@demo.sinovik.id');
      await page.goto(`${server.baseUrl}/penilaian`);
      await page.getByRole('heading', { name: 'Penilaian saya', level: 1 }).waitFor();
      // The demo's panelist has every finalist of KIPP-PANEL to score (the final list), none begun.
      const rows = page.locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(8);
      const n = await rows.count();
      expect(await page.getByText('Belum dinilai', { exact: true }).count()).toBe(n);
      await expect(cutBadges(page)).resolves.toEqual([]);
      // Nothing runs off the side of the screen either.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shoot(page, name);
    }
  }, 120_000);
});
