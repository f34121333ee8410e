import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { GalleryEntryRow, GalleryEntryTable } from '../../db/schema.js';
import type { Insertable } from 'kysely';
import type { GalleryQuery } from '../../contracts/gallery.js';
import type { Posting } from '../../domain/search/postings.js';

/*
 * The gallery's SQL (issue 14): what indexing reads of a competition's finalists, the entries and their
 * postings written, and what the public routes read — gallery_entries, gallery_postings and gallery_words
 * only, never a proposal.
 */

// Rows per INSERT: 4 columns × 500 stays far below SQLite's bound-parameter limit.
const BATCH = 500;

/** Proposals with what their public snapshot needs (no contact, no files). */
function sourceQuery(db: Db) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as k', 'k.id', 'p.category_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.acronym',
      'p.competition_id',
      'c.code as competition_code',
      'c.name as competition_name',
      'c.year',
      'i.name as institution_name',
      'i.type as institution_type',
      'i.region_code',
      'owner.region_code as owner_region_code',
      'g.key as group_key',
      'g.name_id as group_name_id',
      'g.name_en as group_name_en',
      'k.key as category_key',
      'k.name_id as category_name_id',
      'k.name_en as category_name_en',
    ]);
}

/** The finalists of a competition with what their public snapshot needs (no contact, no files). */
export async function finalistSources(db: Db, competitionId: number) {
  return sourceQuery(db)
    .where('p.competition_id', '=', competitionId)
    .where('p.state', '=', 'finalist')
    .orderBy('p.id')
    .execute();
}

/** One proposal with what its public snapshot needs (an entry by consent). */
export async function proposalSource(db: Db, proposalId: number) {
  return sourceQuery(db).where('p.id', '=', proposalId).executeTakeFirst();
}

/** The entry of a proposal, if it is in the gallery. */
export async function entryOfProposal(db: Db, proposalId: number) {
  return db
    .selectFrom('gallery_entries')
    .select(['id', 'proposal_id', 'slug', 'basis', 'published_at'])
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();
}
export type FinalistSource = Awaited<ReturnType<typeof finalistSources>>[number];

/** The answers of these proposals in their form's order, with each section's key. */
export async function answersOf(db: Db, proposalIds: readonly number[]) {
  if (!proposalIds.length) return [];
  const out = [];
  for (let i = 0; i < proposalIds.length; i += BATCH)
    out.push(
      ...(await db
        .selectFrom('proposal_answers as a')
        .innerJoin('form_sections as s', 's.id', 'a.section_id')
        .select(['a.proposal_id', 'a.text', 's.key', 's.position', 's.id as section_id'])
        .where('a.proposal_id', 'in', proposalIds.slice(i, i + BATCH))
        .orderBy('a.proposal_id')
        .orderBy('s.position')
        .orderBy('s.id')
        .execute()),
    );
  return out;
}

/** The award registry's levels of the competition's proposals (its published results wrote them). */
export async function awardLevelsOf(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom('awards')
    .select(['proposal_id', 'level'])
    .where('competition_id', '=', competitionId)
    .where('proposal_id', 'is not', null)
    .orderBy('id')
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.proposal_id!, [...(out.get(r.proposal_id!) ?? []), r.level]);
  return out;
}

/** The entries of a competition (to replace or drop them), by proposal. */
export async function entriesOfCompetition(db: Db, competitionId: number) {
  return db
    .selectFrom('gallery_entries')
    .select(['id', 'proposal_id', 'slug', 'basis', 'published_at'])
    .where('competition_id', '=', competitionId)
    .execute();
}

/** Whether a slug is taken by another proposal's entry. */
export async function slugTaken(db: Db, slug: string, proposalId: number): Promise<boolean> {
  const row = await db
    .selectFrom('gallery_entries')
    .select('id')
    .where('slug', '=', slug)
    .where('proposal_id', '<>', proposalId)
    .executeTakeFirst();
  return row !== undefined;
}

export type NewEntry = Omit<Insertable<GalleryEntryTable>, 'id'>;

