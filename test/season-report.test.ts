import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNNEL_STEPS, REPORT_BREAKDOWNS, type FunnelCounts } from '../src/contracts/season-report.js';
import { CompiledQuery } from 'kysely';
import { funnelRowsQuery } from '../src/modules/season-report/queries.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { TEST_DIALECT } from './helpers/db.js';
import { lastAudit, makeInstitution, makeUser, sessionCookie } from './helpers/fixtures.js';
import {
  awardRow,
  evaluationResult,
  insertProposal,
  kippOf,
  move,
  participants,
  publishedFinalSelection,
} from './helpers/season-report.js';
import { afterAll } from 'vitest';

/*
 * The season report (issue 13 point 7) through the API, on a fixture with a proposal left at every step:
 * a draft, a frozen one, one disqualified at administration, one still incomplete, one stopped at
 * evaluation 1, one nominated, a finalist removed by an upheld objection, a Top 99 finalist, a Top Terpuji
 * (award rows with the competition's id), a BUMD passed, and one that passed and was disqualified later.
 */

const counts = (c: Partial<FunnelCounts>): FunnelCounts => ({
  registered: 0,
  forwarded: 0,
  passedAdmin: 0,
  nominated: 0,
  finalist: 0,
  topTerpuji: 0,
  ...c,
});
type Slice = { key: string; label: { id: string; en: string }; counts: FunnelCounts };
type Who = 'sec' | 'provSec' | 'adminLokal' | 'upp' | 'evaluator' | 'panelist' | 'sysadmin';

