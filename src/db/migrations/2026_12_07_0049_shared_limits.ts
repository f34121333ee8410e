import { sql, type Kysely } from 'kysely';
import { isPostgres } from './util.js';

/**
 * Limits shared by every app process (issue 15 point 2): the rate limits of the routes (@fastify/rate-limit's
 * store) and the public rating's per-session limit count in rate_limit_windows, one row per key and fixed
 * window, incremented with one UPSERT; windows that ended are deleted lazily (platform/shared-limit.ts).
 * Instants are epoch milliseconds (bigint): compared, never shown. On PostgreSQL the table is UNLOGGED: a
 * count is written on every limited request and is worth nothing after a crash (the windows start again), so
 * it skips the write-ahead log and its flush at each commit (and is not copied to replicas).
 */
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema.createTable('rate_limit_windows');
  if (isPostgres(db)) table = table.modifyFront(sql`unlogged`);
  await table
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_windows_expiry')
    .on('rate_limit_windows')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
