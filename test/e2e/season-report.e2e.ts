import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalStateValue } from '../../src/db/schema.js';
import { makeInstitution, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import {
  awardRow,
  evaluationResult,
  insertProposal,
  kippOf,
  move,
  ownerOf,
  participants,
  publishedFinalSelection,
} from '../helpers/season-report.js';
import { logIn, openProfiles, pick, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 13 point 7 in Chromium: the organizer's secretariat opens the season report, reads the funnel,
 * switches the breakdown, limits the report to a province, downloads the XLSX (read back) and opens the
 * years' comparison; on a desktop and a phone (390 px), in Bahasa Indonesia and once in English; axe-core on
 * every screen. Screenshots: test-results/screenshots/season-report-*.png.
 */
const NOW = new Date('2026-09-01T03:00:00.000Z');

describe('the season report in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let secEmail = '';

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
    const { ctx } = server;
    const { db } = ctx;
    ctx.clock.freeze(NOW);
    const organizer = await makeInstitution(db, {
      type: 'kementerian',
      name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    });
    const sec = await makeUser(db, {
      role: 'secretariat',
      institutionId: organizer.id,
      email: 'sekretariat.laporan@menpan.go.id',
      name: 'Sekretariat KIPP',
    });
    secEmail = sec.email;
    const org = await db
      .selectFrom('institutions')
      .selectAll()
      .where('id', '=', organizer.id)
      .executeTakeFirstOrThrow();
    competitionId = await kippOf(db, org, 2026, sec.id, NOW);
    const c2025 = await kippOf(db, org, 2025, sec.id, NOW);
    const p = await participants(db, '');
    const jatim = await makeInstitution(db, {
      type: 'pemerintah_kota',
      name: 'Pemerintah Kota Surabaya',
      regionCode: '35.78',
    });
    const people = [p.banyumas, p.semarang, p.bogor, p.ministry, p.jateng, jatim, p.bumd];
    const owners = await Promise.all(people.map((i) => ownerOf(db, i.id)));
    const categories = ['kesehatan', 'pendidikan', 'pengentasan_kemiskinan', 'ketahanan_pangan'];
    // A season: each institution's proposals spread over the steps, deterministic.
    const ladder: ProposalStateValue[] = [
      'draft',
      'frozen',
      'received',
      'received',
      'received',
      'received',
      'received',
    ];
    const finalists: number[] = [];
    let n = 0;
    for (const [k, inst] of people.entries())
      for (let j = 0; j < 7 + k * 2; j++) {
        const step = (j + k) % ladder.length;
        const state = ladder[step]!;
        const row = await insertProposal(db, {
          competitionId,
          institution: inst,
          state,
          groupKey: n % 9 === 0 ? 'replikasi' : 'umum',
          categoryKey: categories[n % categories.length]!,
          now: NOW,
          owner: owners[k]!,
        });
        n++;
        if (step === 2) await move(db, row.id, 'disqualify', 'disqualified', sec.id, NOW);
        if (step >= 4) await move(db, row.id, 'passAdmin', 'passed_admin', sec.id, NOW);
        if (step >= 5)
          await evaluationResult(db, {
            competitionId,
            proposalId: row.id,
            outcome: 'advanced',
            by: sec.id,
            now: NOW,
          });
        if (step === 4)
          await evaluationResult(db, {
            competitionId,
            proposalId: row.id,
            outcome: 'stopped',
            by: sec.id,
            now: NOW,
          });
        if (step === 6) {
          await move(db, row.id, 'shortlist', 'finalist', sec.id, NOW);
          finalists.push(row.id);
          await awardRow(db, {
            level: 'TOP99',
            year: 2026,
            competitionId,
            proposalId: row.id,
            institutionId: inst.id,
            now: NOW,
          });
          if (finalists.length % 2 === 1)
            await awardRow(db, {
              level: 'TOP45',
              year: 2026,
              competitionId,
              proposalId: row.id,
              institutionId: inst.id,
              now: NOW,
            });
        }
      }
    await publishedFinalSelection(db, { competitionId, proposalIds: finalists, by: sec.id, now: NOW });
    for (const [k, inst] of people.entries())
      for (let j = 0; j < 4 + k; j++)
        await insertProposal(db, {
          competitionId: c2025,
          institution: inst,
          state: (['draft', 'received', 'passed_admin'] as const)[j % 3]!,
          now: NOW,
          owner: owners[k]!,
        });
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const page = async (viewport?: { width: number; height: number }): Promise<Page> => {
    const pg = await profiles.newPage(viewport);
    await logIn(pg, server.baseUrl, secEmail, TEST_PASSWORD);
    return pg;
  };
  const funnelCounts = async (pg: Page) =>
    (await pg.getByTestId('funnel-table').locator('tbody tr td:first-of-type').allInnerTexts()).map((s) =>
      Number(s.replace(/\./g, '')),
    );

  it('the secretariat reads the funnel, switches the breakdown, limits it to a province and downloads the XLSX', async () => {
    const desk = await page();
    await desk.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/seleksi`);
    await desk.getByRole('link', { name: /Laporan musim/ }).click();
    await desk.getByRole('heading', { name: 'Laporan musim kompetisi', level: 1 }).waitFor();
    const counts = await funnelCounts(desk);
    expect(counts).toHaveLength(6);
    expect(counts[0]).toBe(91);
    for (let i = 1; i < 6; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts[5]).toBeGreaterThan(0);
    await shoot(desk, 'season-report-desktop');

    // The breakdown by province: its chart's table names the provinces.
    await desk.getByText('Provinsi', { exact: true }).click();
    await desk.getByRole('heading', { name: 'Rincian per Provinsi' }).waitFor();
    const table = desk.getByTestId('breakdown-table');
    await expect.poll(() => table.innerText()).toContain('Jawa Tengah');
    expect(await table.innerText()).toContain('Pusat / nasional');
    expect(desk.url()).toContain('rincian=region');
    await shoot(desk, 'season-report-province');

    // Limited to Jawa Tengah: the regencies and cities of the province.
    await pick(desk, 'Batasi pada provinsi', 'Jawa Tengah');
    await desk.getByRole('heading', { name: 'Rincian per Kabupaten/Kota' }).waitFor();
    await expect.poll(() => table.innerText()).toContain('Kabupaten Banyumas');
    expect(await table.innerText()).toContain('Jawa Tengah (tingkat provinsi)');
    expect(await table.innerText()).not.toContain('Bogor');
    await shoot(desk, 'season-report-jateng');

    const waiting = desk.waitForEvent('download');
    await desk.getByRole('button', { name: 'Unduh XLSX' }).click();
    const file = await waiting;
    expect(file.suggestedFilename()).toBe('sinovik-laporan-KIPP-2026-33.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Corong',
      'Kategori',
      'Kelompok',
      'Jenis peserta',
      'Wilayah',
      'Antar tahun',
    ]);
    const shown = await funnelCounts(desk);
    expect(wb.getWorksheet('Corong')!.getRow(2).getCell(2).value).toBe(shown[0]);
    expect(wb.getWorksheet('Antar tahun')!.getRow(2).getCell(1).value).toBe(2025);
    expect(wb.getWorksheet('Antar tahun')!.getRow(3).getCell(1).value).toBe(2026);

    // The years side by side.
    await desk.getByRole('tab', { name: 'Antar tahun' }).click();
    const years = desk.getByTestId('years-table');
    await years.waitFor();
    expect(await years.innerText()).toMatch(/2025[\s\S]*2026/);
    await shoot(desk, 'season-report-years');
  }, 180_000);

  it('reads on a phone (390 px) and in English', async () => {
    const phone = await page({ width: 390, height: 844 });
    await phone.goto(
      `${server.baseUrl}/sekretariat/kompetisi/${competitionId}/laporan?rincian=participantType`,
    );
    await phone.getByRole('heading', { name: 'Rincian per Jenis peserta' }).waitFor();
    expect(await phone.getByTestId('breakdown-table').innerText()).toContain('Pemerintah Kabupaten');
    await shoot(phone, 'season-report-phone');
    await phone.getByRole('tab', { name: 'Antar tahun' }).click();
    await phone.getByTestId('years-table').waitFor();
    await shoot(phone, 'season-report-phone-years');

    const desk = await page();
    await desk.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/laporan`);
    await desk.getByRole('heading', { name: 'Laporan musim kompetisi', level: 1 }).waitFor();
    await desk.getByText('EN', { exact: true }).click();
    await desk.getByRole('heading', { name: 'Season report', level: 1 }).waitFor();
    await desk.getByRole('button', { name: 'Download XLSX' }).waitFor();
    await shoot(desk, 'season-report-en');
  }, 120_000);
});
