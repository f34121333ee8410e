import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * amendments: a structural change of a published competition (Adendum), with its number, what changed (JSON
 * array of {id, en} texts, as domain/competition-changes words it), the reason, who decided and when. Shown on
 * the public competition page; rows are never changed or deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema
    .createTable('amendments')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('number', 'varchar(512)', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason_id', 'text', (c) => c.notNull())
    .addColumn('reason_en', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('amendments_competition')
    .on('amendments')
    .columns(['competition_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('amendments').ifExists().execute();
}
