import { sql, type Kysely } from 'kysely';
import { isPostgres } from './util.js';

/**
 * The administrative check's working columns (issue 12 point 1):
 * - admin_checks.fingerprint: the MinHash signatures of the proposal's answers (domain/admin-check-similarity),
 *   written when the check row is made and again when the proposal is completed, so "answers copied from
 *   another proposal" compares 3,500 proposals without reading their texts.
 * - admin_checks.completed_at: when the admin lokal last sent the completion (the "dilengkapi" marker).
 * - proposal_revisions.action widened from 16 to 32 characters: the transitions of issue 12 include
 *   `requestCompletion` (17), which PostgreSQL refused (SQLite does not enforce the length).
 * - admin_checks_claim: "Ambil berikutnya" looks for the oldest undecided check of a competition whose
 *   claim is free.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db))
    await sql`alter table proposal_revisions alter column action type varchar(32)`.execute(db);
  await db.schema.alterTable('admin_checks').addColumn('fingerprint', 'text').execute();
  await db.schema.alterTable('admin_checks').addColumn('completed_at', 'varchar(32)').execute();
  await db.schema
    .createIndex('admin_checks_claim')
    .on('admin_checks')
    .columns(['competition_id', 'claimed_until', 'proposal_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('admin_checks_claim').ifExists().execute();
  await db.schema.alterTable('admin_checks').dropColumn('completed_at').execute();
  await db.schema.alterTable('admin_checks').dropColumn('fingerprint').execute();
}
