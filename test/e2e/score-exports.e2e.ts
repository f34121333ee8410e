import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, publishedKipp, sessionCookie, TEST_PASSWORD } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';
import { assignReviewer, passedProposal, stageOf } from '../helpers/review.js';
import { logIn, openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 12 point 9 in Chromium: the evaluator downloads the score sheet of their submitted evaluation; the
 * secretariat downloads every score of the stage (XLSX) from the progress page and the results page, and
 * one evaluator's score sheet from the progress page. Each click is a real download whose file is read
 * back. Desktop and phone (390 px), Bahasa Indonesia and once English; axe-core on every screen.
 * Screenshots: test-results/screenshots/score-exports-*.png.
 */
const SETUP = new Date('2026-04-01T03:00:00.000Z');
const SCORING = new Date('2026-05-20T03:00:00.000Z');

const bytesOf = async (d: Download) => fs.readFileSync((await d.path())!);

describe('the selection’s exports in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let stageId: number;
  let code: string;
  let assignment1: number;
  const emails = { e1: 'evaluator.ekspor@uji.go.id', e2: 'evaluator.ekspor2@uji.go.id', sec: '' };

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
    const { ctx } = server;
    ctx.clock.freeze(SETUP);
    const k = await publishedKipp(ctx.db, { organizerName: 'Kementerian Ekspor Peramban', now: SETUP });
    competitionId = k.competitionId;
    stageId = (await stageOf(ctx.db, k.competitionId, 'evaluation_1')).id;
    const e1 = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId,
      email: emails.e1,
      name: 'Dr. Rina Penilai',
    });
    const e2 = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId,
      email: emails.e2,
      name: 'Ir. Joko Penilai',
    });
    emails.sec = (
      await ctx.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', k.secretariat.id)
        .executeTakeFirstOrThrow()
    ).email;
    const p = await passedProposal(ctx, { competitionId, now: SETUP, title: 'Layanan Kesehatan Keliling' });
    code = p.code;
    assignment1 = await assignReviewer(ctx.db, { stageId, proposalId: p.id, reviewerId: e1.id });
    const assignment2 = await assignReviewer(ctx.db, { stageId, proposalId: p.id, reviewerId: e2.id });
    ctx.clock.freeze(SCORING);
    // Both evaluators score through the API (the scoring screen has its own browser test).
    for (const [user, assignment, value] of [
      [e1.id, assignment1, 88],
      [e2.id, assignment2, 76],
    ] as const) {
      const cookie = await sessionCookie(ctx, user);
      const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
        ctx.app.inject({
          method,
          url: `/api/review/assignments/${assignment}${url}`,
          headers: { cookie },
          payload,
        });
      const view = (await call('GET', '')).json();
      const save = await call('PUT', '/evaluation', {
        version: view.evaluation.version,
        scores: view.criteria.map((c: { id: number }, i: number) => ({
          criterionId: c.id,
          value,
          ...(i === 0 ? { comment: 'Bukti foto layanan lengkap.', evidenceSupports: true } : {}),
        })),
      });
      expect(save.statusCode, save.body).toBe(200);
      const submit = await call('POST', '/submit', { version: save.json().version });
      expect(submit.statusCode, submit.body).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const page = async (email: string, viewport?: { width: number; height: number }) => {
    const p: Page = await profiles.newPage(viewport, { acceptDownloads: true });
    await logIn(p, server.baseUrl, email, TEST_PASSWORD);
    return p;
  };

  it('the evaluator downloads the score sheet of their submitted evaluation, on desktop and phone', async () => {
    const desk = await page(emails.e1);
    await desk.goto(`${server.baseUrl}/penilaian/${assignment1}`);
    await desk.getByText(/Penilaian Anda sudah dikirim pada/).waitFor();
    const button = desk.getByRole('button', { name: 'Unduh lembar nilai (PDF)' });
    await button.waitFor();
    await shoot(desk, 'score-exports-evaluator');
    const waiting = desk.waitForEvent('download');
    await button.click();
    const file = await waiting;
    expect(file.suggestedFilename()).toBe(`lembar-nilai-${code}-evaluation_1.pdf`);
    const text = pdfText(await bytesOf(file));
    expect(text).toContain('LEMBAR PENILAIAN');
    expect(text).toContain('Dr. Rina Penilai');
    expect(text).toContain('Nilai total tertimbang / Weighted total: 88,00 (88.00)');
    expect(text).not.toContain('Ir. Joko Penilai');

    const phone = await page(emails.e1, { width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/penilaian/${assignment1}`);
    await phone.getByRole('button', { name: 'Unduh lembar nilai (PDF)' }).waitFor();
    await shoot(phone, 'score-exports-evaluator-phone');
  }, 120_000);

  it('the secretariat downloads every score and one score sheet from the progress page', async () => {
    const desk = await page(emails.sec);
    await desk.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/tahap/${stageId}/penilaian`);
    await desk.getByRole('heading', { name: /^Kemajuan penilaian/, level: 1 }).waitFor();
    const xlsx = desk.getByRole('button', { name: 'Unduh semua nilai (XLSX)' });
    await xlsx.waitFor();
    await shoot(desk, 'score-exports-progress');
    const waiting = desk.waitForEvent('download');
    await xlsx.click();
    const file = await waiting;
    expect(file.suggestedFilename()).toMatch(/^sinovik-nilai-evaluation_1-\d+-\d{8}-\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(file)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Penilaian', 'Per proposal']);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
    expect(wb.worksheets[1]!.getRow(2).getCell(1).value).toBe(code);
    expect(wb.worksheets[1]!.getRow(2).getCell(9).value).toBe(82);

    const sheet = desk.getByRole('button', { name: `Lembar nilai Ir. Joko Penilai untuk ${code} (PDF)` });
    const waitingPdf = desk.waitForEvent('download');
    await sheet.click();
    const pdf = await waitingPdf;
    const text = pdfText(await bytesOf(pdf));
    expect(text).toContain('Ir. Joko Penilai');
    expect(text).toContain('Nilai total tertimbang / Weighted total: 76,00 (76.00)');

    await desk.getByText('EN', { exact: true }).click();
    await desk.getByRole('button', { name: 'Download all scores (XLSX)' }).waitFor();
    await shoot(desk, 'score-exports-progress-en');
    const waitingEn = desk.waitForEvent('download');
    await desk.getByRole('button', { name: 'Download all scores (XLSX)' }).click();
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await bytesOf(await waitingEn)) as unknown as ArrayBuffer);
    expect(en.worksheets.map((s) => s.name)).toEqual(['Evaluations', 'Per proposal']);
  }, 120_000);

  it('the secretariat downloads every score from the results page, on a phone', async () => {
    const phone = await page(emails.sec, { width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/hasil-penilaian`);
    const xlsx = phone.getByRole('button', { name: 'Unduh semua nilai (XLSX)' });
    await xlsx.waitFor();
    await shoot(phone, 'score-exports-results-phone');
    const waiting = phone.waitForEvent('download');
    await xlsx.click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(await waiting)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe(code);
  }, 120_000);
});
