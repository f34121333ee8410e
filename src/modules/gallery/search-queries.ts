import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Field } from '../../domain/search/fields.js';
import { filtered, type GalleryFilter } from './queries.js';

/*
 * The search's bounded reads at gallery scale (issue 14 "Speed", 100,000 entries): a cheap stamp of the
 * index (three indexed aggregates, no scan), the postings of one term in one field best first up to a cap
 * (index gallery_postings_impact), and the postings of the query's terms in the candidates found
 * (index gallery_postings_entry_term). Migration 0047 made the indexes.
 */

const BATCH = 500;

/** Moves whenever an entry is written or removed: the entries' count, the last id, the last update. */
export async function corpusStamp(db: Db): Promise<string> {
  const row = await sql<{ n: number | string; id: number | null; at: string | null }>`
    select (select count(*) from gallery_entries) as n,
           (select max(id) from gallery_entries) as id,
           (select max(updated_at) from gallery_entries) as at`.execute(db);
  const r = row.rows[0]!;
  return `${r.n}|${r.id ?? ''}|${r.at ?? ''}`;
}

const postingColumns = [
  'e.id',
  'e.year',
  'e.award_rank',
  'e.title_length',
  'e.acronym_length',
  'e.answers_length',
  'gp.term',
  'gp.field',
  'gp.tf',
] as const;

const typed = <R extends { field: string; tf: number | string }>(rows: R[]) =>
  rows.map((r) => ({ ...r, field: r.field as Field, tf: Number(r.tf) }));

/**
 * The postings of `term` in `field` among the filtered entries, highest frequency first (then the newest
 * entry), at most `cap` rows: the search reads a bounded share of a term every entry holds.
 */
export async function cappedPostings(db: Db, term: string, field: Field, f: GalleryFilter, cap: number) {
  const rows = await filtered(db, f)
    .innerJoin('gallery_postings as gp', 'gp.entry_id', 'e.id')
    .select(postingColumns)
    .where('gp.term', '=', term)
    .where('gp.field', '=', field)
    .orderBy('gp.tf', 'desc')
    .orderBy('gp.entry_id', 'desc')
    .limit(cap)
    .execute();
  return typed(rows);
}

/** Every posting of these terms in these entries (to score each candidate on all the query's terms). */
export async function postingsOfEntries(db: Db, terms: readonly string[], ids: readonly number[]) {
  const out = [];
  if (!terms.length) return [];
  for (let i = 0; i < ids.length; i += BATCH)
    out.push(
      ...typed(
        await db
          .selectFrom('gallery_postings as gp')
          .select(['gp.entry_id', 'gp.term', 'gp.field', 'gp.tf'])
          .where('gp.entry_id', 'in', ids.slice(i, i + BATCH))
          .where('gp.term', 'in', terms)
          .execute(),
      ),
    );
  return out;
}
