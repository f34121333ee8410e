import { sql, type Kysely } from 'kysely';
import { isPostgres } from './util.js';

/**
 * data_revisions: one number per kind of reference data that processes keep in memory, changed (to a new
 * random number, as competitions.config_rev) by triggers on every write to its table. The award registry
 * is the first: the eligibility rules read it on every autosave (modules/awards/registry-cache.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('data_revisions')
    .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('rev', pg ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('data_revisions').values({ name: 'awards', rev: 0 }).execute();
  if (pg) {
    // competition_rev_random() comes from migration 0008.
    await sql`create function awards_rev_bump() returns trigger language plpgsql as $$
      begin
        update data_revisions set rev = competition_rev_random() where name = 'awards';
        return null;
      end $$`.execute(db);
    await sql`create trigger awards_rev after insert or update or delete on awards
      for each statement execute function awards_rev_bump()`.execute(db);
    return;
  }
  for (const [op, when] of [
    ['ins', 'insert'],
    ['upd', 'update'],
    ['del', 'delete'],
  ])
    await sql
      .raw(
        `create trigger awards_rev_${op} after ${when} on awards begin update data_revisions set rev = abs(random() % 9007199254740991) where name = 'awards'; end`,
      )
      .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists awards_rev on awards`.execute(db);
    await sql`drop function if exists awards_rev_bump()`.execute(db);
  } else
    for (const op of ['ins', 'upd', 'del'])
      await sql.raw(`drop trigger if exists awards_rev_${op}`).execute(db);
  await db.schema.dropTable('data_revisions').execute();
}
