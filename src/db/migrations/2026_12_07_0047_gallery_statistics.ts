import type { Kysely } from 'kysely';

/**
 * The gallery's statistics and filtered lists at 100,000 entries (issue 14 point 6, "Speed"): each GROUP BY
 * of GET /api/public/gallery/stats and each filter of the list reads an index of its column instead of the
 * table (whose rows carry the answers' text), so a count never reads an entry's row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('gallery_entries').columns(columns).execute();
  await index('gallery_entries_category', ['category_key', 'year', 'award_rank']);
  await index('gallery_entries_province', ['province_code', 'regency_code', 'year', 'award_rank']);
  await index('gallery_entries_regency', ['regency_code', 'year', 'award_rank']);
  await index('gallery_entries_type', ['institution_type', 'year', 'award_rank']);
  await index('gallery_entries_group', ['group_key', 'year', 'award_rank']);
  await index('gallery_entries_awards', ['awards', 'year', 'award_rank']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'gallery_entries_awards',
    'gallery_entries_group',
    'gallery_entries_type',
    'gallery_entries_regency',
    'gallery_entries_province',
    'gallery_entries_category',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
}
