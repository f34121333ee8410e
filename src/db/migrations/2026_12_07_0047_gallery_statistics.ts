import type { Kysely } from 'kysely';

/**
 * The gallery's statistics and filtered lists at 100,000 entries (issue 14 point 6, "Speed"): each GROUP BY
 * of GET /api/public/gallery/stats and each filter of the list reads an index of its column instead of the
 * table (whose rows carry the answers' text), so a count never reads an entry's row; the search reads a
 * term's postings best first up to a cap, and a candidate's postings, from covering indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('gallery_entries').columns(columns).execute();
  // The list's orders (year newest first, then award, then address; or award first), so a page is read
  // in order and stops after its rows, with each filter's column first.
  await index('gallery_entries_by_year', ['year desc', 'award_rank', 'slug']);
  await index('gallery_entries_by_award', ['award_rank', 'year desc', 'slug']);
  await index('gallery_entries_category', ['category_key', 'year desc', 'award_rank', 'slug']);
  await index('gallery_entries_province', ['province_code', 'year desc', 'award_rank', 'slug']);
  await index('gallery_entries_regency', ['regency_code', 'year desc', 'award_rank', 'slug']);
  await index('gallery_entries_type', ['institution_type', 'year desc', 'award_rank', 'slug']);
  await index('gallery_entries_group', ['group_key', 'year desc', 'award_rank', 'slug']);
  await index('gallery_entries_awards', ['awards', 'year desc', 'award_rank', 'slug']);
  // The search's stamp reads the last update without a scan (modules/gallery/search-queries.ts).
  await index('gallery_entries_updated', ['updated_at']);
  // A term's postings in a field best first, capped (the impact order), and a candidate's postings of the
  // query's terms; both cover what they read.
  await db.schema
    .createIndex('gallery_postings_impact')
    .on('gallery_postings')
    .columns(['term', 'field', 'tf', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('gallery_postings_entry_term')
    .on('gallery_postings')
    .columns(['entry_id', 'term', 'field', 'tf'])
    .execute();
  // Their prefixes: the indexes of 0043 on term alone and on entry alone only slow the writes now.
  await db.schema.dropIndex('gallery_postings_term').execute();
  await db.schema.dropIndex('gallery_postings_entry').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('gallery_postings_term').on('gallery_postings').column('term').execute();
  await db.schema.createIndex('gallery_postings_entry').on('gallery_postings').column('entry_id').execute();
  await db.schema.dropIndex('gallery_postings_entry_term').ifExists().execute();
  await db.schema.dropIndex('gallery_postings_impact').ifExists().execute();
  for (const name of [
    'gallery_entries_by_year',
    'gallery_entries_by_award',
    'gallery_entries_updated',
    'gallery_entries_awards',
    'gallery_entries_group',
    'gallery_entries_type',
    'gallery_entries_regency',
    'gallery_entries_province',
    'gallery_entries_category',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
}
