import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../helpers/fixtures.js';
import { stageOf } from '../helpers/review.js';
import {
  cutBadges,
  logIn,
  openProfiles,
  shoot,
  SHOTS_DIR,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Issue 13 in Chromium, on the panel demo (KIPP-PANEL): a panelist submits a finalist's presentation
 * sheet, and the secretariat opens "Lembar nilai" on the presentation's results page and reads every
 * panelist's sheet by name (the one submitted with its scores and comments, the others' status only), at
 * 1280 and 390 px, axe-core on each. Screenshots: test-results/screenshots/panel-sheets-*.png.
 */

const PANELIST = 'panelis@demo.sinovik.id';
const SECRETARIAT = 'sekretariat@demo.sinovik.id';

describe("the secretariat reads each panelist's sheet on the presentation's results page", () => {
  let server: E2EServer;
  let profiles: Profiles;
  let url: string;
  let finalist: { code: string; title: string };
  let panelistName: string;
  let others: string[];

  beforeAll(async () => {
    server = await startDemoServer({}, { panel: true });
    profiles = await openProfiles();
    const { db } = server.ctx;
    const c = await db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP-PANEL')
      .executeTakeFirstOrThrow();
    const stage = await stageOf(db, c.id, 'presentation');
    url = `${server.baseUrl}/sekretariat/kompetisi/${c.id}/hasil-penilaian?tahap=${stage.id}`;
    const panelist = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', PANELIST)
      .executeTakeFirstOrThrow();
    panelistName = panelist.name;
    const a = await db
      .selectFrom('review_assignments as a')
      .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
      .select(['a.id', 'a.proposal_id', 'p.code', 'p.title'])
      .where('a.stage_id', '=', stage.id)
      .where('a.reviewer_id', '=', panelist.id)
      .where('a.status', '=', 'active')
      .orderBy('p.code')
      .executeTakeFirstOrThrow();
    finalist = { code: a.code, title: a.title };
    others = (
      await db
        .selectFrom('review_assignments as a')
        .innerJoin('users as u', 'u.id', 'a.reviewer_id')
        .select('u.name')
        .where('a.stage_id', '=', stage.id)
        .where('a.proposal_id', '=', a.proposal_id)
        .where('a.status', '=', 'active')
        .where('a.reviewer_id', '!=', panelist.id)
        .execute()
    ).map((r) => r.name);
    // The panelist scores every criterion with a comment and submits, through the API.
    const cookie = await sessionCookie(server.ctx, panelist.id);
    const call = (method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
      server.ctx.app.inject({ method, url: `/api${path}`, headers: { cookie }, payload });
    const v = (await call('GET', `/review/assignments/${a.id}`)).json();
    const save = await call('PUT', `/review/assignments/${a.id}/evaluation`, {
      version: v.evaluation.version,
      scores: v.criteria.map((k: { id: number }, i: number) => ({
        criterionId: k.id,
        value: 90 - 5 * i,
        comment: `Paparan bagian ${i + 1} jelas dan didukung data.`,
      })),
    });
    expect(save.statusCode, save.body).toBe(200);
    const sub = await call('POST', `/review/assignments/${a.id}/submit`, { version: save.json().version });
    expect(sub.statusCode, sub.body).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  for (const [viewport, name] of [
    [{ width: 1280, height: 900 }, 'panel-sheets-desktop'],
    [{ width: 390, height: 844 }, 'panel-sheets-phone'],
  ] as const)
    it(`names every panelist's sheet of a finalist, scores once submitted (${viewport.width} px)`, async () => {
      const page = await profiles.newPage(viewport);
      await logIn(page, server.baseUrl, SECRETARIAT);
      await page.goto(url);
      await page.getByRole('heading', { name: 'Hasil penilaian', level: 1 }).waitFor();
      await page.getByRole('button', { name: `Lembar nilai ${finalist.code}` }).click();
      const dialog = page.getByRole('dialog', { name: `Lembar nilai ${finalist.code}` });
      const sheets = dialog.getByTestId('reviewer-sheet');
      await expect.poll(() => sheets.count()).toBe(1 + others.length);
      await dialog.getByText(finalist.title, { exact: true }).waitFor();
      const own = sheets.filter({ has: page.getByRole('heading', { name: panelistName, level: 3 }) });
      await expect.poll(() => own.textContent()).toContain('Terkirim');
      const text = (await own.textContent()) ?? '';
      expect(text).toMatch(/Nilai akhir: \d+,\d\d/);
      expect(text).toContain('Paparan bagian 1 jelas dan didukung data.');
      expect(text).toMatch(/WIB/);
      for (const other of others) {
        const sheet = sheets.filter({ has: page.getByRole('heading', { name: other, level: 3 }) });
        expect(await sheet.textContent()).toContain('Belum mulai menilai.');
        expect(await sheet.textContent()).not.toContain('Nilai akhir');
      }
      await expect(cutBadges(page)).resolves.toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shoot(page, name);
      // The dialog alone as the reader sees it (a full-page shot leaves a fixed dialog where the top was).
      await dialog.screenshot({ path: path.join(SHOTS_DIR, `${name}-dialog.png`) });
      await dialog.getByRole('button', { name: 'Tutup' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    }, 120_000);
});
