import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/** Proposals: the proposal itself, one answer per form section, revisions, and the per-competition ID counter. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);

  // One row per competition; the next proposal number is taken with one atomic upsert.
  await db.schema
    .createTable('proposal_counters')
    .addColumn('competition_id', 'integer', (c) =>
      c.primaryKey().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) => c.notNull().references('competitions.id'))
    .addColumn('code', 'varchar(48)', (c) => c.notNull().unique())
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('competition_groups.id'))
    .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
    .addColumn('title', 'varchar(255)', (c) => c.notNull())
    .addColumn('acronym', 'varchar(64)')
    .addColumn('implementation_start', 'varchar(10)')
    .addColumn('innovator_kind', 'varchar(8)')
    .addColumn('innovator_names', 'text')
    .addColumn('contact_name', 'varchar(255)')
    .addColumn('contact_phone', 'varchar(32)')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('declaration_accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .addColumn('forwarded_at', 'varchar(32)')
    .addColumn('received_at', 'varchar(32)')
    .addColumn('returned_note', 'text')
    .addColumn('source_award_id', 'integer')
    .execute();
  await db.schema
    .createIndex('proposals_scope')
    .on('proposals')
    .columns(['competition_id', 'institution_id', 'group_id', 'state'])
    .execute();
  await db.schema.createIndex('proposals_unit').on('proposals').columns(['unit_id', 'state']).execute();

  await db.schema
    .createTable('proposal_answers')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('form_sections.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('proposal_answers_section', ['proposal_id', 'section_id'])
    .execute();

  await db.schema
    .createTable('proposal_revisions')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    /** The action of a transition revision ('created', 'send', ...); null for an autosave. */
    .addColumn('action', 'varchar(16)')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_revisions_proposal')
    .on('proposal_revisions')
    .columns(['proposal_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['proposal_revisions', 'proposal_answers', 'proposals', 'proposal_counters'])
    await db.schema.dropTable(table).ifExists().execute();
}