/** Writes an entry (inserted, or its row updated in place: same id, address and first publication). */
export async function writeEntry(db: Db, existingId: number | null, entry: NewEntry): Promise<number> {
  if (existingId !== null) {
    const { published_at: _kept, ...rest } = entry;
    await db.updateTable('gallery_entries').set(rest).where('id', '=', existingId).execute();
    await db.deleteFrom('gallery_postings').where('entry_id', '=', existingId).execute();
    await db.deleteFrom('gallery_words').where('entry_id', '=', existingId).execute();
    return existingId;
  }
  const row = await db.insertInto('gallery_entries').values(entry).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The entry's postings and written words. */
export async function writeIndex(
  db: Db,
  entryId: number,
  postings: readonly Posting[],
  words: readonly string[],
): Promise<void> {
  const rows = postings.map((p) => ({ term: p.term, entry_id: entryId, field: p.field, tf: p.tf }));
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('gallery_postings')
      .values(rows.slice(i, i + BATCH))
      .execute();
  const wordRows = words.map((word) => ({ entry_id: entryId, word }));
  for (let i = 0; i < wordRows.length; i += BATCH)
    await db
      .insertInto('gallery_words')
      .values(wordRows.slice(i, i + BATCH))
      .execute();
}

export async function deleteEntries(db: Db, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  await db.deleteFrom('gallery_postings').where('entry_id', 'in', ids).execute();
  await db.deleteFrom('gallery_words').where('entry_id', 'in', ids).execute();
  await db.deleteFrom('gallery_entries').where('id', 'in', ids).execute();
}

// ---- What the public routes read ----

/** The filters of a list, on `gallery_entries as e`. */
export type GalleryFilter = Omit<GalleryQuery, 'q' | 'sort' | 'page' | 'pageSize'>;

/** The entries matching the filters (the list, the open data and the statistics read through it). */
export function filtered(db: Db, f: GalleryFilter) {
  let q = db.selectFrom('gallery_entries as e');
  if (f.year !== undefined) q = q.where('e.year', '=', f.year);
  if (f.competitionId !== undefined) q = q.where('e.competition_id', '=', f.competitionId);
  if (f.category !== undefined) q = q.where('e.category_key', '=', f.category);
  if (f.group !== undefined) q = q.where('e.group_key', '=', f.group);
  // The level is one of AWARD_LEVELS (the contract refuses any other), quoted as the JSON array holds it.
  if (f.award !== undefined) q = q.where('e.awards', 'like', `%"${f.award}"%`);
  if (f.province !== undefined) q = q.where('e.province_code', '=', f.province);
  if (f.regency !== undefined) q = q.where('e.regency_code', '=', f.regency);
  if (f.participantType !== undefined) q = q.where('e.institution_type', '=', f.participantType);
  return q;
}

/** A page of the filtered entries, without a query: by year (then award) or by award (then year). */
export async function listEntries(
  db: Db,
  f: GalleryFilter,
  sort: 'year' | 'award',
  page: { offset: number; limit: number },
): Promise<{ rows: GalleryEntryRow[]; total: number }> {
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  let q = filtered(db, f).selectAll('e');
  q =
    sort === 'award'
      ? q.orderBy('e.award_rank').orderBy('e.year', 'desc')
      : q.orderBy('e.year', 'desc').orderBy('e.award_rank');
  const rows = await q.orderBy('e.slug').offset(page.offset).limit(page.limit).execute();
  return { rows, total: Number(count.n) };
}

/** The index's size: entries, the sum of each field's length, and a stamp that moves on every change. */
export async function corpusOf(db: Db) {
  const row = await db
    .selectFrom('gallery_entries')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string | null>('title_length').as('title'),
      eb.fn.sum<number | string | null>('acronym_length').as('acronym'),
      eb.fn.sum<number | string | null>('answers_length').as('answers'),
      eb.fn.max('updated_at').as('stamp'),
    ])
    .executeTakeFirstOrThrow();
  return {
    documents: Number(row.n),
    totalLengths: {
      title: Number(row.title ?? 0),
      acronym: Number(row.acronym ?? 0),
      answers: Number(row.answers ?? 0),
    },
    stamp: `${row.n}|${row.stamp ?? ''}`,
  };
}

/** Every written word of the index (the typo vocabulary). */
export async function writtenWordsOf(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('gallery_words').select('word').distinct().execute();
  return rows.map((r) => r.word);
}

/** How many entries hold each of these terms, over the whole index (not the filters: scores stay put). */
export async function documentFrequencies(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  if (!terms.length) return new Map();
  const rows = await db
    .selectFrom('gallery_postings')
    .select(['term', sql<number | string>`count(distinct entry_id)`.as('n')])
    .where('term', 'in', terms)
    .groupBy('term')
    .execute();
  return new Map(rows.map((r) => [r.term, Number(r.n)]));
}

export async function entriesByIds(db: Db, ids: readonly number[]): Promise<GalleryEntryRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('gallery_entries').selectAll().where('id', 'in', ids).execute();
}

export async function entryBySlug(db: Db, slug: string): Promise<GalleryEntryRow | undefined> {
  return db.selectFrom('gallery_entries').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/**
 * Whether the competition's results are published: its `final_results` announcement exists (the kind the
 * results module writes; read here by value so the gallery imports no module).
 */
export async function resultsPublished(db: Db, competitionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('announcements')
    .select('id')
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'final_results')
    .executeTakeFirst();
  return row !== undefined;
}

/** The gallery addresses of these proposals (the results page links its finalists to them). */
export async function slugsOfProposals(db: Db, proposalIds: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < proposalIds.length; i += BATCH)
    for (const r of await db
      .selectFrom('gallery_entries')
      .select(['proposal_id', 'slug'])
      .where('proposal_id', 'in', proposalIds.slice(i, i + BATCH))
      .execute())
      out.set(r.proposal_id, r.slug);
  return out;
}
