import type { Kysely } from 'kysely';

/**
 * review_team_settings (issue 12 point 2): the settings of a competition's review teams that are not part
 * of its definition, so they may change after the closing without an amendment: the regional conflict rule
 * (domain/conflicts.ts: 'none' | 'same_province' | 'same_regency'). One row per competition, written
 * the first time the secretariat sets something; no row means the defaults.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_team_settings')
    .addColumn('competition_id', 'integer', (c) =>
      c.primaryKey().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('regional_conflict', 'varchar(16)', (c) => c.notNull().defaultTo('none'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_team_settings').ifExists().execute();
}
