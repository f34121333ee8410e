import { beforeAll, describe, expect, it } from 'vitest';
import { indexDocument, writtenWords } from '../src/domain/search/postings.js';
import { placeNames } from '../src/modules/gallery/places.js';
import { finalistSources, writeEntry, writeIndex } from '../src/modules/gallery/queries.js';
import { POSTINGS_PER_TERM_FIELD } from '../src/modules/gallery/search.js';
import { slugFor, snapshotOf } from '../src/modules/gallery/snapshot.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { publishedGalleryWorld, type GalleryWorld } from './helpers/gallery.js';

/*
 * The search's bounded reads (issue 14 "Speed"; modules/gallery/search.ts): a term's postings are read per
 * field best first — highest frequency, then newest — up to POSTINGS_PER_TERM_FIELD (50), so a word in
 * every entry costs the same at 100,000 entries as at 100. On a real database (SQLite; PostgreSQL with
 * DATABASE_URL): 130 more finalists titled "Bank Sampah Warga N" are written through the gallery's writers,
 * and the first of them (the oldest id) says "sampah" three times in its title: it comes first, and the
 * candidates are the title read's 50 plus the one entry whose answers hold the word.
 */
describe('the gallery search reads a common word up to its cap', () => {
  const suite = appWithSmtpCapture();
  const s = {} as GalleryWorld;
  const CLONES = 130;
  const STRONG = 'Sampah Sampah Sampah Kota Bersih';

  beforeAll(async () => {
    Object.assign(s, await publishedGalleryWorld(suite));
    const { db } = suite.ctx;
    const model = await db
      .selectFrom('proposals')
      .selectAll()
      .where('id', '=', s.f.puskesmas.id)
      .executeTakeFirstOrThrow();
    const { id: _id, ...row } = model;
    for (let i = 0; i < CLONES; i++)
      await db
        .insertInto('proposals')
        .values({
          ...row,
          code: `${model.code}-S${String(i).padStart(3, '0')}`,
          title: i === 0 ? STRONG : `Bank Sampah Warga ${i}`,
          acronym: null,
        })
        .execute();
    // The gallery's own writers, as indexCompetition runs them, for the new finalists only.
    const places = await placeNames();
    const now = suite.ctx.clock.now().toISOString();
    const sources = (await finalistSources(db, s.competitionId)).filter((x) => x.code.includes('-S'));
    expect(sources).toHaveLength(CLONES);
    await db.transaction().execute(async (tx) => {
      for (const source of sources) {
        const snapshot = snapshotOf(source, [], ['TOP99'], places, {
          slug: slugFor(source, false),
          basis: 'finalist',
          now,
        });
        const indexed = indexDocument(snapshot.texts);
        const id = await writeEntry(tx, null, {
          ...snapshot.entry,
          title_length: indexed.lengths.title,
          acronym_length: indexed.lengths.acronym,
          answers_length: indexed.lengths.answers,
        });
        await writeIndex(tx, id, indexed.postings, writtenWords(snapshot.texts));
      }
    });
  });

  it('ranks the strongest entry first and lists the capped candidates', async () => {
    expect(POSTINGS_PER_TERM_FIELD).toBe(50);
    const res = await suite.ctx.app.inject({
      method: 'GET',
      url: '/api/public/gallery?q=sampah&pageSize=50',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { title: string }[]; total: number };
    // 131 titles hold "sampah" (the world's Bank Sampah Jadi Emas and the 130): the title read stops at 50,
    // the strongest (tf 3, oldest of the 130) first; the answers read adds Bank Sampah Jadi Emas.
    expect(body.total).toBe(POSTINGS_PER_TERM_FIELD + 1);
    expect(body.items[0]!.title).toBe(STRONG);
    expect(body.items.map((i) => i.title)).toContain('Bank Sampah Jadi Emas');
    // The newest titles are among the candidates, the oldest ones beyond the cap are not.
    const all: string[] = [];
    for (const page of [1, 2, 3]) {
      const p = await suite.ctx.app.inject({
        method: 'GET',
        url: `/api/public/gallery?q=sampah&pageSize=50&page=${page}`,
      });
      all.push(...(p.json() as { items: { title: string }[] }).items.map((i) => i.title));
    }
    expect(all).toHaveLength(POSTINGS_PER_TERM_FIELD + 1);
    expect(all).toContain(`Bank Sampah Warga ${CLONES - 1}`);
    expect(all).not.toContain('Bank Sampah Warga 1');
  });
});
