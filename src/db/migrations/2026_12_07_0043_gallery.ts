import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * The public gallery of innovations and its search (issue 14). Only these tables are read by the public
 * routes: a proposal is public when a row of gallery_entries holds its snapshot.
 *
 * - gallery_entries: one row per innovation shown publicly (unique proposal_id): its stable address (slug),
 *   the public snapshot (the competition's code and name, title, acronym, summary, the answers as one text for the search and its snippets,
 *   category, group, institution, region, participant type, year, the award levels as JSON and the rank
 *   of the best one), why it is public (`basis`: finalist of published results, or consented), and its
 *   field lengths in terms for BM25F (domain/search/rank.ts).
 * - gallery_postings: (term, entry, field, tf), written by the app (domain/search/postings.ts); looked up
 *   by term with WHERE term IN (…), the same on both databases.
 * - gallery_words: the written words of each entry (the typo vocabulary of domain/search/typo.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);
  await db.schema
    .createTable('gallery_entries')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().unique().references('proposals.id').onDelete('cascade'),
    )
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('competition_code', 'varchar(16)', (c) => c.notNull())
    .addColumn('competition_name', 'text', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('category_key', 'varchar(100)')
    .addColumn('category_name_id', 'text')
    .addColumn('category_name_en', 'text')
    .addColumn('group_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('group_name_id', 'text', (c) => c.notNull())
    .addColumn('group_name_en', 'text', (c) => c.notNull())
    .addColumn('institution_name', 'text', (c) => c.notNull())
    .addColumn('institution_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('province_code', 'varchar(2)')
    .addColumn('province_name', 'text')
    .addColumn('regency_code', 'varchar(5)')
    .addColumn('regency_name', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('awards', 'text', (c) => c.notNull())
    .addColumn('award_rank', 'integer', (c) => c.notNull())
    .addColumn('basis', 'varchar(16)', (c) => c.notNull())
    .addColumn('title_length', 'integer', (c) => c.notNull())
    .addColumn('acronym_length', 'integer', (c) => c.notNull())
    .addColumn('answers_length', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gallery_entries_year')
    .on('gallery_entries')
    .columns(['year', 'award_rank'])
    .execute();
  await db.schema
    .createIndex('gallery_entries_competition')
    .on('gallery_entries')
    .column('competition_id')
    .execute();

  await db.schema
    .createTable('gallery_postings')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('gallery_entries.id').onDelete('cascade'))
    .addColumn('field', 'varchar(16)', (c) => c.notNull())
    .addColumn('tf', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gallery_postings_term').on('gallery_postings').column('term').execute();
  await db.schema.createIndex('gallery_postings_entry').on('gallery_postings').column('entry_id').execute();

  await db.schema
    .createTable('gallery_words')
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('gallery_entries.id').onDelete('cascade'))
    .addColumn('word', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('gallery_words_pk', ['entry_id', 'word'])
    .execute();
  await db.schema.createIndex('gallery_words_word').on('gallery_words').column('word').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gallery_words').ifExists().execute();
  await db.schema.dropTable('gallery_postings').ifExists().execute();
  await db.schema.dropTable('gallery_entries').ifExists().execute();
}
