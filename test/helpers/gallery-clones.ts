import { expect } from 'vitest';
import { indexDocument, writtenWords } from '../../src/domain/search/postings.js';
import { placeNames } from '../../src/modules/gallery/places.js';
import { finalistSources, writeEntry, writeIndex } from '../../src/modules/gallery/queries.js';
import { POSTINGS_PER_TERM_FIELD } from '../../src/modules/gallery/search.js';
import { slugFor, snapshotOf } from '../../src/modules/gallery/snapshot.js';
import type { TestContext } from './app.js';
import type { GalleryWorld } from './gallery.js';

/*
 * More finalists for the gallery's capped search (modules/gallery/search.ts POSTINGS_PER_TERM_FIELD): copies of
 * the world's Puskesmas proposal titled "Bank Sampah Warga N", the first (the oldest id) titled STRONG (three
 * "sampah"), the next POSTINGS_PER_TERM_FIELD with the acronym ACRONYM (a word in exactly the cap's number of
 * entries), written through the gallery's own writers as indexCompetition runs them, on the real database.
 */
export const CLONES = 130;
export const STRONG = 'Sampah Sampah Sampah Kota Bersih';
export const ACRONYM = 'BASAWA';

export async function writeSampahClones(ctx: TestContext, world: GalleryWorld): Promise<void> {
  const { db } = ctx;
  const model = await db
    .selectFrom('proposals')
    .selectAll()
    .where('id', '=', world.f.puskesmas.id)
    .executeTakeFirstOrThrow();
  const { id: _id, ...row } = model;
  for (let i = 0; i < CLONES; i++)
    await db
      .insertInto('proposals')
      .values({
        ...row,
        code: `${model.code}-S${String(i).padStart(3, '0')}`,
        title: i === 0 ? STRONG : `Bank Sampah Warga ${i}`,
        acronym: i >= 1 && i <= POSTINGS_PER_TERM_FIELD ? ACRONYM : null,
      })
      .execute();
  const places = await placeNames();
  const now = ctx.clock.now().toISOString();
  const sources = (await finalistSources(db, world.competitionId)).filter((x) => x.code.includes('-S'));
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
}
