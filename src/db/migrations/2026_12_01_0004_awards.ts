import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/** The registry of past awards (KIPP Top 99, Top Terpuji, …) that the group eligibility rules check. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);

  await db.schema
    .createTable('awards')
    .addColumn('id', id.type, id.build)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(32)', (c) => c.notNull())
    .addColumn('innovation_title', 'varchar(500)', (c) => c.notNull())
    // As the source wrote it; '' when the source names none (so the unique index still applies).
    .addColumn('institution_name', 'varchar(500)', (c) => c.notNull())
    .addColumn('institution_id', 'integer', (c) => c.references('institutions.id').onDelete('set null'))
    .addColumn('source_url', 'varchar(2000)')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // An expression index works the same in SQLite (3.9+) and PostgreSQL; commands check it first for a
  // readable 409 and treat a violation as the same conflict when two requests race.
  await sql`create unique index awards_identity on awards (year, level, lower(innovation_title), institution_name)`.execute(
    db,
  );
  await db.schema.createIndex('awards_institution').on('awards').column('institution_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('awards').ifExists().execute();
}
