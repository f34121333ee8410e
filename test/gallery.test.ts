import { beforeAll, describe, expect, it } from 'vitest';
import { indexCompetition } from '../src/modules/gallery/commands/index-competition.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { countRows, lastAudit } from './helpers/fixtures.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';

/*
 * The gallery's store and public API (issue 14) on a real database (SQLite; PostgreSQL with DATABASE_URL):
 * publishing a competition's results puts its finalists into the gallery with their award levels; the
 * Indonesian search finds them (abbreviations, typos, highlighted snippets) in the same order on both
 * databases; the filters; one entry by its address; and a proposal that is not a finalist of published
 * results — a private one of the same competition, a finalist of a competition not yet published — never
 * appears in the list, the search or the detail.
 */

describe('the gallery of published finalists', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld;
  const get = (url: string) => suite.ctx.app.inject({ method: 'GET', url });
  const list = async (query: Record<string, string>) => {
    const res = await get(`/api/public/gallery?${new URLSearchParams(query).toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: {
        slug: string;
        title: string;
        awards: string[];
        snippet: { text: string; hit: boolean }[] | null;
      }[];
      total: number;
      corrections: { word: string; correctedTo: string[] }[];
    };
  };
  const titles = async (query: Record<string, string>) => (await list(query)).items.map((i) => i.title);
  const slugOf = (code: string) => code.toLowerCase();

  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
  });

  it('holds every finalist after the publication, with its awards, and the audit row with the count', async () => {
    const all = await list({ sort: 'award' });
    expect(all.total).toBe(4);
    expect(all.items.map((i) => [i.title, i.awards])).toEqual([
      ['Jemput Bola Pelayanan Kependudukan Desa', ['TOP45', 'TOP99']],
      ['Replikasi Akta Lahir Daring', ['TOP5_REPLIKASI', 'TOP99']],
      // Equal awards and years: by address (the proposal codes).
      ['Puskesmas Keliling Sehat Bersama', ['TOP99']],
      ['Bank Sampah Jadi Emas', ['TOP99']],
    ]);
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .select(['summary', 'entity_id'])
      .where('action', '=', 'gallery.indexed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary)).toEqual({ competitionId: s.competitionId, count: 4, removed: 0 });
  });

  it('finds "pelayanan kependudukan" first in the Dukcapil innovation, with a highlighted snippet', async () => {
    const found = await list({ q: 'pelayanan kependudukan' });
    expect(found.items[0]!.title).toBe('Jemput Bola Pelayanan Kependudukan Desa');
    // The same order on SQLite and PostgreSQL: fixed here, the test runs on both.
    // "penduduk" and "layanan" share the terms of "kependudukan" and "pelayanan" (their stems).
    expect(found.items.map((i) => i.title)).toEqual([
      'Jemput Bola Pelayanan Kependudukan Desa',
      'Puskesmas Keliling Sehat Bersama',
      'Replikasi Akta Lahir Daring',
      'Bank Sampah Jadi Emas',
    ]);
    const hits = found.items[0]!.snippet!.filter((x) => x.hit).map((x) => x.text.toLowerCase());
    expect(hits).toContain('pelayanan kependudukan');
    expect(found.items[0]!.snippet!.map((x) => x.text).join('')).toContain('pelayanan kependudukan datang');
  });

  it('"Disdukcapil" finds the innovation that writes "Dinas Kependudukan dan Pencatatan Sipil"', async () => {
    const found = await list({ q: 'Disdukcapil' });
    expect(found.items.map((i) => i.title)).toEqual(['Jemput Bola Pelayanan Kependudukan Desa']);
    // The name is highlighted word by word; the stop word "dan" between is not a hit.
    expect(found.items[0]!.snippet!.filter((x) => x.hit).map((x) => x.text)).toEqual([
      'Dinas Kependudukan',
      'Pencatatan Sipil',
    ]);
    expect(found.items[0]!.snippet!.map((x) => x.text).join('')).toMatch(
      /^Dinas Kependudukan dan Pencatatan Sipil mendatangi/,
    );
  });

  it('reads a typo as the written word and says so', async () => {
    const found = await list({ q: 'kependudkan' });
    expect(found.items.map((i) => i.title)).toEqual([
      'Jemput Bola Pelayanan Kependudukan Desa',
      'Puskesmas Keliling Sehat Bersama',
    ]);
    expect(found.items).toEqual((await list({ q: 'kependudukan' })).items);
    expect(found.corrections).toEqual([{ word: 'kependudkan', correctedTo: ['kependudukan'] }]);
    expect((await list({ q: 'puskesmsa' })).items.map((i) => i.title)).toEqual([
      'Puskesmas Keliling Sehat Bersama',
    ]);
  });

  it('filters by year, competition, category, group, award, province, regency and participant type', async () => {
    expect(await titles({ award: 'TOP45' })).toEqual(['Jemput Bola Pelayanan Kependudukan Desa']);
    expect(await titles({ group: 'replikasi' })).toEqual(['Replikasi Akta Lahir Daring']);
    expect(await titles({ category: s.categories[1]!.key })).toEqual(['Puskesmas Keliling Sehat Bersama']);
    expect(await titles({ province: '36', sort: 'award' })).toEqual([
      'Jemput Bola Pelayanan Kependudukan Desa',
      'Bank Sampah Jadi Emas',
    ]);
    expect(await titles({ regency: '32.73', sort: 'award' })).toEqual([
      'Replikasi Akta Lahir Daring',
      'Puskesmas Keliling Sehat Bersama',
    ]);
    expect(await titles({ participantType: 'pemerintah_kota', award: 'TOP99', q: 'warga' })).toEqual([
      'Replikasi Akta Lahir Daring',
    ]);
    expect((await list({ year: '2026', competitionId: String(s.competitionId) })).total).toBe(4);
    expect((await list({ year: '2025' })).total).toBe(0);
    expect((await list({ competitionId: '999999' })).total).toBe(0);
    // A filter narrows the search without changing its order.
    expect(await titles({ q: 'pelayanan kependudukan', province: '36' })).toEqual([
      'Jemput Bola Pelayanan Kependudukan Desa',
      'Bank Sampah Jadi Emas',
    ]);
    // Without a query there is no relevance: the list comes by year and says so.
    const byYear = await get('/api/public/gallery?sort=relevance');
    expect(byYear.json().sort).toBe('year');
    const page = await list({ sort: 'award', page: '2', pageSize: '3' });
    expect([page.total, page.items.map((i) => i.title)]).toEqual([4, ['Bank Sampah Jadi Emas']]);
  });

  it('refuses bad filters field by field (400, stable codes, both languages)', async () => {
    const res = await get(
      '/api/public/gallery?year=dua&award=JUARA&province=Banten&regency=3603&participantType=warga&sort=acak&page=0&pageSize=500&category=Kes%20Hatan',
    );
    expect(res.statusCode).toBe(400);
    const { code, fields } = res.json().error;
    expect(code).toBe('validation_failed');
    expect(Object.keys(fields).sort()).toEqual(
      [
        'award',
        'category',
        'page',
        'pageSize',
        'participantType',
        'province',
        'regency',
        'sort',
        'year',
      ].sort(),
    );
    expect(fields.province.message).toEqual({
      id: 'Kode provinsi ditulis dua angka, misalnya 36.',
      en: 'A province code is two digits, e.g. 36.',
    });
    expect(fields.pageSize.message.en).toBe('The page size is at most 50.');
    const twice = await get('/api/public/gallery?q=desa&q=kota');
    expect([twice.statusCode, Object.keys(twice.json().error.fields)]).toEqual([400, ['q']]);
  });

  it('answers any query quickly, never 500: long, other scripts, symbols only', async () => {
    for (const q of [
      'pelayanan '.repeat(2000),
      'ﾍﾟﾗﾔﾅﾝ 行政服务 خدمة عامة 🚑🚑',
      "' OR 1=1 -- %_\\",
      '\u0000\u202e',
      'a'.repeat(20000),
    ]) {
      const started = Date.now();
      const res = await get(`/api/public/gallery?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    expect((await list({ q: 'yang dan di' })).total).toBe(0);
  });

  it('never shows a proposal that is not a finalist of published results: list, search, detail', async () => {
    const everything = await list({ pageSize: '50' });
    const shown = everything.items.map((i) => i.title);
    for (const hidden of [s.privateOne, s.unpublished]) {
      expect(shown).not.toContain(hidden.title);
      expect((await get(`/api/public/gallery/${slugOf(hidden.code)}`)).statusCode).toBe(404);
    }
    expect((await list({ q: 'rahasiaku' })).total).toBe(0);
    expect(await titles({ q: 'Pelayanan Kependudukan Rahasia Belum Diumumkan' })).not.toContain(
      s.privateOne.title,
    );
    expect(await countRows(suite.ctx.db, 'gallery_entries')).toBe(4);
    const words = await suite.ctx.db
      .selectFrom('gallery_words')
      .select('word')
      .where('word', '=', 'rahasiaku')
      .execute();
    expect(words).toEqual([]);
  });

  it('shows one innovation by its address (any letter case) and 404 for an unknown one', async () => {
    const res = await get(`/api/public/gallery/${slugOf(s.f.dukcapil.code)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const entry = res.json();
    expect(entry).toMatchObject({
      slug: slugOf(s.f.dukcapil.code),
      title: 'Jemput Bola Pelayanan Kependudukan Desa',
      summary:
        'Dinas Kependudukan dan Pencatatan Sipil mendatangi warga di desa terpencil untuk merekam KTP elektronik dan menerbitkan akta kelahiran di tempat.',
      year: 2026,
      competition: { id: s.competitionId, code: 'KIPP', year: 2026 },
      category: { key: s.categories[0]!.key },
      group: { key: 'umum', name: { id: expect.any(String), en: expect.any(String) } },
      institution: { name: 'Pemerintah Kabupaten Tangerang', type: 'pemerintah_kabupaten' },
      participantType: 'pemerintah_kabupaten',
      province: { code: '36', name: 'Banten' },
      regency: { code: '36.03', name: 'Kabupaten Tangerang' },
      awards: ['TOP45', 'TOP99'],
      basis: 'finalist',
    });
    // Nothing private: no contact, no innovator names, no proposal id.
    expect(JSON.stringify(entry)).not.toMatch(/sari@uji|Tim Inovasi|\+62|proposalId/);
    // The summary without a "ringkasan" answer: the first answer's first words.
    const sampah = (await get(`/api/public/gallery/${slugOf(s.f.sampah.code)}`)).json();
    expect(sampah.summary).toBe(
      'Warga menabung sampah plastik di bank sampah dan menukarnya dengan emas; pelayanan kebersihan kota ikut terbantu.',
    );
    expect((await get(`/api/public/gallery/${s.f.dukcapil.code.toUpperCase()}`)).json().slug).toBe(
      slugOf(s.f.dukcapil.code),
    );
    const unknown = await get('/api/public/gallery/kipp-2026-tidak-ada');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    for (const odd of ['%E2%80%AE%00', "'%20OR%201=1", 'x'.repeat(100)])
      expect((await get(`/api/public/gallery/${odd}`)).statusCode).toBe(404);
    // Longer than the router takes a path parameter (100): refused before any handler with our error body,
    // whether the router answers itself (no web app built) or its catch-all route matched (web app built).
    for (const length of [101, 3000]) {
      const long = await get(`/api/public/gallery/${'x'.repeat(length)}`);
      expect(long.statusCode).toBe(414);
      expect(long.json()).toEqual({
        error: {
          code: 'path_too_long',
          message: {
            id: 'Alamat terlalu panjang: satu bagian alamat paling banyak 100 karakter.',
            en: 'The address is too long: one part of an address holds at most 100 characters.',
          },
          fields: {},
        },
      });
    }
  });

  it('indexes again idempotently: same entries, same postings, and refuses an unpublished competition', async () => {
    const { db } = suite.ctx;
    const before = {
      entries: await db
        .selectFrom('gallery_entries')
        .select(['id', 'slug', 'published_at'])
        .orderBy('id')
        .execute(),
      postings: await countRows(db, 'gallery_postings'),
      words: await countRows(db, 'gallery_words'),
    };
    const again = await db.transaction().execute((tx) =>
      indexCompetition(tx, {
        competition: { id: s.competitionId, organizer_institution_id: s.organizerId },
        actorUserId: s.secId,
        ip: null,
        now: new Date(suite.ctx.clock.now().getTime() + 60_000),
      }),
    );
    expect(again).toEqual({ indexed: 4, removed: 0 });
    expect({
      entries: await db
        .selectFrom('gallery_entries')
        .select(['id', 'slug', 'published_at'])
        .orderBy('id')
        .execute(),
      postings: await countRows(db, 'gallery_postings'),
      words: await countRows(db, 'gallery_words'),
    }).toEqual(before);
    expect((await lastAudit(db))?.action).toBe('gallery.indexed');
    const other = await db
      .selectFrom('proposals')
      .select('competition_id')
      .where('id', '=', s.unpublished.id)
      .executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute((tx) =>
        indexCompetition(tx, {
          competition: { id: other.competition_id, organizer_institution_id: s.organizerId },
          actorUserId: s.secId,
          ip: null,
          now: suite.ctx.clock.now(),
        }),
      ),
    ).rejects.toMatchObject({ status: 409, code: 'results_not_published' });
  });
});
