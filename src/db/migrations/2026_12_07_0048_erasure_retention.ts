import type { Kysely } from 'kysely';

/**
 * Personal-data erasure and retention (issue 15 point 5, UU PDP 27/2022):
 *
 * - users.erased_at: when the system administrator erased the person (the row stays as a tombstone so the
 *   competition record keeps its ids; an erased account is never reactivated).
 * - retention_settings: one row (id 1) with how many days the installation keeps failed sign-ins, expired
 *   sessions, the bodies of sent or failed mail, read notifications and used or expired sign-in/password
 *   links; the daily retention job applies them. Audit rows are the competition record: no setting here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('erased_at', 'varchar(32)').execute();
  await db.schema
    .createTable('retention_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('login_failure_days', 'integer', (c) => c.notNull())
    .addColumn('session_days', 'integer', (c) => c.notNull())
    .addColumn('mail_body_days', 'integer', (c) => c.notNull())
    .addColumn('notification_days', 'integer', (c) => c.notNull())
    .addColumn('token_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(32)')
    .execute();
  await db
    .insertInto('retention_settings')
    .values({
      id: 1,
      login_failure_days: 90,
      session_days: 30,
      mail_body_days: 180,
      notification_days: 365,
      token_days: 30,
      updated_by: null,
      updated_at: null,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retention_settings').execute();
  await db.schema.alterTable('users').dropColumn('erased_at').execute();
}
