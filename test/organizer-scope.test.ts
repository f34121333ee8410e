import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie, countRows } from './helpers/fixtures.js';

/*
 * Organizer scope (issue 9, item 2), reproduced as the holes were found: two organizers on one
 * installation (a ministry running the national KIPP, a province running its own), the province's
 * secretariat trying what only the owners of the installation's reference data may do, and every list it
 * reads. The system administrator and the data steward (Pengelola Data Referensi) are the allowed paths.
 */

const T1 = new Date('2026-04-01T03:00:00.000Z');

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

/** A minimal one-page PDF (the request letter). */
function minimalPdf(): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  let body = '%PDF-1.4\n% Surat Permohonan\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(Buffer.byteLength(body));
    body += o;
  }
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The public admin lokal request form as a browser sends it. */
function requestForm(fields: Record<string, string>) {
  const boundary = `----sinovik${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="letter"; filename="surat.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    minimalPdf(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A one-row CSV upload. */
function csvUpload(text: string) {
  const boundary = `----sinovik${crypto.randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="data.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('organizer scope: a secretariat acts only for its own competitions and their participants', () => {
  let ctx: TestContext;
  const cookie: Record<string, string> = {};
  const inst: Record<string, { id: number; name: string }> = {};
  const unit: Record<string, number> = {};
  const proposal: Record<string, number> = {};
  let national: number;
  let regional: number;
  let nationalDraft: number;
  let ipCounter = 0;

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  const call = (who: string | null, method: Method, url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: who ? { cookie: cookie[who] } : {},
      payload: payload as Record<string, unknown>,
    });
  const upload = (who: string, url: string, body: { payload: Buffer; headers: Record<string, string> }) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api${url}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: cookie[who] },
    });
  const submitRequest = (institutionId: number, email: string, name: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/admin-requests',
      remoteAddress: `10.9.0.${++ipCounter}`,
      ...requestForm({
        institutionId: String(institutionId),
        name,
        position: 'Kepala Bagian Organisasi',
        email,
        phone: '081234567890',
        letterNumber: '800/1/Org',
        locale: 'id',
      }),
    });
  const ids = (res: { json: () => { items: { id: number }[] } }) => res.json().items.map((i) => i.id);
  const countOf = (table: 'institutions' | 'awards' | 'users') => countRows(ctx.db, table);

  /** A complete umum proposal of `who`'s unit, sent and forwarded by `admin`: it reaches the organizer. */
  const forwarded = async (who: string, admin: string, competitionId: number, title: string) => {
    const created = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(created.statusCode).toBe(201);
    const p: ProposalDetail = created.json();
    // The supporting document the group requires (seed 003), uploaded with the draft.
    await uploadRequiredEvidence(ctx.app, cookie[who], p.id);
    const saved = await call(who, 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'UJI',
      categoryKey: 'tata_kelola_pemerintahan',
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
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call(who, 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    const fwd = await call(admin, 'POST', `/proposals/${p.id}/forward`);
    expect(fwd.statusCode, fwd.body).toBe(200);
    return p.id;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(T1);
    inst.national = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian PANRB Lingkup' });
    inst.kaltim = await makeInstitution(ctx.db, {
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Kalimantan Timur Lingkup',
      regionCode: '64',
    });
    inst.ministry = await makeInstitution(ctx.db, {
      type: 'kementerian',
      name: 'Kementerian Lingkup Contoh',
    });
    inst.regency = await makeInstitution(ctx.db, {
      type: 'pemerintah_kabupaten',
      name: 'Pemerintah Kabupaten Kutai Lingkup',
      regionCode: '64.02',
    });
    inst.drafting = await makeInstitution(ctx.db, {
      type: 'pemerintah_kota',
      name: 'Pemerintah Kota Bontang Lingkup',
      regionCode: '64.74',
    });
    inst.invited = await makeInstitution(ctx.db, {
      type: 'pemerintah_kota',
      name: 'Pemerintah Kota Balikpapan Lingkup',
      regionCode: '64.71',
    });
    unit.ministry = (await makeUnit(ctx.db, inst.ministry.id, 'Direktorat Layanan Lingkup')).id;
    unit.regency = (await makeUnit(ctx.db, inst.regency.id, 'Dinas Kesehatan Kutai')).id;
    unit.drafting = (await makeUnit(ctx.db, inst.drafting.id, 'Dinas Dukcapil Bontang')).id;
    unit.invited = (await makeUnit(ctx.db, inst.invited.id, 'Dinas Perizinan Balikpapan')).id;

    const users = {
      secNational: await makeUser(ctx.db, { role: 'secretariat', institutionId: inst.national.id }),
      secKaltim: await makeUser(ctx.db, {
        role: 'secretariat',
        institutionId: inst.kaltim.id,
        email: 'sekretariat.kaltim@uji.go.id',
      }),
      steward: await makeUser(ctx.db, { role: 'data_steward', email: 'pengelola.data@uji.go.id' }),
      admin: await makeUser(ctx.db, { role: 'system_admin', email: 'admin.sistem@uji.go.id' }),
      uppMinistry: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: inst.ministry.id,
        unitId: unit.ministry,
      }),
      adminMinistry: await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.ministry.id }),
      uppRegency: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: inst.regency.id,
        unitId: unit.regency,
      }),
      adminRegency: await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.regency.id }),
      uppDrafting: await makeUser(ctx.db, {
        role: 'upp',
        institutionId: inst.drafting.id,
        unitId: unit.drafting,
      }),
    };
    for (const [who, user] of Object.entries(users)) cookie[who] = await sessionCookie(ctx, user.id);

    const competition = async (organizer: { id: number; name: string }, code: string, year: number) =>
      (
        await createFromTemplate(ctx.db, {
          template: 'kipp',
          code,
          year,
          organizer: (await ctx.db
            .selectFrom('institutions')
            .selectAll()
            .where('id', '=', organizer.id)
            .executeTakeFirstOrThrow())!,
          createdBy: users.admin.id,
          ip: null,
          now: T1,
        })
      ).id;
    national = await competition(inst.national, 'KIPP', 2026);
    regional = await competition(inst.kaltim, 'KIPP-KALTIM', 2026);
    nationalDraft = await competition(inst.national, 'KIPP', 2027);
    for (const id of [national, regional])
      await setCompetitionStatus(ctx.db, {
        id,
        to: 'published',
        actorUserId: users.admin.id,
        ip: null,
        now: T1,
      });

    proposal.ministry = await forwarded(
      'uppMinistry',
      'adminMinistry',
      national,
      'Layanan Kementerian Terpadu',
    );
    proposal.regency = await forwarded('uppRegency', 'adminRegency', regional, 'Puskesmas Keliling Kutai');
    const draft = await call('uppDrafting', 'POST', `/competitions/${regional}/proposals`, {
      groupKey: 'umum',
      title: 'Draf Bontang',
    });
    expect(draft.statusCode).toBe(201);
    proposal.drafting = draft.json().id;
  });
  afterAll(async () => ctx?.close());

  describe('the institution registry belongs to the system administrator and the data steward', () => {
    it('refuses the Kaltim secretariat editing a ministry, its own province, adding or importing (403)', async () => {
      const before = await ctx.db
        .selectFrom('institutions')
        .selectAll()
        .where('id', '=', inst.ministry.id)
        .executeTakeFirstOrThrow();
      const edit = await call('secKaltim', 'PATCH', `/institutions/${inst.ministry.id}`, {
        name: 'Kementerian Diambil Alih',
      });
      expect(edit.statusCode).toBe(403);
      expect(edit.json().error.code).toBe('forbidden.missingRole');
      const own = await call('secKaltim', 'PATCH', `/institutions/${inst.kaltim.id}`, {
        shortName: 'Kaltim',
      });
      expect(own.statusCode).toBe(403);
      const institutions = await countOf('institutions');
      const add = await call('secKaltim', 'POST', '/institutions', {
        type: 'kementerian',
        name: 'Kementerian Baru Buatan Kaltim',
      });
      expect(add.statusCode).toBe(403);
      const imported = await upload(
        'secKaltim',
        '/institutions/import',
        csvUpload('type,name,short_name,region_code,parent_region_code\nkementerian,Kementerian Impor,,,\n'),
      );
      expect(imported.statusCode).toBe(403);
      expect(await countOf('institutions')).toBe(institutions);
      expect(
        await ctx.db
          .selectFrom('institutions')
          .selectAll()
          .where('id', '=', inst.ministry.id)
          .executeTakeFirstOrThrow(),
      ).toEqual(before);
    });

    it('still lets every secretariat read the registry (public reference data), read-only', async () => {
      const list = await call('secKaltim', 'GET', '/institutions?q=Lingkup&pageSize=50');
      expect(list.statusCode).toBe(200);
      expect(list.json().abilities).toEqual({ manage: false });
      expect(list.json().items.map((i: { name: string }) => i.name)).toContain(inst.ministry.name);
      const one = await call('secKaltim', 'GET', `/institutions/${inst.ministry.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().abilities).toMatchObject({ manage: false, viewUnits: false, manageUnits: false });
    });

    it('lets the data steward and the system administrator edit an institution, audited as theirs', async () => {
      const steward = await call('steward', 'PATCH', `/institutions/${inst.ministry.id}`, {
        shortName: 'KLC',
      });
      expect(steward.statusCode, steward.body).toBe(200);
      expect(steward.json()).toMatchObject({
        institution: { shortName: 'KLC' },
        abilities: { manage: true },
      });
      const admin = await call('admin', 'POST', '/institutions', {
        type: 'kementerian',
        name: 'Kementerian Tambahan Lingkup',
      });
      expect(admin.statusCode, admin.body).toBe(201);
      const audits = await ctx.db
        .selectFrom('audit_events')
        .innerJoin('users', 'users.id', 'audit_events.actor_user_id')
        .select(['audit_events.action', 'users.email'])
        .where('audit_events.action', 'in', ['institution.updated', 'institution.created'])
        .orderBy('audit_events.id')
        .execute();
      expect(audits).toEqual([
        { action: 'institution.updated', email: 'pengelola.data@uji.go.id' },
        { action: 'institution.created', email: 'admin.sistem@uji.go.id' },
      ]);
    });
  });

  describe('the award registry decides eligibility everywhere: only its owners write it', () => {
    const award = {
      year: 2024,
      level: 'TOP45',
      innovationTitle: 'Layanan Kaltim Terbaik',
      institutionName: 'Pemerintah Provinsi Kalimantan Timur',
      sourceUrl: 'https://kaltimprov.go.id/berita/1',
    };

    it('refuses the Kaltim secretariat adding, editing, deleting or importing award rows (403)', async () => {
      const awards = await countOf('awards');
      const add = await call('secKaltim', 'POST', '/awards', award);
      expect(add.statusCode).toBe(403);
      expect(add.json().error.code).toBe('forbidden.missingRole');
      const imported = await upload(
        'secKaltim',
        '/awards/import',
        csvUpload('year,level,innovation,institution,source\n2024,TOP45,Impor Kaltim,Pemprov Kaltim,\n'),
      );
      expect(imported.statusCode).toBe(403);
      expect(await countOf('awards')).toBe(awards);

      const created = await call('steward', 'POST', '/awards', {
        ...award,
        innovationTitle: 'Milik Registri',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().award.id;
      expect((await call('secKaltim', 'PATCH', `/awards/${id}`, { level: 'TOP99' })).statusCode).toBe(403);
      expect((await call('secKaltim', 'DELETE', `/awards/${id}`)).statusCode).toBe(403);
      expect(
        await ctx.db.selectFrom('awards').select('level').where('id', '=', id).executeTakeFirstOrThrow(),
      ).toEqual({ level: 'TOP45' });
    });

    it('reads the registry (to check a replikasi source) but is not offered to manage it', async () => {
      const list = await call('secKaltim', 'GET', '/awards');
      expect(list.statusCode).toBe(200);
      expect(list.json().abilities).toEqual({ manage: false });
    });

    it('lets the data steward and the system administrator add, edit and delete', async () => {
      const created = await call('admin', 'POST', '/awards', award);
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().award.id;
      expect((await call('steward', 'PATCH', `/awards/${id}`, { level: 'TOP99' })).statusCode).toBe(200);
      expect((await call('steward', 'DELETE', `/awards/${id}`)).statusCode).toBe(204);
    });
  });

  describe('admin lokal account requests belong to the reviewers of the installation', () => {
    it('refuses the Kaltim secretariat approving its own request for a ministry, so the ministry stays closed', async () => {
      // The provincial secretariat asks, under a second address, to become the ministry's admin lokal.
      const submitted = await submitRequest(inst.ministry.id, 'hendra.pribadi@uji.go.id', 'Hendra Saputra');
      // The public answer names no request (it is the same whether or not the address has an account).
      expect(submitted.statusCode, submitted.body).toBe(202);
      const id = (
        await ctx.db
          .selectFrom('admin_requests')
          .select('id')
          .where('email', '=', 'hendra.pribadi@uji.go.id')
          .executeTakeFirstOrThrow()
      ).id;
      for (const [method, url] of [
        ['GET', '/admin-requests'],
        ['GET', `/admin-requests/${id}`],
        ['GET', `/admin-requests/${id}/letter`],
        ['POST', `/admin-requests/${id}/approve`],
      ] as const) {
        const res = await call('secKaltim', method, url);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden.missingRole');
      }
      const rejected = await call('secKaltim', 'POST', `/admin-requests/${id}/reject`, {
        reason: 'Ditolak oleh sekretariat provinsi.',
      });
      expect(rejected.statusCode).toBe(403);
      expect(
        await ctx.db
          .selectFrom('admin_requests')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: 'pending' });
      expect(
        await ctx.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'hendra.pribadi@uji.go.id')
          .executeTakeFirst(),
      ).toBeUndefined();
      // And so the ministry's proposal stays out of its reach: not readable, not forwardable, not listed.
      expect((await call('secKaltim', 'GET', `/proposals/${proposal.ministry}`)).statusCode).toBe(404);
      expect((await call('secKaltim', 'POST', `/proposals/${proposal.ministry}/withdraw`)).statusCode).toBe(
        404,
      );
      expect((await call('secKaltim', 'POST', `/proposals/${proposal.ministry}/forward`)).statusCode).toBe(
        404,
      );
      expect((await call('secKaltim', 'GET', `/proposals/${proposal.ministry}/pdf`)).statusCode).toBe(404);

      // The system administrator decides it.
      const decided = await call('admin', 'POST', `/admin-requests/${id}/reject`, {
        reason: 'Pemohon bukan pegawai kementerian ini.',
      });
      expect(decided.statusCode, decided.body).toBe(200);
    });

    it('announces a new request to the system administrators and data stewards, not to the secretariats', async () => {
      const submitted = await submitRequest(inst.invited.id, 'rahmat@balikpapan.go.id', 'Rahmat Hidayat');
      expect(submitted.statusCode, submitted.body).toBe(202);
      const told = await ctx.db
        .selectFrom('outbox')
        .select('to_address')
        .where('template', '=', 'admin_request_new')
        .where('to_address', 'in', [
          'pengelola.data@uji.go.id',
          'admin.sistem@uji.go.id',
          'sekretariat.kaltim@uji.go.id',
        ])
        .orderBy('to_address')
        .execute();
      expect(told.map((r) => r.to_address)).toEqual([
        'admin.sistem@uji.go.id',
        'admin.sistem@uji.go.id',
        'pengelola.data@uji.go.id',
        'pengelola.data@uji.go.id',
      ]);
      const notified = await ctx.db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select('u.email')
        .distinct()
        .where('n.kind', '=', 'admin_request_new')
        .orderBy('u.email')
        .execute();
      expect(notified.map((r) => r.email)).toEqual(['admin.sistem@uji.go.id', 'pengelola.data@uji.go.id']);
    });

    it('lets the data steward list, read and approve a request', async () => {
      const list = await call('steward', 'GET', '/admin-requests?status=pending');
      expect(list.statusCode).toBe(200);
      const request = list.json().items.find((r: { email: string }) => r.email === 'rahmat@balikpapan.go.id');
      expect(request.abilities).toEqual({ approve: true, reject: true });
      const letter = await call('steward', 'GET', `/admin-requests/${request.id}/letter`);
      expect(letter.statusCode).toBe(200);
      const approved = await call('steward', 'POST', `/admin-requests/${request.id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().status).toBe('approved');
      const grant = await ctx.db
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select(['g.role', 'g.institution_id'])
        .where('u.email', '=', 'rahmat@balikpapan.go.id')
        .executeTakeFirstOrThrow();
      expect(grant).toEqual({ role: 'local_admin', institution_id: inst.invited.id });
    });
  });

  describe('lists and rows of another organizer', () => {
    it("lists none of the national competition's proposals to the Kaltim secretariat", async () => {
      const all = await call('secKaltim', 'GET', '/proposals');
      expect(all.statusCode).toBe(200);
      expect(ids(all)).toEqual([proposal.regency]);
      const other = await call('secKaltim', 'GET', `/proposals?competitionId=${national}`);
      expect(ids(other)).toEqual([]);
      const nationalList = await call('secNational', 'GET', '/proposals');
      expect(ids(nationalList)).toEqual([proposal.ministry]);
    });

    it('hides the national draft competition, its dashboard, export and invitations from the Kaltim secretariat', async () => {
      const list = await call('secKaltim', 'GET', '/competitions');
      expect(ids(list).sort()).toEqual([national, regional].sort());
      const own = await call('secNational', 'GET', '/competitions');
      expect(ids(own).sort()).toEqual([national, regional, nationalDraft].sort());
      expect((await call('secKaltim', 'GET', `/competitions/${nationalDraft}`)).statusCode).toBe(404);
      expect((await call('secKaltim', 'GET', `/competitions/${nationalDraft}/dashboard`)).statusCode).toBe(
        404,
      );
      const dashboard = await call('secKaltim', 'GET', `/competitions/${national}/dashboard`);
      expect(dashboard.statusCode).toBe(403);
      expect(dashboard.json().error.code).toBe('forbidden.otherOrganizer');
      const exported = await call(
        'secKaltim',
        'GET',
        `/competitions/${national}/proposals/export?format=csv`,
      );
      expect(exported.statusCode).toBe(403);
      expect((await call('secKaltim', 'GET', `/competitions/${national}/invitations`)).statusCode).toBe(404);
      const extend = await call('secKaltim', 'POST', `/competitions/${national}/extend-submission`, {
        closesAt: '2026-12-31T16:59:00.000Z',
        letterNumber: 'B/1/2026',
        reasonId: 'Perpanjangan oleh provinsi.',
      });
      expect(extend.statusCode).toBe(403);
      expect(extend.json().error.code).toBe('forbidden.otherOrganizer');
    });

    it('shows the Kaltim secretariat the units of its participants only', async () => {
      // A ministry that takes part only in the national competition: not Kaltim's business.
      const ministry = await call('secKaltim', 'GET', `/institutions/${inst.ministry.id}/units`);
      expect(ministry.statusCode).toBe(403);
      expect(ministry.json().error.code).toBe('forbidden.notParticipant');
      // A regency whose proposal reached Kaltim's competition.
      const regency = await call('secKaltim', 'GET', `/institutions/${inst.regency.id}/units`);
      expect(regency.statusCode).toBe(200);
      expect(ids(regency)).toEqual([unit.regency]);
      expect(regency.json().abilities).toEqual({ manage: false });
      expect(
        (await call('secKaltim', 'GET', `/institutions/${inst.regency.id}`)).json().abilities,
      ).toMatchObject({
        viewUnits: true,
        manageUnits: false,
      });
      // A city with only a draft: nothing has reached the organizer yet.
      expect((await call('secKaltim', 'GET', `/institutions/${inst.drafting.id}/units`)).statusCode).toBe(
        403,
      );
      // The national secretariat sees the ministry's units, not the regency's.
      expect((await call('secNational', 'GET', `/institutions/${inst.ministry.id}/units`)).statusCode).toBe(
        200,
      );
      expect((await call('secNational', 'GET', `/institutions/${inst.regency.id}/units`)).statusCode).toBe(
        403,
      );
    });

    it('answers 404 to a unit edit outside the scope, 403 to one it may see but not change', async () => {
      const hidden = await call('secKaltim', 'PATCH', `/units/${unit.ministry}`, { name: 'Diambil Alih' });
      expect(hidden.statusCode).toBe(404);
      const visible = await call('secKaltim', 'PATCH', `/units/${unit.regency}`, { name: 'Diubah Provinsi' });
      expect(visible.statusCode).toBe(403);
      expect(
        await ctx.db
          .selectFrom('units')
          .select('name')
          .where('id', 'in', [unit.ministry, unit.regency])
          .orderBy('id')
          .execute(),
      ).toEqual([{ name: 'Direktorat Layanan Lingkup' }, { name: 'Dinas Kesehatan Kutai' }]);
    });

    it('counts a standing khusus invitation as taking part, and a revoked one no longer', async () => {
      expect((await call('secKaltim', 'GET', `/institutions/${inst.invited.id}/units`)).statusCode).toBe(403);
      const invited = await call('secKaltim', 'POST', `/competitions/${regional}/invitations`, {
        groupKey: 'khusus',
        institutionId: inst.invited.id,
        letterNumber: '005/12/Org',
      });
      expect(invited.statusCode, invited.body).toBe(201);
      expect((await call('secKaltim', 'GET', `/institutions/${inst.invited.id}/units`)).statusCode).toBe(200);
      // The national secretariat has no business with Kaltim's invitee.
      expect((await call('secNational', 'GET', `/institutions/${inst.invited.id}/units`)).statusCode).toBe(
        403,
      );
      const revoked = await call(
        'secKaltim',
        'POST',
        `/competitions/${regional}/invitations/${invited.json().items[0].id}/revoke`,
      );
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect((await call('secKaltim', 'GET', `/institutions/${inst.invited.id}/units`)).statusCode).toBe(403);
    });

    it('gives the data steward the reference data and nothing of a competition', async () => {
      expect((await call('steward', 'GET', `/institutions/${inst.ministry.id}/units`)).statusCode).toBe(403);
      expect((await call('steward', 'GET', `/competitions/${national}/dashboard`)).statusCode).toBe(403);
      expect((await call('steward', 'GET', `/proposals/${proposal.ministry}`)).statusCode).toBe(404);
      expect((await call('steward', 'GET', '/proposals')).statusCode).toBe(403);
      expect((await call('admin', 'GET', `/institutions/${inst.ministry.id}/units`)).statusCode).toBe(200);
    });
  });

  describe('abilities the web app reflects', () => {
    it('offers the Kaltim secretariat the registry read-only, without awards or request review', async () => {
      const me = (await call('secKaltim', 'GET', '/auth/me')).json().user.abilities;
      expect(me).toMatchObject({
        manageInstitutions: false,
        manageAwards: false,
        reviewAdminRequests: false,
        viewInstitutions: true,
        createCompetition: true,
        organizerInstitutionIds: [inst.kaltim.id],
      });
    });

    it('offers the data steward the registries and the requests, and no competition', async () => {
      const me = (await call('steward', 'GET', '/auth/me')).json().user.abilities;
      expect(me).toMatchObject({
        manageInstitutions: true,
        manageAwards: true,
        reviewAdminRequests: true,
        viewInstitutions: true,
        createCompetition: false,
        viewProposals: false,
        viewSubmissionDashboard: false,
      });
    });

    it('offers a proposer neither', async () => {
      const me = (await call('uppRegency', 'GET', '/auth/me')).json().user.abilities;
      expect(me).toMatchObject({ manageInstitutions: false, viewInstitutions: false });
    });
  });
});
