import { beforeAll, describe, expect, it } from 'vitest';
import { appWithSmtpCapture } from './helpers/app.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';

/*
 * The gallery's facets (issue 14): GET /api/public/gallery/facets lists, for each filter of the gallery
 * page, the values its entries have with their counts — on a real database (SQLite; PostgreSQL with
 * DATABASE_URL). A private proposal and a finalist of an unpublished competition count nowhere.
 */

describe('the gallery facets', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld;

  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
  });

  it('counts the published finalists per year, competition, category, group, award, province and type', async () => {
    const res = await suite.ctx.app.inject({ method: 'GET', url: '/api/public/gallery/facets' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const f = res.json();
    expect(f.years).toEqual([{ year: 2026, count: 4 }]);
    expect(f.competitions).toEqual([{ id: s.competitionId, name: expect.any(String), year: 2026, count: 4 }]);
    expect(f.categories.map((c: { key: string; count: number }) => [c.key, c.count])).toEqual(
      [
        [s.categories[0]!.key, 1],
        [s.categories[1]!.key, 1],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(f.groups.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      ['replikasi', 1],
      ['umum', 3],
    ]);
    // Every finalist is Top 99; one Top 45, one Top 5 Replikasi; best level first.
    expect(f.awards).toEqual([
      { level: 'TOP45', count: 1 },
      { level: 'TOP5_REPLIKASI', count: 1 },
      { level: 'TOP99', count: 4 },
    ]);
    expect(f.provinces.map((p: { code: string; count: number }) => [p.code, p.count])).toEqual([
      ['32', 2],
      ['36', 2],
    ]);
    expect(f.participantTypes.map((p: { type: string; count: number }) => [p.type, p.count])).toEqual([
      ['pemerintah_kabupaten', 2],
      ['pemerintah_kota', 2],
    ]);
    // Nothing counts a proposal outside the gallery (4 entries, and the other competition is absent).
    const total = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    expect(total(f.years)).toBe(4);
    expect(total(f.groups)).toBe(4);
  });
});
