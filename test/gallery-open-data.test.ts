import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_COLUMNS } from '../src/contracts/gallery-data.js';
import { indexCompetition } from '../src/modules/gallery/commands/index-competition.js';
import { openDataBatches } from '../src/modules/gallery/open-data-queries.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';

/*
 * The gallery's open data and statistics (issue 14 point 6) on a real database (SQLite; PostgreSQL with
 * DATABASE_URL): the CSV and JSON downloads hold exactly the list's entries for a filter (and never a
 * private proposal), the CSV is UTF-8 with BOM and RFC 4180 quoting, bad filters are refused field by
 * field, and the statistics count what a person counts by hand in the test world (test/helpers/gallery.ts:
 * 4 published finalists, a private proposal, a finalist of an unpublished competition).
 */

type Item = Record<string, unknown> & { slug: string; title: string; acronym: string | null };

describe('the gallery open data and statistics', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld;
  const get = (url: string) => suite.ctx.app.inject({ method: 'GET', url });
  const qs = (query: Record<string, string>) => new URLSearchParams(query).toString();
  const listed = async (query: Record<string, string>) => {
    const res = await get(`/api/public/gallery?${qs({ ...query, pageSize: '50' })}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: (Item & { snippet: unknown })[] }).items;
  };
  const csvOf = async (query: Record<string, string>) => {
    const res = await get(`/api/public/gallery/data.csv?${qs(query)}`);
    expect(res.statusCode, res.body).toBe(200);
    const parsed = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    return { res, rows: parsed.data, fields: parsed.meta.fields };
  };
  const base = () => suite.ctx.app.deps.config.baseUrl;

  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
  });

  it('CSV: the rows of a filter are the list’s entries, with BOM, header, type and file name', async () => {
    const { res, rows, fields } = await csvOf({ province: '36' });
    expect(res.body.startsWith('\uFEFFslug,url,api,title,')).toBe(true);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const today = suite.ctx.clock.now().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="sinovik-galeri-${today}.csv"`);
    expect(fields).toEqual([...OPEN_DATA_COLUMNS]);
    // Records end with CRLF (RFC 4180).
    expect(res.body.split('\r\n')).toHaveLength(rows.length + 2);

    const items = await listed({ province: '36' });
    expect(items.map((i) => i.title).sort()).toEqual([
      'Bank Sampah Jadi Emas',
      'Jemput Bola Pelayanan Kependudukan Desa',
    ]);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect([...bySlug.keys()].sort()).toEqual(items.map((i) => i.slug).sort());
    const dukcapil = items.find((i) => i.title.startsWith('Jemput Bola'))!;
    expect(bySlug.get(dukcapil.slug)).toEqual({
      slug: dukcapil.slug,
      url: `${base()}/galeri/${dukcapil.slug}`,
      api: `${base()}/api/public/gallery/${dukcapil.slug}`,
      title: 'Jemput Bola Pelayanan Kependudukan Desa',
      acronym: dukcapil.acronym ?? '',
      summary: dukcapil.summary,
      year: '2026',
      competition_id: String(s.competitionId),
      competition_code: (dukcapil.competition as { code: string }).code,
      competition_name: (dukcapil.competition as { name: string }).name,
      category_key: s.categories[0]!.key,
      category_name_id: (dukcapil.category as { name: { id: string } }).name.id,
      category_name_en: (dukcapil.category as { name: { en: string } }).name.en,
      group_key: 'umum',
      group_name_id: (dukcapil.group as { name: { id: string } }).name.id,
      group_name_en: (dukcapil.group as { name: { en: string } }).name.en,
      institution_name: 'Pemerintah Kabupaten Tangerang',
      participant_type: 'pemerintah_kabupaten',
      province_code: '36',
      province_name: 'Banten',
      regency_code: '36.03',
      regency_name: 'Kabupaten Tangerang',
      awards: 'TOP45;TOP99',
      basis: 'finalist',
      status: 'continuing',
      published_at: dukcapil.publishedAt,
      updated_at: dukcapil.updatedAt,
    });
    // The address in a row answers with the same entry.
    const one = await get(`/api/public/gallery/${dukcapil.slug}`);
    expect(one.json().title).toBe('Jemput Bola Pelayanan Kependudukan Desa');
  });

  it('JSON: the items of a filter are the list’s entries plus url and api; nothing private anywhere', async () => {
    const before = suite.ctx.clock.now().getTime();
    const res = await get('/api/public/gallery/data.json?group=umum');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="sinovik-galeri-[0-9-]{10}\.json"$/,
    );
    const body = res.json() as { generatedAt: string; items: Item[] };
    const generatedAt = Date.parse(body.generatedAt);
    expect(generatedAt).toBeGreaterThanOrEqual(before);
    expect(generatedAt).toBeLessThanOrEqual(suite.ctx.clock.now().getTime());
    const expected = (await listed({ group: 'umum' })).map(({ snippet: _s, ...entry }) => ({
      ...entry,
      url: `${base()}/galeri/${entry.slug}`,
      api: `${base()}/api/public/gallery/${entry.slug}`,
    }));
    expect(expected).toHaveLength(3);
    const bySlug = (a: Item, b: Item) => a.slug.localeCompare(b.slug);
    expect([...body.items].sort(bySlug)).toEqual([...expected].sort(bySlug));

    // Every entry, no filter: the 4 published finalists, never the private proposal nor the unpublished one.
    const all = (await get('/api/public/gallery/data.json')).json() as { items: Item[] };
    const { rows } = await csvOf({});
    for (const titles of [all.items.map((i) => i.title), rows.map((r) => r.title!)])
      expect([...titles].sort()).toEqual(
        Object.values(s.f)
          .map((f) => f.title)
          .sort(),
      );
    const text = JSON.stringify(all) + JSON.stringify(rows);
    expect(text).not.toContain(s.privateOne.title);
    expect(text).not.toContain(s.unpublished.title);
    // A filter nothing matches: a header only, an empty list.
    expect((await csvOf({ year: '2030' })).rows).toEqual([]);
    expect((await get('/api/public/gallery/data.json?year=2030')).json().items).toEqual([]);
  });

  it('reads the download in batches after the last id: every entry once, in the order it entered', async () => {
    const seen: number[] = [];
    let batches = 0;
    for await (const rows of openDataBatches(suite.ctx.db, {}, 1)) {
      batches++;
      seen.push(...rows.map((r) => r.id));
    }
    const ids = (await suite.ctx.db.selectFrom('gallery_entries').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    expect(seen).toEqual(ids);
    expect(batches).toBe(4);
  });

  it('refuses bad filters with a 400 and a message per field, in both languages', async () => {
    for (const path of ['data.csv', 'data.json', 'stats']) {
      const res = await get(`/api/public/gallery/${path}?year=dua&province=3&award=JUARA&participantType=x`);
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields).sort()).toEqual(['award', 'participantType', 'province', 'year']);
      expect(error.fields.year.message).toEqual({
        id: 'Tahun ditulis dengan angka, misalnya 2026.',
        en: 'The year is a number, e.g. 2026.',
      });
      expect(error.fields.province.message).toEqual({
        id: 'Kode provinsi ditulis dua angka, misalnya 36.',
        en: 'A province code is two digits, e.g. 36.',
      });
    }
  });

  it('counts the statistics as a person counts the world by hand, with and without a filter', async () => {
    const res = await get('/api/public/gallery/stats');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const [cat0, cat1] = [s.categories[0]!.key, s.categories[1]!.key].sort();
    expect(res.json()).toMatchObject({
      total: 4,
      years: [{ year: 2026, count: 4 }],
      // Dukcapil and Puskesmas have a category each; Bank Sampah and Replikasi none.
      categories: [
        { key: cat0, count: 1 },
        { key: cat1, count: 1 },
      ],
      withoutCategory: 2,
      provinces: [
        { code: '32', name: 'Jawa Barat', count: 2 },
        { code: '36', name: 'Banten', count: 2 },
      ],
      withoutProvince: 0,
      participantTypes: [
        { type: 'pemerintah_kabupaten', count: 2 },
        { type: 'pemerintah_kota', count: 2 },
      ],
      awards: [
        { level: 'TOP45', count: 1 },
        { level: 'TOP5_REPLIKASI', count: 1 },
        { level: 'TOP99', count: 4 },
      ],
    });
    // Kabupaten Tangerang (36): Jemput Bola (Top 45, a category) and Bank Sampah (no category).
    const banten = (await get('/api/public/gallery/stats?province=36')).json();
    expect(banten).toEqual({
      total: 2,
      years: [{ year: 2026, count: 2 }],
      categories: [{ key: s.categories[0]!.key, name: expect.any(Object), count: 1 }],
      withoutCategory: 1,
      provinces: [{ code: '36', name: 'Banten', count: 2 }],
      withoutProvince: 0,
      participantTypes: [{ type: 'pemerintah_kabupaten', count: 2 }],
      awards: [
        { level: 'TOP45', count: 1 },
        { level: 'TOP99', count: 2 },
      ],
    });
    const topOnly = (await get('/api/public/gallery/stats?award=TOP5_REPLIKASI')).json();
    expect(topOnly.total).toBe(1);
    expect(topOnly.provinces).toEqual([{ code: '32', name: 'Jawa Barat', count: 1 }]);
  });

  it('CSV quoting (RFC 4180): commas, quotes and line breaks are quoted; a formula is escaped', async () => {
    const { db } = suite.ctx;
    const title = 'Bank Sampah, "Jadi Emas"\nKota Bersih';
    await db
      .updateTable('proposals')
      .set({ title, acronym: '=BSJE' })
      .where('id', '=', s.f.sampah.id)
      .execute();
    await db.transaction().execute((tx) =>
      indexCompetition(tx, {
        competition: { id: s.competitionId, organizer_institution_id: s.organizerId },
        actorUserId: s.secId,
        ip: null,
        now: suite.ctx.clock.now(),
      }),
    );
    const { res, rows } = await csvOf({ province: '36' });
    expect(res.body).toContain('"Bank Sampah, ""Jadi Emas""\nKota Bersih"');
    const row = rows.find((r) => r.title?.startsWith('Bank Sampah'))!;
    expect(row.title).toBe(title);
    // A cell a spreadsheet would run as a formula starts with a quote mark (OWASP CSV injection).
    expect(row.acronym).toBe("'=BSJE");
    const json = (await get('/api/public/gallery/data.json?province=36')).json() as { items: Item[] };
    expect(json.items.find((i) => i.title === title)?.acronym).toBe('=BSJE');
  });
});
