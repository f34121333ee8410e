import type { Kysely } from 'kysely';

/**
 * Login throttling that slows the attacker, not the owner (modules/auth/login-throttle.ts):
 * login_failures.device names the known device (the signed cookie's id for that account) an attempt came
 * from, so its owner is judged by that device's own failures; kind separates failed logins from wrong
 * current passwords on the change-password route. Password tokens gain the purpose 'sign_in' (the
 * e-mailed one-time sign-in link); the column is already wide enough.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_failures').addColumn('device', 'varchar(64)').execute();
  await db.schema
    .alterTable('login_failures')
    .addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('login'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_failures').dropColumn('kind').execute();
  await db.schema.alterTable('login_failures').dropColumn('device').execute();
}