describe('the season report', () => {
  let ctx: TestContext;
  const s = {} as {
    national: number;
    national2025: number;
    national2027: number;
    provincial: number;
    tag: string;
    cookies: Record<Who, string>;
  };
  const get = (url: string, who?: Who) =>
    ctx.app.inject({ method: 'GET', url, headers: who ? { cookie: s.cookies[who] } : {} });
  const report = (id: number, who: Who = 'sec', query = '') =>
    get(`/api/competitions/${id}/season-report${query}`, who);

  beforeAll(async () => {
    ctx = await createTestApp();
    const { db } = ctx;
    const now = ctx.clock.now();
    s.tag = `L${process.pid}`;
    const organizer = await makeInstitution(db, {
      type: 'kementerian',
      name: `Kementerian PANRB Laporan ${s.tag}`,
    });
    const sec = await makeUser(db, { role: 'secretariat', institutionId: organizer.id });
    const p = await participants(db, s.tag);
    const provSec = await makeUser(db, { role: 'secretariat', institutionId: p.jateng.id });
    const org = await db
      .selectFrom('institutions')
      .selectAll()
      .where('id', '=', organizer.id)
      .executeTakeFirstOrThrow();
    s.national = await kippOf(db, org, 2026, sec.id, now);
    s.national2025 = await kippOf(db, org, 2025, sec.id, now);
    s.national2027 = await kippOf(db, org, 2027, sec.id, now, false);
    s.provincial = await kippOf(db, p.jateng, 2026, provSec.id, now);

    const c = s.national;
    const ins = (
      institution: { id: number },
      state: Parameters<typeof insertProposal>[1]['state'],
      groupKey = 'umum',
      categoryKey: string | null = 'kesehatan',
    ) => insertProposal(db, { competitionId: c, institution, state, groupKey, categoryKey, now });
    const by = sec.id;
    const pass = async (id: number) => move(db, id, 'passAdmin', 'passed_admin', by, now);
    const advanced = (id: number, outcome: 'advanced' | 'stopped' = 'advanced') =>
      evaluationResult(db, { competitionId: c, proposalId: id, outcome, by, now });

    await ins(p.banyumas, 'draft'); // P1: registered only
    await ins(p.semarang, 'frozen', 'umum', 'pendidikan'); // P2: never reached the organizer
    const p3 = await ins(p.bogor, 'received'); // P3: disqualified at administration
    await move(db, p3.id, 'disqualify', 'disqualified', by, now);
    await ins(p.ministry, 'incomplete', 'replikasi'); // P4: still to be completed
    const p5 = await ins(p.jateng, 'received', 'umum', 'pendidikan'); // P5: stopped at evaluation 1
    await pass(p5.id);
    await advanced(p5.id, 'stopped');
    const p6 = await ins(p.banyumas, 'received'); // P6: nominated, not a finalist
    await pass(p6.id);
    await advanced(p6.id);
    const p7 = await ins(p.semarang, 'received', 'umum', 'pendidikan'); // P7: removed by an upheld objection
    await pass(p7.id);
    await advanced(p7.id);
    await move(db, p7.id, 'shortlist', 'finalist', by, now);
    await move(db, p7.id, 'unshortlist', 'passed_admin', by, now);
    const p8 = await ins(p.semarang, 'received'); // P8: finalist (Top 99)
    await pass(p8.id);
    await advanced(p8.id);
    await move(db, p8.id, 'shortlist', 'finalist', by, now);
    const p9 = await ins(p.ministry, 'received'); // P9: Top Terpuji
    await pass(p9.id);
    await advanced(p9.id);
    await move(db, p9.id, 'shortlist', 'finalist', by, now);
    // The provisional selection had P7 too: its line stays selected, the upheld objection took it off.
    await publishedFinalSelection(db, { competitionId: c, proposalIds: [p7.id, p8.id, p9.id], by, now });
    const p10 = await ins(p.bumd, 'received', 'khusus', null); // P10: a BUMD (province by its owner) passed
    await pass(p10.id);
    const p11 = await ins(p.bogor, 'received'); // P11: passed, then disqualified by a later step
    await pass(p11.id);
    await db.updateTable('proposals').set({ state: 'disqualified' }).where('id', '=', p11.id).execute();
    await awardRow(db, {
      level: 'TOP99',
      year: 2026,
      competitionId: c,
      proposalId: p8.id,
      institutionId: p.semarang.id,
      now,
    });
    await awardRow(db, {
      level: 'TOP99',
      year: 2026,
      competitionId: c,
      proposalId: p9.id,
      institutionId: p.ministry.id,
      now,
    });
    await awardRow(db, {
      level: 'TOP45',
      year: 2026,
      competitionId: c,
      proposalId: p9.id,
      institutionId: p.ministry.id,
      now,
    });
    // An imported row (no competition) of a participant counts nowhere in this season.
    await awardRow(db, {
      level: 'TOP45',
      year: 2024,
      competitionId: null,
      proposalId: null,
      institutionId: p.semarang.id,
      now,
    });

    // 2025: a draft, one received, one passed (Semarang).
    const ins25 = (institution: { id: number }, state: Parameters<typeof insertProposal>[1]['state']) =>
      insertProposal(db, { competitionId: s.national2025, institution, state, now });
    await ins25(p.banyumas, 'draft');
    await ins25(p.bogor, 'received');
    await ins25(p.semarang, 'passed_admin');
    // 2027 (a draft competition) has a proposal that must not appear in the years.
    await insertProposal(db, { competitionId: s.national2027, institution: p.bogor, state: 'draft', now });

    // The province's own KIPP: Banyumas passed, Semarang a draft, the province's own office received.
    const insP = (institution: { id: number }, state: Parameters<typeof insertProposal>[1]['state']) =>
      insertProposal(db, { competitionId: s.provincial, institution, state, now });
    await insP(p.banyumas, 'passed_admin');
    await insP(p.semarang, 'draft');
    await insP(p.jateng, 'received');

    const unit = await db
      .selectFrom('units')
      .select('id')
      .where('institution_id', '=', p.banyumas.id)
      .executeTakeFirstOrThrow();
    const users: Record<Exclude<Who, 'sec' | 'provSec'>, number> = {
      adminLokal: (await makeUser(db, { role: 'local_admin', institutionId: p.banyumas.id })).id,
      upp: (await makeUser(db, { role: 'upp', institutionId: p.banyumas.id, unitId: unit.id })).id,
      evaluator: (await makeUser(db, { role: 'evaluator', competitionId: c })).id,
      panelist: (await makeUser(db, { role: 'panelist', competitionId: c })).id,
      sysadmin: (await makeUser(db, { role: 'system_admin' })).id,
    };
    s.cookies = {
      sec: await sessionCookie(ctx, sec.id),
      provSec: await sessionCookie(ctx, provSec.id),
    } as Record<Who, string>;
    for (const [k, id] of Object.entries(users)) s.cookies[k as Who] = await sessionCookie(ctx, id);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('counts the funnel exactly, each step including those that moved on, with conversion rates', async () => {
    const res = await report(s.national);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.funnel.map((f: { key: string; count: number }) => [f.key, f.count])).toEqual([
      ['registered', 11],
      ['forwarded', 9],
      ['passedAdmin', 7],
      ['nominated', 4],
      ['finalist', 2],
      ['topTerpuji', 1],
    ]);
    expect(body.funnel[0]).toMatchObject({
      label: { id: 'Terdaftar', en: 'Registered' },
      ofPrevious: null,
      ofRegistered: 1,
    });
    expect(body.funnel[1].ofPrevious).toBeCloseTo(9 / 11, 10);
    expect(body.funnel[4].ofPrevious).toBeCloseTo(2 / 4, 10);
    expect(body.funnel[5].ofRegistered).toBeCloseTo(1 / 11, 10);
    expect(body.finalListPublished).toBe(true);
    expect(body.scope).toMatchObject({ province: null, regionLevel: 'province' });
    expect(body.abilities).toEqual({ downloadXlsx: true, filterProvince: true });
    expect(body.scope.provinces.map((x: { code: string }) => x.code).sort()).toEqual(['32', '33']);
  });

  it('breaks the funnel down by group, participant type and region, each breakdown summing to the totals', async () => {
    const body = (await report(s.national)).json();
    const total = Object.fromEntries(
      body.funnel.map((f: { key: string; count: number }) => [f.key, f.count]),
    );
    for (const b of REPORT_BREAKDOWNS) {
      const sum = counts({});
      for (const slice of body.breakdowns[b] as Slice[])
        for (const k of FUNNEL_STEPS) sum[k] += slice.counts[k];
      expect(sum, b).toEqual(total);
    }
    const by = (b: string) =>
      Object.fromEntries((body.breakdowns[b] as Slice[]).map((x) => [x.key, x.counts]));
    expect(by('group')).toEqual({
      umum: counts({ registered: 9, forwarded: 7, passedAdmin: 6, nominated: 4, finalist: 2, topTerpuji: 1 }),
      replikasi: counts({ registered: 1, forwarded: 1 }),
      khusus: counts({ registered: 1, forwarded: 1, passedAdmin: 1 }),
    });
    expect(by('participantType')).toEqual({
      kementerian: counts({
        registered: 2,
        forwarded: 2,
        passedAdmin: 1,
        nominated: 1,
        finalist: 1,
        topTerpuji: 1,
      }),
      pemerintah_provinsi: counts({ registered: 1, forwarded: 1, passedAdmin: 1 }),
      pemerintah_kabupaten: counts({ registered: 4, forwarded: 3, passedAdmin: 2, nominated: 1 }),
      pemerintah_kota: counts({ registered: 3, forwarded: 2, passedAdmin: 2, nominated: 2, finalist: 1 }),
      bumd: counts({ registered: 1, forwarded: 1, passedAdmin: 1 }),
    });
    expect(by('region')).toEqual({
      '33': counts({ registered: 7, forwarded: 5, passedAdmin: 5, nominated: 3, finalist: 1 }),
      '32': counts({ registered: 2, forwarded: 2, passedAdmin: 1 }),
      pusat: counts({
        registered: 2,
        forwarded: 2,
        passedAdmin: 1,
        nominated: 1,
        finalist: 1,
        topTerpuji: 1,
      }),
    });
    const region = body.breakdowns.region as Slice[];
    expect(region[0]!.label).toEqual({ id: 'Jawa Tengah', en: 'Jawa Tengah' });
    expect(region.find((x) => x.key === 'pusat')!.label.id).toBe('Pusat / nasional');
    const category = Object.fromEntries((body.breakdowns.category as Slice[]).map((x) => [x.key, x]));
    expect(category.kesehatan!.label.id).toBe('Kesehatan');
    expect(category.kesehatan!.counts.registered).toBe(7);
    expect(category.pendidikan!.counts).toEqual(
      counts({ registered: 3, forwarded: 2, passedAdmin: 2, nominated: 1 }),
    );
    expect(category.belum_dipilih!.counts.registered).toBe(1);
  });

  it("KemenPAN-RB's secretariat filters its national competition by province: the regencies of that province", async () => {
    const body = (await report(s.national, 'sec', '?provinsi=33')).json();
    expect(body.scope).toMatchObject({
      province: { code: '33', label: { id: 'Jawa Tengah' } },
      regionLevel: 'regency',
    });
    expect(body.funnel.map((f: { count: number }) => f.count)).toEqual([7, 5, 5, 3, 1, 0]);
    const region = Object.fromEntries((body.breakdowns.region as Slice[]).map((x) => [x.key, x]));
    expect(Object.keys(region).sort()).toEqual(['33', '33.02', '33.74']);
    expect(region['33.02']!.counts).toEqual(
      counts({ registered: 2, forwarded: 1, passedAdmin: 1, nominated: 1 }),
    );
    expect(region['33.74']!.counts).toEqual(
      counts({ registered: 3, forwarded: 2, passedAdmin: 2, nominated: 2, finalist: 1 }),
    );
    expect(region['33']!.counts).toEqual(counts({ registered: 2, forwarded: 2, passedAdmin: 2 }));
    expect(region['33.02']!.label.id).toBe(`Kabupaten Banyumas ${s.tag}`);
    expect(region['33']!.label.id).toBe('Jawa Tengah (tingkat provinsi)');
    const bad = await report(s.national, 'sec', '?provinsi=3x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.provinsi.message).toEqual({
      id: 'Kode provinsi ditulis dua angka, misalnya 33.',
      en: 'A province code is two digits, e.g. 33.',
    });
  });

  it("a provincial secretariat sees its own competition broken down by the province's regencies and cities", async () => {
    const res = await report(s.provincial, 'provSec');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scope).toMatchObject({ province: null, regionLevel: 'regency', provinces: [] });
    expect(body.abilities.filterProvince).toBe(false);
    expect(body.funnel.map((f: { count: number }) => f.count)).toEqual([3, 2, 1, 0, 0, 0]);
    const region = Object.fromEntries((body.breakdowns.region as Slice[]).map((x) => [x.key, x.counts]));
    expect(region).toEqual({
      '33.02': counts({ registered: 1, forwarded: 1, passedAdmin: 1 }),
      '33.74': counts({ registered: 1 }),
      '33': counts({ registered: 1, forwarded: 1 }),
    });
  });

  it("compares the organizer's competitions year by year (drafts left out), also within one province", async () => {
    const res = await get(`/api/competitions/${s.national}/season-report/years`, 'sec');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    type Year = { id: number; year: number; funnel: { count: number; ofPrevious: number | null }[] };
    const years = body.competitions as Year[];
    expect(years.map((y) => [y.id, y.year])).toEqual([
      [s.national2025, 2025],
      [s.national, 2026],
    ]);
    expect(years[0]!.funnel.map((f) => f.count)).toEqual([3, 2, 1, 0, 0, 0]);
    expect(years[1]!.funnel.map((f) => f.count)).toEqual([11, 9, 7, 4, 2, 1]);
    expect(years[0]!.funnel[1]!.ofPrevious).toBeCloseTo(2 / 3, 10);
    const jateng = (
      await get(`/api/competitions/${s.national}/season-report/years?provinsi=33`, 'sec')
    ).json();
    expect(jateng.province.code).toBe('33');
    expect((jateng.competitions as Year[]).map((y) => y.funnel.map((f) => f.count))).toEqual([
      [2, 1, 1, 0, 0, 0],
      [7, 5, 5, 3, 1, 0],
    ]);
    // The province's years are its own competitions only.
    const prov = (await get(`/api/competitions/${s.provincial}/season-report/years`, 'provSec')).json();
    expect((prov.competitions as Year[]).map((y) => y.id)).toEqual([s.provincial]);
  });

  it('downloads the XLSX: the funnel, one sheet per breakdown and the years, read back with exceljs', async () => {
    const res = await get(`/api/competitions/${s.national}/season-report.xlsx`, 'sec');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('sinovik-laporan-KIPP-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Corong',
      'Kategori',
      'Kelompok',
      'Jenis peserta',
      'Wilayah',
      'Antar tahun',
    ]);
    const values = (name: string, row: number) =>
      (wb.getWorksheet(name)!.getRow(row).values as unknown[]).slice(1);
    expect(values('Corong', 1)).toEqual(['Tahap', 'Jumlah', '% dari tahap sebelumnya', '% dari terdaftar']);
    expect(values('Corong', 2)).toEqual(['Terdaftar', 11, undefined, 100]);
    expect(values('Corong', 3)).toEqual(['Diajukan ke penyelenggara', 9, 81.8, 81.8]);
    expect(values('Corong', 7)).toEqual(['Top Inovasi Terpuji', 1, 50, 9.1]);
    expect(values('Kelompok', 1)[0]).toBe('Kelompok');
    const groupRows = [2, 3, 4].map((r) => values('Kelompok', r));
    expect(groupRows.find((r) => r[0] === 'Umum')).toEqual(['Umum', 9, 7, 6, 4, 2, 1]);
    const region = [2, 3, 4].map((r) => values('Wilayah', r));
    expect(region[0]).toEqual(['Jawa Tengah', 7, 5, 5, 3, 1, 0]);
    expect(values('Antar tahun', 2).slice(0, 8)).toEqual([2025, expect.any(String), 3, 2, 1, 0, 0, 0]);
    expect(values('Antar tahun', 3).slice(0, 9)).toEqual([2026, expect.any(String), 11, 9, 7, 4, 2, 1, 81.8]);
    expect(await lastAudit(ctx.db)).toMatchObject({
      action: 'season_report.exported',
      entity_id: String(s.national),
    });
    const en = await get(`/api/competitions/${s.national}/season-report.xlsx?lang=en&provinsi=33`, 'sec');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((w) => w.name)).toEqual([
      'Funnel',
      'Category',
      'Group',
      'Participant type',
      'Region',
      'Across years',
    ]);
    expect((wbEn.getWorksheet('Funnel')!.getRow(2).values as unknown[]).slice(1, 3)).toEqual([
      'Registered',
      7,
    ]);
  });

  it('refuses another organizer (404), other roles (403) and the anonymous (401); the system administrator reads all', async () => {
    const paths = (id: number) => [
      `/api/competitions/${id}/season-report`,
      `/api/competitions/${id}/season-report/years`,
      `/api/competitions/${id}/season-report.xlsx`,
    ];
    for (const url of paths(s.national)) {
      expect((await get(url, 'provSec')).statusCode, url).toBe(404);
      for (const who of ['adminLokal', 'upp', 'evaluator', 'panelist'] as const)
        expect((await get(url, who)).statusCode, `${who} ${url}`).toBe(403);
      expect((await get(url)).statusCode, url).toBe(401);
      expect((await get(url, 'sysadmin')).statusCode, url).toBe(200);
    }
    for (const url of paths(s.provincial)) expect((await get(url, 'sec')).statusCode, url).toBe(404);
    expect((await get('/api/competitions/999999/season-report', 'sec')).statusCode).toBe(404);
  });

  it('counts in one pass: no correlated subquery per proposal, the revisions read through their action index', async () => {
    const compiled = funnelRowsQuery(ctx.db, {
      competitionIds: [s.national],
      province: null,
      regionLevel: 'province',
    }).compile();
    const explain = TEST_DIALECT === 'sqlite' ? 'explain query plan' : 'explain';
    const plan = (
      await ctx.db.executeQuery(CompiledQuery.raw(`${explain} ${compiled.sql}`, [...compiled.parameters]))
    ).rows
      .map((r) => String((r as Record<string, unknown>)[TEST_DIALECT === 'sqlite' ? 'detail' : 'QUERY PLAN']))
      .join('\n');
    // Correlated EXISTS on the revisions were 5.4 s on PostgreSQL at 30,000 proposals (bench season-report).
    expect(plan).not.toMatch(/CORRELATED|SubPlan/);
    if (TEST_DIALECT === 'sqlite') {
      expect(plan).toContain('proposals_scope');
      expect(plan).toContain('proposal_revisions_action');
    }
  });
});
