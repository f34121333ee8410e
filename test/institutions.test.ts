import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRegionsAndAgencies } from '../src/seed/reference.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { multipartForm } from './helpers/multipart.js';
import { makeInstitution, makeUser, sessionCookie, countRows, lastAudit } from './helpers/fixtures.js';

/** A multipart/form-data body with one file, as a browser sends it. */
function upload(content: string | Buffer, opts: { field?: string; filename?: string } = {}) {
  const file = {
    field: opts.field ?? 'file',
    name: opts.filename ?? 'instansi.csv',
    content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
  };
  const { payload, headers } = multipartForm({}, [{ ...file, type: 'text/csv' }]);
  return { payload, headers };
}

describe('institutions API', () => {
  let ctx: TestContext;
  let secretariat: string;
  let steward: string;
  let sysadmin: string;
  let localAdmin: string;

  const count = () => countRows(ctx.db, 'institutions');
  const newestAudit = () => lastAudit(ctx.db);

  beforeAll(async () => {
    ctx = await createTestApp();
    await seedRegionsAndAgencies(ctx.db);
    const kemenpan = await ctx.db
      .selectFrom('institutions')
      .select('id')
      .where('short_name', '=', 'KemenPAN-RB')
      .executeTakeFirstOrThrow();
    secretariat = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'secretariat', institutionId: kemenpan.id })).id,
    );
    steward = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'data_steward' })).id);
    sysadmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
    const inst = await makeInstitution(ctx.db);
    localAdmin = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id })).id,
    );
  });
  afterAll(async () => ctx.close());

  describe('list and search (public)', () => {
    it('finds by every word in the name or short name, case-insensitively, sorted by name', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/institutions?q=KAB%20tangerang' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.map((i: { name: string }) => i.name)).toEqual([
        'Pemerintah Kabupaten Tangerang',
        'Perumda Air Minum Tirta Kerta Raharja Kabupaten Tangerang',
      ]);
      expect(body.items[0]).toEqual({
        id: expect.any(Number),
        type: 'pemerintah_kabupaten',
        name: 'Pemerintah Kabupaten Tangerang',
        shortName: 'Pemkab Tangerang',
        regionCode: '36.03',
        parentId: expect.any(Number),
        parentName: 'Pemerintah Provinsi Banten',
      });
      expect(body).toMatchObject({ total: 2, page: 1, pageSize: 50, abilities: { manage: false } });

      const short = await ctx.app.inject({ method: 'GET', url: '/api/institutions?q=kemenpan-rb' });
      expect(short.json().items.map((i: { shortName: string }) => i.shortName)).toEqual(['KemenPAN-RB']);
    });

    it('takes LIKE wildcards in the search literally', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/institutions?q=%25' });
      expect(res.json().total).toBe(0);
    });

    it('filters by type and pages', async () => {
      const page1 = await ctx.app.inject({
        method: 'GET',
        url: '/api/institutions?type=pemerintah_provinsi&pageSize=10',
      });
      expect(page1.json()).toMatchObject({ total: 38, page: 1, pageSize: 10 });
      expect(page1.json().items).toHaveLength(10);
      const page4 = await ctx.app.inject({
        method: 'GET',
        url: '/api/institutions?type=pemerintah_provinsi&pageSize=10&page=4',
      });
      expect(page4.json().items).toHaveLength(8);
      const all = [...page1.json().items, ...page4.json().items];
      expect(all.every((i: { type: string }) => i.type === 'pemerintah_provinsi')).toBe(true);
    });

    it('refuses a page size above 200 and an unknown type', async () => {
      const big = await ctx.app.inject({ method: 'GET', url: '/api/institutions?pageSize=201' });
      expect(big.statusCode).toBe(400);
      expect(big.json().error.fields.pageSize.code).toBe('too_big');
      const type = await ctx.app.inject({ method: 'GET', url: '/api/institutions?type=dinas' });
      expect(type.statusCode).toBe(400);
      expect(type.json().error.fields.type).toBeDefined();
    });

    it('tells the data steward and the system administrator they may manage institutions, a secretariat not', async () => {
      for (const [cookie, manage] of [
        [steward, true],
        [sysadmin, true],
        [secretariat, false],
      ] as const) {
        const res = await ctx.app.inject({
          method: 'GET',
          url: '/api/institutions?q=banten',
          headers: { cookie },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().abilities).toEqual({ manage });
      }
    });

    it('shows one institution and answers 404 for an unknown id', async () => {
      const list = await ctx.app.inject({ method: 'GET', url: '/api/institutions?q=kota%20surabaya' });
      const id = list.json().items[0].id;
      const res = await ctx.app.inject({ method: 'GET', url: `/api/institutions/${id}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        institution: { name: 'Pemerintah Kota Surabaya', regionCode: '35.78' },
        abilities: {
          manage: false,
          viewUnits: false,
          manageUnits: false,
          viewUsers: false,
          createUpp: false,
        },
      });
      const missing = await ctx.app.inject({ method: 'GET', url: '/api/institutions/999999' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('not_found');
    });
  });

  describe('create and edit', () => {
    let createdId: number;

    it('lets the data steward add an institution, audited', async () => {
      const parent = (
        await ctx.app.inject({ method: 'GET', url: '/api/institutions?q=provinsi%20kalimantan%20timur' })
      ).json().items[0];
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { cookie: steward },
        payload: {
          type: 'bumd',
          name: '  Perumda  Uji Kaltim ',
          shortName: 'PUK',
          parentId: parent.id,
        },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.institution).toEqual({
        id: expect.any(Number),
        type: 'bumd',
        name: 'Perumda Uji Kaltim',
        shortName: 'PUK',
        regionCode: null,
        parentId: parent.id,
        parentName: 'Pemerintah Provinsi Kalimantan Timur',
      });
      createdId = body.institution.id;
      const audit = await newestAudit();
      expect(audit).toMatchObject({
        action: 'institution.created',
        entity_type: 'institution',
        entity_id: String(createdId),
      });
      expect(JSON.parse(audit.summary)).toEqual({
        after: {
          type: 'bumd',
          name: 'Perumda Uji Kaltim',
          shortName: 'PUK',
          regionCode: null,
          parentId: parent.id,
        },
      });
    });

    it('refuses a name already used, whatever its case (409 institution_name_taken)', async () => {
      const before = await count();
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { cookie: sysadmin },
        payload: { type: 'pemerintah_kabupaten', name: 'pemerintah kabupaten TANGERANG' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'institution_name_taken',
        fields: { name: { code: 'institution_name_taken' } },
      });
      expect(await count()).toBe(before);
    });

    it('refuses a region code its type already uses (409 region_code_taken)', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { cookie: steward },
        payload: { type: 'pemerintah_kabupaten', name: 'Pemerintah Kabupaten Kembar', regionCode: '36.03' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'region_code_taken',
        fields: { regionCode: { code: 'region_code_taken' } },
      });
    });

    it('refuses an unknown parent and a malformed region code', async () => {
      const parent = await ctx.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { cookie: steward },
        payload: { type: 'bumd', name: 'Perumda Yatim', parentId: 999999 },
      });
      expect(parent.statusCode).toBe(400);
      expect(parent.json().error.fields.parentId.code).toBe('parent_not_found');
      const code = await ctx.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { cookie: steward },
        payload: { type: 'pemerintah_kota', name: 'Pemerintah Kota Salah Kode', regionCode: '3603' },
      });
      expect(code.statusCode).toBe(400);
      expect(code.json().error.fields.regionCode.message.en).toBe(
        'A region code is written like 64 or 36.03.',
      );
    });

    it('refuses a secretariat and an admin lokal (403) and a visitor (401)', async () => {
      const payload = { type: 'lembaga', name: 'Badan Tak Berwenang' };
      const organizer = await ctx.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { cookie: secretariat },
        payload,
      });
      expect(organizer.statusCode).toBe(403);
      expect(organizer.json().error.code).toBe('forbidden.missingRole');
      const admin = await ctx.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { cookie: localAdmin },
        payload,
      });
      expect(admin.statusCode).toBe(403);
      expect(admin.json().error.code).toBe('forbidden.missingRole');
      const anon = await ctx.app.inject({ method: 'POST', url: '/api/institutions', payload });
      expect(anon.statusCode).toBe(401);
    });

    it('edits and audits only the fields that changed', async () => {
      const res = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/institutions/${createdId}`,
        headers: { cookie: steward },
        payload: { name: 'Perumda Uji Kalimantan Timur', shortName: 'PUK' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().institution).toMatchObject({
        name: 'Perumda Uji Kalimantan Timur',
        shortName: 'PUK',
      });
      const audit = await newestAudit();
      expect(audit.action).toBe('institution.updated');
      expect(JSON.parse(audit.summary)).toEqual({
        before: { name: 'Perumda Uji Kaltim' },
        after: { name: 'Perumda Uji Kalimantan Timur' },
      });
    });

    it('refuses an edit to a taken name, to itself as parent, and of an unknown institution', async () => {
      const taken = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/institutions/${createdId}`,
        headers: { cookie: steward },
        payload: { name: 'Pemerintah Kota Surabaya' },
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('institution_name_taken');
      const self = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/institutions/${createdId}`,
        headers: { cookie: steward },
        payload: { parentId: createdId },
      });
      expect(self.statusCode).toBe(400);
      expect(self.json().error.fields.parentId.code).toBe('parent_cycle');
      const missing = await ctx.app.inject({
        method: 'PATCH',
        url: '/api/institutions/999999',
        headers: { cookie: steward },
        payload: { name: 'Apa Saja' },
      });
      expect(missing.statusCode).toBe(404);
      const admin = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/institutions/${createdId}`,
        headers: { cookie: localAdmin },
        payload: { name: 'Diubah Admin Lokal' },
      });
      expect(admin.statusCode).toBe(403);
    });
  });

  describe('CSV import', () => {
    const importUrl = '/api/institutions/import';

    it('reports every bad row with its number and field, and imports nothing', async () => {
      const before = await count();
      const csv = [
        'type,name,short_name,region_code,parent_region_code',
        'lembaga,Badan Impor Baik,BIB,,',
        'dinas,Dinas Tak Dikenal,,,',
        'bumn,,,,',
        'lembaga,badan impor baik,,,',
        'pemerintah_kabupaten,Pemerintah Kabupaten Tangerang,,,',
        'pemerintah_kota,Pemerintah Kota Kembar,,35.78,35',
        'bumd,Perumda Tanpa Induk,,,99.99',
      ].join('\r\n');
      const file = upload(csv);
      const res = await ctx.app.inject({
        method: 'POST',
        url: importUrl,
        headers: { cookie: steward, ...file.headers },
        payload: file.payload,
      });
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('import_failed');
      expect(error.fields).toEqual({});
      expect(error.message.en).toBe(
        '6 row(s) have problems; nothing was imported. Correct the rows listed and upload again.',
      );
      expect(
        error.rows.map((r: { row: number; field: string; code: string }) => [r.row, r.field, r.code]),
      ).toEqual([
        [3, 'type', 'unknown_type'],
        [4, 'name', 'required'],
        [5, 'name', 'duplicate_in_file'],
        [6, 'name', 'institution_name_taken'],
        [7, 'region_code', 'region_code_taken'],
        [8, 'parent_region_code', 'unknown_parent'],
      ]);
      expect(error.rows[0].message.id).toMatch(/^Jenis "dinas" tidak dikenal/);
      expect(await count()).toBe(before);
    });

    it('checks only on a dry run', async () => {
      const before = await count();
      const file = upload('type;name\nlembaga;Badan Coba Kering\n');
      const res = await ctx.app.inject({
        method: 'POST',
        url: `${importUrl}?dryRun=1`,
        headers: { cookie: steward, ...file.headers },
        payload: file.payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ created: 0, valid: 1, dryRun: true });
      expect(await count()).toBe(before);
    });

    it('imports a good semicolon file in one go, parents in the file and stored ones resolved, audited', async () => {
      const before = await count();
      const csv = [
        '\uFEFFtype;name;short_name;region_code;parent_region_code',
        'bumd;Perumda Kota Baru Sejahtera;PKBS;;97.71',
        'pemerintah_provinsi;Pemerintah Provinsi Baru;;97;',
        'pemerintah_kota;Pemerintah Kota Baru;Pemkot Baru;97.71;97',
        'Lembaga;"Badan Impor; Dengan Titik Koma";;;',
        'bumd;Perumda Banten Baru;;;36',
      ].join('\n');
      const file = upload(csv);
      const res = await ctx.app.inject({
        method: 'POST',
        url: importUrl,
        headers: { cookie: sysadmin, ...file.headers },
        payload: file.payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ created: 5, valid: 5, dryRun: false });
      expect(await count()).toBe(before + 5);

      const get = async (name: string) =>
        (await ctx.app.inject({ method: 'GET', url: `/api/institutions?q=${encodeURIComponent(name)}` }))
          .json()
          .items.find((i: { name: string }) => i.name === name);
      expect(await get('Perumda Kota Baru Sejahtera')).toMatchObject({
        type: 'bumd',
        shortName: 'PKBS',
        parentName: 'Pemerintah Kota Baru',
      });
      expect(await get('Pemerintah Kota Baru')).toMatchObject({
        regionCode: '97.71',
        parentName: 'Pemerintah Provinsi Baru',
      });
      expect(await get('Badan Impor; Dengan Titik Koma')).toMatchObject({ type: 'lembaga' });
      expect(await get('Perumda Banten Baru')).toMatchObject({ parentName: 'Pemerintah Provinsi Banten' });

      const audit = await newestAudit();
      expect(audit.action).toBe('institution.imported');
      expect(JSON.parse(audit.summary)).toEqual({ count: 5, fileName: 'instansi.csv' });
    });

    it('refuses a request without a file, a file that is not UTF-8 and a file over 2 MB', async () => {
      const none = await ctx.app.inject({
        method: 'POST',
        url: importUrl,
        headers: { cookie: steward },
        payload: {},
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('file_required');

      const latin1 = upload(
        Buffer.from([0x74, 0x79, 0x70, 0x65, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0x0a]),
      );
      const bad = await ctx.app.inject({
        method: 'POST',
        url: importUrl,
        headers: { cookie: steward, ...latin1.headers },
        payload: latin1.payload,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.file.code).toBe('csv_not_utf8');

      const big = upload(`type,name\n${'lembaga,Badan Besar Sekali Namanya\n'.repeat(70_000)}`);
      const large = await ctx.app.inject({
        method: 'POST',
        url: importUrl,
        headers: { cookie: steward, ...big.headers },
        payload: big.payload,
      });
      expect(large.statusCode).toBe(413);
      expect(large.json().error.code).toBe('file_too_large');
    });

    it('refuses a file without the required columns', async () => {
      const file = upload('nama,jenis\nBadan X,lembaga\n');
      const res = await ctx.app.inject({
        method: 'POST',
        url: importUrl,
        headers: { cookie: steward, ...file.headers },
        payload: file.payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'csv_unknown_column',
        fields: { file: { code: 'csv_unknown_column' } },
      });
    });

    it('refuses an admin lokal (403)', async () => {
      const before = await count();
      const file = upload('type,name\nlembaga,Badan Admin Lokal\n');
      const res = await ctx.app.inject({
        method: 'POST',
        url: importUrl,
        headers: { cookie: localAdmin, ...file.headers },
        payload: file.payload,
      });
      expect(res.statusCode).toBe(403);
      expect(await count()).toBe(before);
    });
  });
});
