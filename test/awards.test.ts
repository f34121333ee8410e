import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIPP_AWARDS_FILE, seedAwards } from '../src/seed/awards.js';
import { seedRegionsAndAgencies } from '../src/seed/reference.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { multipartForm } from './helpers/multipart.js';
import {
  makeInstitution,
  makeUnit,
  makeUser,
  sessionCookie,
  countRows,
  lastAudit,
} from './helpers/fixtures.js';

/** A multipart/form-data body with one file, as a browser sends it. */
function upload(content: string, opts: { field?: string } = {}) {
  const file = { field: opts.field ?? 'file', name: 'awards.csv', content: Buffer.from(content, 'utf8') };
  const { payload, headers } = multipartForm({}, [{ ...file, type: 'text/csv' }]);
  return { payload, headers };
}

const HEADER = 'year,level,innovation,institution,source';

describe('award registry', () => {
  let ctx: TestContext;
  let secretariat: string;
  let steward: string;
  let sysadmin: string;
  let localAdmin: string;
  let upp: string;
  let cimahiId: number;

  const count = () => countRows(ctx.db, 'awards');
  const newestAudit = () => lastAudit(ctx.db);

  beforeAll(async () => {
    ctx = await createTestApp();
    await seedRegionsAndAgencies(ctx.db);
    const kemenpan = await ctx.db
      .selectFrom('institutions')
      .select('id')
      .where('short_name', '=', 'KemenPAN-RB')
      .executeTakeFirstOrThrow();
    cimahiId = (
      await ctx.db
        .selectFrom('institutions')
        .select('id')
        .where('name', '=', 'Pemerintah Kota Cimahi')
        .executeTakeFirstOrThrow()
    ).id;
    secretariat = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'secretariat', institutionId: kemenpan.id })).id,
    );
    steward = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'data_steward' })).id);
    sysadmin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
    const inst = await makeInstitution(ctx.db);
    const unit = await makeUnit(ctx.db, inst.id);
    localAdmin = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id })).id,
    );
    upp = await sessionCookie(
      ctx,
      (await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id })).id,
    );
  });
  afterAll(async () => ctx.close());

  describe('seed', () => {
    it('loads the 52 known awards from the copy in the repo, and a second run adds none', async () => {
      expect(fs.readFileSync(KIPP_AWARDS_FILE, 'utf8').startsWith(HEADER)).toBe(true);
      expect(await seedAwards(ctx.db)).toEqual({ created: 52 });
      expect(await count()).toBe(52);
      expect(await seedAwards(ctx.db)).toEqual({ created: 0 });
      expect(await count()).toBe(52);
    });

    it('links an award to its institution where the written name is clear, and keeps the name as written', async () => {
      const rows = await ctx.db
        .selectFrom('awards')
        .select(['innovation_title', 'institution_name', 'institution_id', 'source_url'])
        .where('innovation_title', 'in', ['Gastrodiplomacy Cireundeu', 'Rantang Kasih', 'PUSPA HUNTING'])
        .orderBy('innovation_title')
        .execute();
      expect(rows).toEqual([
        {
          innovation_title: 'Gastrodiplomacy Cireundeu',
          institution_name: 'Kota Cimahi',
          institution_id: cimahiId,
          source_url:
            'https://jabarekspres.com/berita/2019/07/20/si-perut-laper-diproyeksi-ikut-kompetisi-internasional/2',
        },
        {
          innovation_title: 'PUSPA HUNTING',
          institution_name: '',
          institution_id: null,
          source_url: expect.any(String),
        },
        {
          innovation_title: 'Rantang Kasih',
          institution_name: 'Banyuwangi',
          institution_id: null,
          source_url: expect.any(String),
        },
      ]);
    });
  });

  describe('list and search', () => {
    it('lists newest year first with total and abilities for any logged-in user', async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards?pageSize=2',
        headers: { cookie: upp },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(52);
      expect(body.abilities).toEqual({ manage: false });
      expect(body.items.map((a: { year: number }) => a.year)).toEqual([2025, 2025]);
      expect(body.items[0]).toEqual({
        id: expect.any(Number),
        year: 2025,
        level: 'OPSI',
        innovationTitle: 'Baca Meter Mandiri',
        institutionName: null,
        institutionId: null,
        institutionDirectoryName: null,
        sourceUrl:
          'https://batamtoday.com/home/read/225576/indonesia-ajukan-12-inovasi-pelayanan-publik-ke-guangzhou-award-2026',
        notes: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const mine = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards',
        headers: { cookie: steward },
      });
      expect(mine.json().abilities).toEqual({ manage: true });
      const organizer = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards',
        headers: { cookie: secretariat },
      });
      expect(organizer.json().abilities).toEqual({ manage: false });
    });

    it('finds by every word in the title or institution, case-insensitively', async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards?q=perut%20LAPER',
        headers: { cookie: upp },
      });
      expect(
        res.json().items.map((a: { innovationTitle: string; level: string }) => [a.level, a.innovationTitle]),
      ).toEqual([
        ['TOP45', 'Si Perut Laper (Sistem Informasi Peta Peruntukan Lahan Perkebunan)'],
        ['TOP99', 'Sistem Informasi Peta Peruntukan Lahan Perkebunan (SI PERUT LAPER)'],
      ]);
      const byPlace = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards?q=cimahi',
        headers: { cookie: upp },
      });
      expect(
        byPlace.json().items.map((a: { institutionDirectoryName: string }) => a.institutionDirectoryName),
      ).toEqual(['Pemerintah Kota Cimahi']);
    });

    it('filters by year and level', async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards?year=2019&level=TOP45&pageSize=50',
        headers: { cookie: upp },
      });
      expect(res.json().total).toBe(3);
      expect(new Set(res.json().items.map((a: { level: string }) => a.level))).toEqual(new Set(['TOP45']));
      const top9 = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards?level=TOP9',
        headers: { cookie: upp },
      });
      expect(top9.json().total).toBe(9);
      const bad = await ctx.app.inject({
        method: 'GET',
        url: '/api/awards?level=TOP100',
        headers: { cookie: upp },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
    });

    it('answers 401 to an anonymous reader', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/awards' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });
  });

  describe('create, edit, delete', () => {
    let createdId: number;

    it('records an award, links its institution, and audits it', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards',
        headers: { cookie: steward },
        payload: {
          year: 2023,
          level: 'TOP99',
          innovationTitle: '  Cimahi  Smart Layanan ',
          institutionName: 'Kota Cimahi',
          sourceUrl: 'https://cimahikota.go.id/berita/1',
        },
      });
      expect(res.statusCode).toBe(201);
      const { award, abilities } = res.json();
      expect(award).toMatchObject({
        year: 2023,
        level: 'TOP99',
        innovationTitle: 'Cimahi Smart Layanan',
        institutionName: 'Kota Cimahi',
        institutionId: cimahiId,
        institutionDirectoryName: 'Pemerintah Kota Cimahi',
        sourceUrl: 'https://cimahikota.go.id/berita/1',
        notes: null,
      });
      expect(abilities).toEqual({ manage: true });
      createdId = award.id;
      const audit = await newestAudit();
      expect([audit.action, audit.entity_type, audit.entity_id]).toEqual([
        'award.created',
        'award',
        String(createdId),
      ]);
    });

    it('refuses the same award again, whatever the case of the title (409 award_exists)', async () => {
      const before = await count();
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards',
        headers: { cookie: sysadmin },
        payload: {
          year: 2023,
          level: 'TOP99',
          innovationTitle: 'CIMAHI SMART LAYANAN',
          institutionName: 'Kota Cimahi',
        },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'award_exists',
        message: {
          id: 'Penghargaan ini sudah tercatat (tahun, tingkat, judul dan instansi yang sama).',
          en: 'This award is already recorded (same year, level, title and institution).',
        },
      });
      expect(await count()).toBe(before);
    });

    it('validates the body field by field', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards',
        headers: { cookie: steward },
        payload: { year: 2010, level: 'JUARA', innovationTitle: ' ', sourceUrl: 'ftp://x' },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields).sort()).toEqual([
        'innovationTitle',
        'level',
        'sourceUrl',
        'year',
      ]);
      const unknown = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards',
        headers: { cookie: steward },
        payload: { year: 2023, level: 'TOP45', innovationTitle: 'X', institutionId: 999999 },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields.institutionId.code).toBe('institution_not_found');
    });

    it('edits an award with before and after in the audit, and refuses an edit into an existing award', async () => {
      const res = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/awards/${createdId}`,
        headers: { cookie: steward },
        payload: { level: 'TOP45', notes: 'Naik ke Top 45', institutionName: 'Cimahi' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().award).toMatchObject({
        level: 'TOP45',
        notes: 'Naik ke Top 45',
        institutionName: 'Cimahi',
        institutionId: null,
      });
      const audit = await newestAudit();
      expect(audit.action).toBe('award.updated');
      expect(JSON.parse(audit.summary)).toMatchObject({
        before: { level: 'TOP99', institutionId: cimahiId },
        after: { level: 'TOP45', institutionId: null },
      });
      const clash = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/awards/${createdId}`,
        headers: { cookie: steward },
        payload: {
          year: 2019,
          innovationTitle: 'gastrodiplomacy cireundeu',
          level: 'TOP99',
          institutionName: 'Kota Cimahi',
        },
      });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().error.code).toBe('award_exists');
      const missing = await ctx.app.inject({
        method: 'PATCH',
        url: '/api/awards/999999',
        headers: { cookie: steward },
        payload: { notes: 'x' },
      });
      expect(missing.statusCode).toBe(404);
    });

    it('deletes an award with an audit row keeping what it said', async () => {
      const before = await count();
      const res = await ctx.app.inject({
        method: 'DELETE',
        url: `/api/awards/${createdId}`,
        headers: { cookie: steward },
      });
      expect(res.statusCode).toBe(204);
      expect(await count()).toBe(before - 1);
      const audit = await newestAudit();
      expect(audit.action).toBe('award.deleted');
      expect(JSON.parse(audit.summary).before).toMatchObject({ innovationTitle: 'Cimahi Smart Layanan' });
      const again = await ctx.app.inject({
        method: 'DELETE',
        url: `/api/awards/${createdId}`,
        headers: { cookie: steward },
      });
      expect(again.statusCode).toBe(404);
    });

    it('refuses every write to a secretariat, UPP and admin lokal (403) and to anonymous callers (401)', async () => {
      const any = await ctx.db.selectFrom('awards').select('id').limit(1).executeTakeFirstOrThrow();
      const before = await count();
      for (const cookie of [secretariat, upp, localAdmin]) {
        const writes = [
          {
            method: 'POST' as const,
            url: '/api/awards',
            payload: { year: 2023, level: 'TOP99', innovationTitle: 'Z' },
          },
          { method: 'PATCH' as const, url: `/api/awards/${any.id}`, payload: { notes: 'x' } },
          { method: 'DELETE' as const, url: `/api/awards/${any.id}` },
          { method: 'POST' as const, url: '/api/awards/import', ...upload(`${HEADER}\n2023,TOP99,Z,,`) },
        ];
        for (const w of writes) {
          const res = await ctx.app.inject({
            ...w,
            headers: { cookie, ...('headers' in w ? w.headers : {}) },
          });
          expect([w.method, w.url, res.statusCode]).toEqual([w.method, w.url, 403]);
          expect(res.json().error.code).toBe('forbidden.missingRole');
        }
      }
      const anon = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards',
        payload: { year: 2023, level: 'TOP99', innovationTitle: 'Z' },
      });
      expect(anon.statusCode).toBe(401);
      expect(await count()).toBe(before);
    });
  });

  describe('CSV import', () => {
    it('imports nothing when a row is wrong, naming each bad row, field and code', async () => {
      const before = await count();
      const file = [
        HEADER,
        '2026,TOP99,Layanan Baru Satu,Kota Cimahi,https://example.go.id/1',
        '2026,TOP999,Layanan Baru Dua,Kota Cimahi,',
        '20x6,TOP45,Layanan Baru Tiga,,',
      ].join('\r\n');
      const up = upload(file);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards/import',
        headers: { cookie: steward, ...up.headers },
        payload: up.payload,
      });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('import_failed');
      expect(error.message.en).toBe(
        '2 row(s) have problems; nothing was imported. Correct the rows listed and upload again.',
      );
      expect(
        error.rows.map((r: { row: number; field: string; code: string }) => [r.row, r.field, r.code]),
      ).toEqual([
        [3, 'level', 'unknown_level'],
        [4, 'year', 'invalid_year'],
      ]);
      expect(error.rows[1].message).toEqual({
        id: 'Tahun "20x6" tidak valid: tulis empat angka antara 2014 dan 2100.',
        en: 'The year "20x6" is not valid: write four digits between 2014 and 2100.',
      });
      expect(await count()).toBe(before);
    });

    it('imports a good file, skipping and counting rows already recorded, in one audited transaction', async () => {
      const before = await count();
      const file = [
        HEADER,
        '2026,TOP99,Layanan Baru Satu,Kota Cimahi,https://example.go.id/1',
        '2026,top 45,"Layanan Baru, Dua",,',
        '2019,TOP99,gastrodiplomacy cireundeu,Kota Cimahi,https://example.go.id/dup',
        '2026,TOP99,Layanan baru satu,Kota Cimahi,',
      ].join('\n');
      const up = upload(file);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards/import',
        headers: { cookie: sysadmin, ...up.headers },
        payload: up.payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ created: 2, skipped: 2 });
      expect(await count()).toBe(before + 2);
      const audit = await newestAudit();
      expect(audit.action).toBe('award.imported');
      expect(JSON.parse(audit.summary)).toEqual({ created: 2, skipped: 2, fileName: 'awards.csv' });
      const stored = await ctx.db
        .selectFrom('awards')
        .select(['level', 'innovation_title', 'institution_id'])
        .where('year', '=', 2026)
        .orderBy('level')
        .execute();
      expect(stored).toEqual([
        { level: 'TOP45', innovation_title: 'Layanan Baru, Dua', institution_id: null },
        { level: 'TOP99', innovation_title: 'Layanan Baru Satu', institution_id: cimahiId },
      ]);
    });

    it('re-importing the published file adds nothing', async () => {
      const before = await count();
      const up = upload(fs.readFileSync(KIPP_AWARDS_FILE, 'utf8'));
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards/import',
        headers: { cookie: steward, ...up.headers },
        payload: up.payload,
      });
      expect(res.json()).toEqual({ created: 0, skipped: 52 });
      expect(await count()).toBe(before);
    });

    it('refuses a request without a file, a file of unknown columns and a broken upload', async () => {
      const none = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards/import',
        headers: { cookie: steward },
        payload: {},
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('file_required');
      const up = upload('tahun,tingkat\n2019,TOP99');
      const bad = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards/import',
        headers: { cookie: steward, ...up.headers },
        payload: up.payload,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('csv_unknown_column');
      const broken = await ctx.app.inject({
        method: 'POST',
        url: '/api/awards/import',
        headers: { cookie: steward, 'content-type': 'multipart/form-data; boundary=AAA' },
        payload:
          '--BBB\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx\r\n--BBB--\r\n',
      });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.code).toBe('upload_invalid');
    });
  });
});
