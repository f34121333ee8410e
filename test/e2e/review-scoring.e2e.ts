import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, publishedKipp, TEST_PASSWORD } from '../helpers/fixtures.js';
import { assignReviewer, passedProposal, stageOf } from '../helpers/review.js';
import { logIn, openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 12 point 4 in Chromium: two evaluators score the same proposal (the second sees the first's scores
 * only after submitting their own), each submit confirmed; the secretariat sees the progress. Desktop and
 * phone (390 px), Bahasa Indonesia and once English; axe-core on every screen. Screenshots:
 * test-results/screenshots/review-*.png.
 */
const SETUP = new Date('2026-04-01T03:00:00.000Z');
const SCORING = new Date('2026-05-20T03:00:00.000Z');

describe('scoring in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let stageId: number;
  let assignment1: number;
  let assignment2: number;
  const emails = { e1: 'evaluator.satu@uji.go.id', e2: 'evaluator.dua@uji.go.id', sec: '' };

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
    const { ctx } = server;
    ctx.clock.freeze(SETUP);
    const k = await publishedKipp(ctx.db, { organizerName: 'Kementerian Penilaian Peramban', now: SETUP });
    competitionId = k.competitionId;
    stageId = (await stageOf(ctx.db, k.competitionId, 'evaluation_1')).id;
    const e1 = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId,
      email: emails.e1,
      name: 'Dr. Sari Evaluator',
    });
    const e2 = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId,
      email: emails.e2,
      name: 'Ir. Budi Evaluator',
    });
    emails.sec = (
      await ctx.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', k.secretariat.id)
        .executeTakeFirstOrThrow()
    ).email;
    const p = await passedProposal(ctx, { competitionId, now: SETUP, title: 'Layanan Antar Obat Puskesmas' });
    const q = await passedProposal(ctx, {
      competitionId,
      now: SETUP,
      title: 'Sistem Antrean Daring Dukcapil',
    });
    assignment1 = await assignReviewer(ctx.db, { stageId, proposalId: p.id, reviewerId: e1.id });
    assignment2 = await assignReviewer(ctx.db, { stageId, proposalId: p.id, reviewerId: e2.id });
    await assignReviewer(ctx.db, { stageId, proposalId: q.id, reviewerId: e1.id });
    ctx.clock.freeze(SCORING);
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  /** A comment that would run script if it were put into the page as HTML. */
  const XSS = '<img src=x onerror="window.__xss=1">Catatan <b>tebal</b>';

  const scoreAll = async (
    page: import('playwright-core').Page,
    value: string,
    comment = 'Latar belakang dan tujuan terukur.',
  ) => {
    const inputs = page.getByLabel(/^Nilai \(0–100\)/);
    const n = await inputs.count();
    expect(n).toBe(7);
    for (let i = 0; i < n; i++) await inputs.nth(i).fill(value);
    await page
      .getByLabel(/^Catatan/)
      .first()
      .fill(comment);
    await page.getByText(/^Tersimpan/).waitFor({ timeout: 15_000 });
  };

  it('the first evaluator scores and submits; the others stay hidden until then', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, emails.e1, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/penilaian`);
    await page.getByRole('heading', { name: 'Penilaian saya', level: 1 }).waitFor();
    await page.getByText('Layanan Antar Obat Puskesmas', { exact: false }).waitFor();
    await shoot(page, 'review-work');
    await page.getByRole('link', { name: /Layanan Antar Obat Puskesmas/ }).click();
    await page.waitForURL(`**/penilaian/${assignment1}`);
    await page.getByRole('heading', { name: 'Rubrik penilaian' }).waitFor();
    await expect(
      page
        .getByText('Penilaian evaluator lain ditampilkan setelah Anda mengirim penilaian sendiri.')
        .isVisible(),
    ).resolves.toBe(true);
    await scoreAll(page, '90');
    await page
      .getByLabel(/^Catatan/)
      .nth(1)
      .fill(XSS);
    await page
      .getByText(/^Menyimpan/)
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    await page.getByText(/^Tersimpan/).waitFor({ timeout: 15_000 });
    await shoot(page, 'review-scoring-draft');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kirim penilaian?' });
    await dialog.getByText(/Nilai tertimbang Anda 90/).waitFor();
    await shoot(page, 'review-submit-confirm');
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
    await page.getByText(/Penilaian Anda sudah dikirim pada/).waitFor();
    // The other evaluator has not started: no scores of theirs, just the status.
    await page.getByText('Evaluator B').waitFor();
    await shoot(page, 'review-scoring-submitted');
  }, 120_000);

  it("the second evaluator, on a phone, sees the first one's scores only after submitting", async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, emails.e2, TEST_PASSWORD);
    await phone.goto(`${server.baseUrl}/penilaian/${assignment2}`);
    await phone.getByRole('heading', { name: 'Rubrik penilaian' }).waitFor();
    await phone
      .getByText('Penilaian evaluator lain ditampilkan setelah Anda mengirim penilaian sendiri.')
      .waitFor();
    await expect(phone.getByText('Latar belakang dan tujuan terukur.').count()).resolves.toBe(0);
    await scoreAll(phone, '70');
    await shoot(phone, 'review-scoring-phone');
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    await phone
      .getByRole('dialog', { name: 'Kirim penilaian?' })
      .getByRole('button', { name: 'Ya, kirim' })
      .click();
    await phone.getByText(/Penilaian Anda sudah dikirim pada/).waitFor();
    await phone.getByText('Evaluator A').waitFor();
    await phone
      .getByText(/Latar belakang dan tujuan terukur\./)
      .first()
      .waitFor();
    // The other evaluator's comment is shown as text, never as markup.
    await phone.getByText(XSS, { exact: false }).first().waitFor();
    await expect(
      phone.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    await expect(phone.locator('img[src="x"]').count()).resolves.toBe(0);
    await shoot(phone, 'review-scoring-phone-others');
  }, 120_000);

  it('the secretariat sees the progress per evaluator and per proposal, in Indonesian and English', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, emails.sec, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/tahap/${stageId}/penilaian`);
    await page.getByRole('heading', { name: /^Kemajuan penilaian/, level: 1 }).waitFor();
    await page.getByText('Dr. Sari Evaluator').first().waitFor();
    await shoot(page, 'review-progress');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: /^Evaluation progress/, level: 1 }).waitFor();
    await shoot(page, 'review-progress-en');
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, emails.sec, TEST_PASSWORD);
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/tahap/${stageId}/penilaian`);
    await phone.getByRole('heading', { name: /^Kemajuan penilaian/, level: 1 }).waitFor();
    await shoot(phone, 'review-progress-phone');
  }, 120_000);
});
