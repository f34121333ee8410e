import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Eligibility configuration and the khusus invitations:
 * - competition_groups.source_years: JSON array of the award years a replikasi source may come from
 *   (e.g. [2014, …, 2019]); null = any year;
 * - invitations: an institution invited (by letter) into an invitation-only group of a competition,
 *   optionally for one award of the registry; revoked by setting revoked_at (rows are never deleted).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema.alterTable('competition_groups').addColumn('source_years', 'text').execute();
  await db.schema
    .createTable('invitations')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'integer', (c) => c.notNull().references('competition_groups.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('award_id', 'integer', (c) => c.references('awards.id'))
    .addColumn('letter_number', 'varchar(512)', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('invitations_lookup')
    .on('invitations')
    .columns(['competition_id', 'group_id', 'institution_id'])
    .execute();
  await db.schema.createIndex('invitations_award').on('invitations').column('award_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitations').ifExists().execute();
  await db.schema.alterTable('competition_groups').dropColumn('source_years').execute();
}
