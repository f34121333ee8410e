import { beforeAll, describe, expect, it } from 'vitest';
import { POSTINGS_PER_TERM_FIELD } from '../src/modules/gallery/search.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';
import { ACRONYM, CLONES, STRONG, writeSampahClones } from './helpers/gallery-clones.js';

/*
 * The search's bounded reads (issue 14 "Speed"; modules/gallery/search.ts): a term's postings are read per
 * field best first — highest frequency, then newest — up to POSTINGS_PER_TERM_FIELD (50), so a word in
 * every entry costs the same at 100,000 entries as at 100. On a real database (SQLite; PostgreSQL with
 * DATABASE_URL): 130 more finalists titled "Bank Sampah Warga N" are written through the gallery's writers
 * (helpers/gallery-clones.ts), and the first of them (the oldest id) says "sampah" three times in its title:
 * it comes first, and the candidates are the title read's 50 plus the one entry whose answers hold the word.
 * The answer says whether the list is complete: false when a read was cut, true otherwise.
 */
describe('the gallery search reads a common word up to its cap', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld;

  interface Body {
    items: { title: string }[];
    total: number;
    sort: string;
    complete: boolean;
  }
  const list = async (query: string) => {
    const res = await suite.ctx.app.inject({ method: 'GET', url: `/api/public/gallery?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Body;
  };
  /** Every title of a search, through its pages of 50. */
  const allTitles = async (query: string, total: number) => {
    const titles: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 50); page++)
      titles.push(...(await list(`${query}&pageSize=50&page=${page}`)).items.map((i) => i.title));
    return titles;
  };

  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
    await writeSampahClones(suite.ctx, s);
  });

  it('ranks the strongest entry first and lists the capped candidates, saying the list is not complete', async () => {
    expect(POSTINGS_PER_TERM_FIELD).toBe(50);
    const body = await list('q=sampah&pageSize=50');
    // 131 titles hold "sampah" (the world's Bank Sampah Jadi Emas and the 130): the title read stops at 50,
    // the strongest (tf 3, oldest of the 130) first; the answers read adds Bank Sampah Jadi Emas.
    expect(body.total).toBe(POSTINGS_PER_TERM_FIELD + 1);
    expect(body.complete).toBe(false);
    expect(body.items[0]!.title).toBe(STRONG);
    expect(body.items.map((i) => i.title)).toContain('Bank Sampah Jadi Emas');
    // The newest titles are among the candidates, the oldest ones beyond the cap are not.
    const all = await allTitles('q=sampah', 150);
    expect(all).toHaveLength(POSTINGS_PER_TERM_FIELD + 1);
    expect(all).toContain(`Bank Sampah Warga ${CLONES - 1}`);
    expect(all).not.toContain('Bank Sampah Warga 1');
  });

  it('sorted by year or award, a capped search still says it orders the same candidates only', async () => {
    for (const sort of ['year', 'award']) {
      const body = await list(`q=sampah&sort=${sort}&pageSize=50`);
      expect(body.sort).toBe(sort);
      expect(body.complete).toBe(false);
      expect(body.total).toBe(POSTINGS_PER_TERM_FIELD + 1);
    }
    // A query with a common and a rare word: the common word's read was cut, so the list is not complete.
    const mixed = await list('q=sampah+puskesmas');
    expect(mixed.complete).toBe(false);
  });

  it('a word in exactly the cap’s number of entries is read whole: complete, with every one of them', async () => {
    const body = await list(`q=${ACRONYM.toLowerCase()}&pageSize=50`);
    expect(body.complete).toBe(true);
    expect(body.total).toBe(POSTINGS_PER_TERM_FIELD);
    expect(new Set(body.items.map((i) => i.title))).toEqual(
      new Set(Array.from({ length: POSTINGS_PER_TERM_FIELD }, (_, i) => `Bank Sampah Warga ${i + 1}`)),
    );
  });

  it('a rare word is complete with its exact count', async () => {
    // "kota": the strongest clone's title, Bank Sampah Jadi Emas's and Replikasi Akta Lahir Daring's answers.
    const body = await list('q=kota');
    expect(body.complete).toBe(true);
    expect(body.total).toBe(3);
    expect(new Set(body.items.map((i) => i.title))).toEqual(
      new Set([STRONG, 'Bank Sampah Jadi Emas', 'Replikasi Akta Lahir Daring']),
    );
  });

  it('without a query the list is complete: every entry of the gallery', async () => {
    const body = await list('pageSize=50');
    expect(body.complete).toBe(true);
    // The world's four finalists and the 130 copies.
    expect(body.total).toBe(4 + CLONES);
    expect(await allTitles('sort=award', body.total)).toHaveLength(4 + CLONES);
  });
});
