import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse } from '../src/contracts/dashboard.js';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { expandProposalList, type ProposalList } from '../src/contracts/proposal-list.js';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';
import { pdfPageCount, pdfText } from './helpers/pdf.js';

/*
 * Seven proposals of one competition across three institutions of different types and provinces, made
 * through the API at three server instants: the dashboard's counts, the organizer's list and its exports,
 * and the printable PDF are checked against them exactly.
 */

const T1 = new Date('2026-04-01T03:00:00.000Z'); // 1 April 10.00 WIB
const T2 = new Date('2026-04-01T18:30:00.000Z'); // 2 April 01.30 WIB: another day in the competition's zone
const T3 = new Date('2026-04-03T02:00:00.000Z'); // 3 April 09.00 WIB

const UMUM_SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];

describe('submission dashboard, organizer list and exports, proposal PDF', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const codes: Record<string, string> = {};

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: who ? { cookie: cookie[who] } : {},
      payload: payload as Record<string, unknown>,
    });

  const draft = async (who: string, name: string, title: string) => {
    const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(res.statusCode).toBe(201);
    const p: ProposalDetail = res.json();
    ids[name] = p.id;
    codes[name] = p.code;
    return p;
  };

  const complete = async (who: string, name: string, categoryKey: string, acronym: string) => {
    const p: ProposalDetail = (await call(who, 'GET', `/proposals/${ids[name]}`)).json();
    const res = await call(who, 'PATCH', `/proposals/${ids[name]}`, {
      version: p.version,
      acronym,
      categoryKey,
      implementationStart: '2022-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Inovasi',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@uji.go.id',
      links: [{ label: 'Video', url: 'https://video.example.id/inovasi' }],
      declarationAccepted: true,
      answers: UMUM_SECTIONS.map((sectionKey) => ({
        sectionKey,
        text: `Jawaban ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
      })),
    });
    expect(res.statusCode).toBe(200);
  };

  const send = async (who: string, name: string) => {
    // The supporting document the group requires (seed 003), when the test attached none.
    await uploadRequiredEvidence(ctx.app, cookie[who], ids[name]);
    expect((await call(who, 'POST', `/proposals/${ids[name]}/send`)).statusCode).toBe(200);
  };
  const forward = async (who: string, name: string) =>
    expect((await call(who, 'POST', `/proposals/${ids[name]}/forward`)).statusCode).toBe(200);

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(T1);
    const organizer = await makeInstitution(ctx.db, {
      type: 'kementerian',
      name: 'Kementerian PANRB Dasbor',
    });
    const otherOrganizer = await makeInstitution(ctx.db, { type: 'pemerintah_provinsi', regionCode: '35' });
    const a = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kabupaten Dasbor A',
      type: 'pemerintah_kabupaten',
      regionCode: '32.03',
    });
    const b = await makeInstitution(ctx.db, {
      name: 'Pemerintah Kota Dasbor B',
      type: 'pemerintah_kota',
      regionCode: '64.72',
    });
    const c = await makeInstitution(ctx.db, { name: 'PT Dasbor Nusantara (Persero)', type: 'bumn' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kependudukan A');
    const unitB = await makeUnit(ctx.db, b.id, 'Dinas Kesehatan B');
    const unitC = await makeUnit(ctx.db, c.id, 'Divisi Layanan C');
    const made = {
      secretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: organizer.id }),
      otherSecretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: otherOrganizer.id }),
      admin: await makeUser(ctx.db, { role: 'system_admin' }),
      uppA: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
      adminA: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id }),
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
      adminB: await makeUser(ctx.db, { role: 'local_admin', institutionId: b.id }),
      uppC: await makeUser(ctx.db, { role: 'upp', institutionId: c.id, unitId: unitC.id }),
      adminC: await makeUser(ctx.db, { role: 'local_admin', institutionId: c.id }),
    };
    // Sessions lapse after an idle while: each jump of the clock starts fresh ones.
    const at = async (instant: Date) => {
      ctx.clock.freeze(instant);
      for (const [k, u] of Object.entries(made)) cookie[k] = await sessionCookie(ctx, u.id);
    };
    await at(T1);
    const competition = await createFromTemplate(ctx.db, {
      template: 'kipp',
      year: 2026,
      organizer,
      createdBy: made.secretariat.id,
      ip: null,
      now: T1,
    });
    competitionId = competition.id;
    await setCompetitionStatus(ctx.db, {
      id: competitionId,
      to: 'published',
      actorUserId: made.secretariat.id,
      ip: null,
      now: T1,
    });

    // T1: six drafts.
    await draft('uppA', 'aDraft', 'Draf Kabupaten A');
    await draft('uppA', 'aSent', 'Antre di Admin Lokal A');
    await draft('uppA', 'aFwd1', 'Jemput Bola Adminduk');
    await draft('uppA', 'aFwd2', 'Layanan Cepat → Warga, “Zona ā”');
    await draft('uppB', 'bDraft', 'Draf Kota B');
    await draft('uppB', 'bFwd', 'Puskesmas Keliling Samarinda');
    for (const [who, name, category, acronym] of [
      ['uppA', 'aSent', 'tata_kelola_pemerintahan', 'ANTRE'],
      ['uppA', 'aFwd1', 'tata_kelola_pemerintahan', 'JEBOL'],
      ['uppA', 'aFwd2', 'inklusi_sosial', 'LACAK'],
      ['uppB', 'bFwd', 'kesehatan', 'PUSLING'],
    ])
      await complete(who, name, category, acronym);

    // T2 (the next day in WIB): the BUMN starts one, five are sent.
    await at(T2);
    await draft('uppC', 'cFwd', 'Layanan Satu Pintu BUMN');
    await complete('uppC', 'cFwd', 'pertumbuhan_ekonomi', '=SUM(A1)');
    for (const [who, name] of [
      ['uppA', 'aSent'],
      ['uppA', 'aFwd1'],
      ['uppA', 'aFwd2'],
      ['uppB', 'bFwd'],
      ['uppC', 'cFwd'],
    ])
      await send(who, name);

    // T3: four are forwarded to the organizer.
    await at(T3);
    await forward('adminA', 'aFwd1');
    await forward('adminA', 'aFwd2');
    await forward('adminB', 'bFwd');
    await forward('adminC', 'cFwd');

    // Evidence rows as the upload will store them (the upload API is another change).
    const file = await ctx.db
      .insertInto('files')
      .values({
        sha256: 'ab'.repeat(32),
        size: 1_234_567,
        mime: 'application/pdf',
        original_name: 'SK Inovasi Jemput Bola.pdf',
        storage_key: 'ab/ab',
        uploaded_by: made.uppA.id,
        created_at: T1.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('proposal_attachments')
      .values({
        proposal_id: ids.aFwd1,
        file_id: file.id,
        kind: 'evidence',
        section_id: null,
        uploaded_by: made.uppA.id,
        created_at: T1.toISOString(),
        updated_at: T1.toISOString(),
      })
      .execute();
  });
  afterAll(async () => ctx.close());

  describe('GET /competitions/:id/dashboard', () => {
    it('counts every proposal by state, group, category, participant type and province, and per day', async () => {
      const res = await call('secretariat', 'GET', `/competitions/${competitionId}/dashboard`);
      expect(res.statusCode).toBe(200);
      const d: DashboardResponse = res.json();
      expect(d.competition).toMatchObject({
        id: competitionId,
        code: 'KIPP',
        year: 2026,
        timeZone: 'Asia/Jakarta',
      });
      expect(d.submission).toEqual({
        opensAt: expect.any(String),
        closesAt: '2026-05-02T16:59:00.000Z',
        closedAt: null,
        extensions: 0,
      });
      expect(d.generatedAt).toBe(T3.toISOString());
      expect(d.totals).toEqual({ started: 7, withProposer: 2, withLocalAdmin: 1, submitted: 4, frozen: 0 });
      expect(d.byState.map((s) => [s.state, s.count])).toEqual([
        ['draft', 2],
        ['sent_to_local_admin', 1],
        ['returned', 0],
        ['forwarded', 4],
        ['withdrawn', 0],
        ['received', 0],
        ['frozen', 0],
        ['incomplete', 0],
        ['passed_admin', 0],
        ['disqualified', 0],
        ['finalist', 0],
      ]);
      expect(d.byGroup.map((g) => [g.key, g.started, g.submitted])).toEqual([
        ['umum', 7, 4],
        ['replikasi', 0, 0],
        ['khusus', 0, 0],
      ]);
      const cats = Object.fromEntries(d.byCategory.map((c) => [c.key, [c.started, c.submitted]]));
      expect(cats).toMatchObject({
        tata_kelola_pemerintahan: [2, 1],
        inklusi_sosial: [1, 1],
        kesehatan: [1, 1],
        pertumbuhan_ekonomi: [1, 1],
        belum_dipilih: [2, 0],
        pendidikan: [0, 0],
      });
      expect(d.byCategory.at(-1)).toEqual({
        key: 'belum_dipilih',
        label: { id: 'Belum memilih kategori', en: 'No category chosen yet' },
        started: 2,
        submitted: 0,
      });
      expect(d.byInstitutionType.map((x) => [x.key, x.started, x.submitted])).toEqual([
        ['kementerian', 0, 0],
        ['lembaga', 0, 0],
        ['pemerintah_provinsi', 0, 0],
        ['pemerintah_kabupaten', 4, 2],
        ['pemerintah_kota', 2, 1],
        ['bumn', 1, 1],
        ['bumd', 0, 0],
      ]);
      expect(d.byProvince).toEqual([
        { key: '32', label: { id: 'Jawa Barat', en: 'Jawa Barat' }, started: 4, submitted: 2 },
        { key: '64', label: { id: 'Kalimantan Timur', en: 'Kalimantan Timur' }, started: 2, submitted: 1 },
        {
          key: 'pusat',
          label: { id: 'Pusat / nasional', en: 'Central / national' },
          started: 1,
          submitted: 1,
        },
      ]);
      expect(d.perDay).toEqual([
        { date: '2026-04-01', started: 6, sent: 0, forwarded: 0 },
        { date: '2026-04-02', started: 1, sent: 5, forwarded: 0 },
        { date: '2026-04-03', started: 0, sent: 0, forwarded: 4 },
      ]);
      expect(d.abilities).toEqual({ viewList: true, export: true, extend: true });
    });

    it('is refused to a UPP, an admin lokal, another organizer and strangers', async () => {
      const url = `/competitions/${competitionId}/dashboard`;
      for (const [who, status, code] of [
        ['uppA', 403, 'forbidden.missingRole'],
        ['adminA', 403, 'forbidden.missingRole'],
        ['otherSecretariat', 403, 'forbidden.otherOrganizer'],
        [null, 401, 'unauthenticated'],
      ] as const) {
        const res = await call(who, 'GET', url);
        expect([who, res.statusCode, res.json().error.code]).toEqual([who, status, code]);
      }
      const missing = await call('secretariat', 'GET', '/competitions/999999/dashboard');
      expect(missing.statusCode).toBe(404);
    });

    it('is open to the system administrator, who may also extend the deadline', async () => {
      const d: DashboardResponse = (
        await call('admin', 'GET', `/competitions/${competitionId}/dashboard`)
      ).json();
      expect(d.totals.started).toBe(7);
      expect(d.abilities.extend).toBe(true);
    });
  });

  describe("the organizer's list (GET /proposals)", () => {
    const list = async (query: string, who = 'secretariat') => {
      const res = await call(who, 'GET', `/proposals?competitionId=${competitionId}&${query}`);
      expect(res.statusCode).toBe(200);
      return expandProposalList(res.json() as ProposalList);
    };

    it('shows only what reached the organizer, with type, province, category and attachment count', async () => {
      const l = await list('sort=code&dir=asc');
      expect(l.total).toBe(4);
      expect(l.pageSize).toBeNull();
      expect(l.items.map((p) => p.code)).toEqual([codes.aFwd1, codes.aFwd2, codes.bFwd, codes.cFwd]);
      expect(l.items[0]).toMatchObject({
        title: 'Jemput Bola Adminduk',
        institutionType: 'pemerintah_kabupaten',
        provinceCode: '32',
        category: { key: 'tata_kelola_pemerintahan', nameEn: 'Governance' },
        attachmentCount: 2, // the required one uploaded before send, and the row above
        timeZone: 'Asia/Jakarta',
        sentAt: T2.toISOString(),
        forwardedAt: T3.toISOString(),
        receivedAt: null,
      });
      expect(l.items[3]).toMatchObject({
        institutionType: 'bumn',
        provinceCode: 'pusat',
        attachmentCount: 1, // the required supporting document
      });
      // A draft is never listed for the organizer, even when asked for by state.
      expect((await list('state=draft')).total).toBe(0);
    });

    it('filters by type, province, category, group and text', async () => {
      const codesOf = async (q: string) => (await list(`sort=code&${q}`)).items.map((p) => p.code);
      expect(await codesOf('institutionType=pemerintah_kabupaten')).toEqual([codes.aFwd1, codes.aFwd2]);
      expect(await codesOf('provinceCode=64')).toEqual([codes.bFwd]);
      expect(await codesOf('provinceCode=pusat')).toEqual([codes.cFwd]);
      expect(await codesOf('categoryKey=inklusi_sosial')).toEqual([codes.aFwd2]);
      expect(await codesOf('groupKey=replikasi')).toEqual([]);
      expect(await codesOf('q=samarinda')).toEqual([codes.bFwd]);
      expect(await codesOf('q=pusling')).toEqual([codes.bFwd]);
      expect(await codesOf('q=dasbor%20nusantara')).toEqual([codes.cFwd]);
      expect(await codesOf(`q=${codes.aFwd2}`)).toEqual([codes.aFwd2]);
      expect(await codesOf('q=100%25')).toEqual([]);
    });

    it('pages and sorts', async () => {
      const p2 = await list('sort=code&dir=asc&page=2&pageSize=3');
      expect({ total: p2.total, page: p2.page, pageSize: p2.pageSize }).toEqual({
        total: 4,
        page: 2,
        pageSize: 3,
      });
      expect(p2.items.map((p) => p.code)).toEqual([codes.cFwd]);
      const byTitle = await list('sort=title&dir=desc');
      expect(byTitle.items.map((p) => p.title)).toEqual([
        'Puskesmas Keliling Samarinda',
        'Layanan Satu Pintu BUMN',
        'Layanan Cepat → Warga, “Zona ā”',
        'Jemput Bola Adminduk',
      ]);
      const bad = await call('secretariat', 'GET', '/proposals?sort=nonsense&provinceCode=3');
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().error.fields).sort()).toEqual(['provinceCode', 'sort']);
    });

    it('still gives an admin lokal its own institution in every state, drafts included', async () => {
      const l = await list('sort=code', 'adminA');
      expect(l.items.map((p) => p.code)).toEqual([codes.aDraft, codes.aSent, codes.aFwd1, codes.aFwd2]);
    });
  });

  describe('GET /competitions/:id/proposals/export', () => {
    const HEADERS_ID = [
      'Kode',
      'Judul',
      'Akronim',
      'Kelompok',
      'Kategori',
      'Instansi',
      'Jenis instansi',
      'Provinsi',
      'Unit',
      'Status',
      'Dikirim ke Admin Lokal',
      'Diteruskan ke penyelenggara',
      'Diterima',
      'Jumlah lampiran',
    ];

    it('writes CSV for Excel (BOM, quoting, formulas escaped) with the list filters', async () => {
      const res = await call(
        'secretariat',
        'GET',
        `/competitions/${competitionId}/proposals/export?format=csv&sort=code&dir=asc`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="sinovik-KIPP-2026-usulan-20260403-0200.csv"',
      );
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const parsed = Papa.parse<string[]>(res.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(HEADERS_ID);
      expect(rows.map((r) => r[0])).toEqual([codes.aFwd1, codes.aFwd2, codes.bFwd, codes.cFwd]);
      expect(rows[1]).toEqual([
        codes.aFwd2,
        'Layanan Cepat → Warga, “Zona ā”',
        'LACAK',
        'Umum',
        'Inklusi Sosial',
        'Pemerintah Kabupaten Dasbor A',
        'Pemerintah Kabupaten',
        'Jawa Barat',
        'Dinas Kependudukan A',
        'Diteruskan ke penyelenggara',
        '2026-04-02 01:30 WIB',
        '2026-04-03 09:00 WIB',
        '',
        '1',
      ]);
      // The comma in the title was quoted; the acronym typed as a formula is neutralised.
      expect(res.body).toContain('"Layanan Cepat → Warga, “Zona ā”"');
      expect(rows[3][2]).toBe("'=SUM(A1)");

      const filtered = await call(
        'secretariat',
        'GET',
        `/competitions/${competitionId}/proposals/export?format=csv&provinceCode=64&lang=en`,
      );
      const [enHeader, ...enRows] = Papa.parse<string[]>(filtered.body.replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      }).data;
      expect(enHeader.slice(0, 3)).toEqual(['Code', 'Title', 'Acronym']);
      expect(enRows).toEqual([
        [
          codes.bFwd,
          'Puskesmas Keliling Samarinda',
          'PUSLING',
          'General',
          'Health',
          'Pemerintah Kota Dasbor B',
          'Pemerintah Kota',
          'Kalimantan Timur',
          'Dinas Kesehatan B',
          'Forwarded to the organizer',
          '2026-04-02 01:30 WIB',
          '2026-04-03 09:00 WIB',
          '',
          '1',
        ],
      ]);
    });

    it('writes XLSX with a frozen header, widths and the same cells', async () => {
      const res = await call(
        'secretariat',
        'GET',
        `/competitions/${competitionId}/proposals/export?format=xlsx&sort=code&dir=asc`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet.name).toBe('KIPP 2026');
      expect(sheet.rowCount).toBe(5);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS_ID);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(2).width).toBe(48);
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
        codes.aFwd1,
        'Jemput Bola Adminduk',
        'JEBOL',
        'Umum',
        'Tata Kelola Pemerintahan',
        'Pemerintah Kabupaten Dasbor A',
        'Pemerintah Kabupaten',
        'Jawa Barat',
        'Dinas Kependudukan A',
        'Diteruskan ke penyelenggara',
        '2026-04-02 01:30 WIB',
        '2026-04-03 09:00 WIB',
        undefined, // an empty cell
        2,
      ]);
      // A formula-like text stays text in a spreadsheet cell.
      expect(sheet.getRow(5).getCell(3).value).toBe('=SUM(A1)');
    });

    it('is refused to an admin lokal and another organizer, and checks its format', async () => {
      const url = `/competitions/${competitionId}/proposals/export?format=csv`;
      expect((await call('adminA', 'GET', url)).statusCode).toBe(403);
      expect((await call('otherSecretariat', 'GET', url)).statusCode).toBe(403);
      const bad = await call(
        'secretariat',
        'GET',
        `/competitions/${competitionId}/proposals/export?format=pdf`,
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.format.message.en).toBe('File format: csv or xlsx.');
    });
  });

  describe('GET /proposals/:id/pdf', () => {
    it('prints identity, instants with zone, sections, evidence with size and sha256, and page numbers', async () => {
      const res = await call('uppA', 'GET', `/proposals/${ids.aFwd1}/pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="${codes.aFwd1}.pdf"`);
      const pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdfPageCount(pdf);
      expect(pages).toBeGreaterThan(0);
      const text = pdfText(pdf);
      expect(text).toContain('Jemput Bola Adminduk');
      expect(text).toContain(`Kode proposal`);
      expect(text).toContain(codes.aFwd1);
      expect(text).toContain('Identitas proposal');
      expect(text).toContain(' / Proposal identity');
      expect(text).toContain('Pemerintah Kabupaten Dasbor A');
      expect(text).toContain('Tata Kelola Pemerintahan / Governance');
      expect(text).toContain('10 Januari 2022 / 10 January 2022');
      expect(text).toContain('3 April 2026 09.00 WIB / 3 April 2026 09:00 WIB');
      expect(text).toContain('1. Ringkasan');
      expect(text).toContain('Jumlah kata / Words: 9 / 200');
      expect(text).toContain('SK Inovasi Jemput Bola.pdf');
      expect(text).toContain('1.234.567 B (1,2 MB)');
      expect(text).toContain(`SHA-256: ${'ab'.repeat(32)}`);
      expect(text).toContain(`Halaman 1 dari ${pages} / Page 1 of ${pages}`);
    });

    it('maps characters the standard fonts lack instead of printing wrong glyphs', async () => {
      const res = await call('secretariat', 'GET', `/proposals/${ids.aFwd2}/pdf`);
      expect(res.statusCode).toBe(200);
      expect(pdfText(res.rawPayload)).toContain('Layanan Cepat -> Warga, “Zona a”');
    });

    it('is 404 for whoever may not see the proposal', async () => {
      for (const [who, name] of [
        ['uppB', 'aFwd1'],
        ['adminB', 'aFwd1'],
        ['otherSecretariat', 'aFwd1'],
        ['secretariat', 'aDraft'],
        ['secretariat', 'aSent'],
      ]) {
        const res = await call(who, 'GET', `/proposals/${ids[name]}/pdf`);
        expect([who, name, res.statusCode]).toEqual([who, name, 404]);
      }
      expect((await call('adminA', 'GET', `/proposals/${ids.aSent}/pdf`)).statusCode).toBe(200);
    });
  });
});
