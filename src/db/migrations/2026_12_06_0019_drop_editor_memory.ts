import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Drops what migration 0011 added for the autosave's editor memory, removed in issue 10: the triggers and
 * functions that moved data_revisions('auth') when a remembered session could stop being valid, its row,
 * and the proposals_version trigger that moved proposals.version for writers that did not. Every writer of
 * a proposal row moves its version itself (the autosave, a transition, the closing); the autosave reads
 * the session and the proposal in full each time.
 *
 * And, for the closing's transition revisions (issue 10, modules/proposals/transition.ts
 * `applyTransitions`): proposal_revisions.saved_by may be null, a change made by the system (the closing
 * job), as audit_events.actor_user_id already may. SQLite cannot drop a NOT NULL, so there the table is
 * rebuilt with its rows and its one index.
 */
const AUTH_TRIGGERS_SQLITE = [
  'sessions_auth_rev_del',
  'users_auth_rev_upd',
  'users_auth_rev_del',
  'role_grants_auth_rev_ins',
  'role_grants_auth_rev_upd',
  'role_grants_auth_rev_del',
];

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists proposals_version on proposals`.execute(db);
    await sql`drop function if exists proposal_version_bump()`.execute(db);
    await sql`drop trigger if exists sessions_auth_rev on sessions`.execute(db);
    await sql`drop trigger if exists users_auth_rev on users`.execute(db);
    await sql`drop trigger if exists role_grants_auth_rev on role_grants`.execute(db);
    await sql`drop function if exists auth_rev_bump()`.execute(db);
  } else {
    await sql`drop trigger if exists proposals_version`.execute(db);
    for (const name of AUTH_TRIGGERS_SQLITE) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await db.deleteFrom('data_revisions').where('name', '=', 'auth').execute();
  await savedByNullable(db, true);
}

/** proposal_revisions.saved_by nullable (`nullable`) or NOT NULL again (the system's revisions deleted). */
async function savedByNullable(db: Kysely<any>, nullable: boolean): Promise<void> {
  if (!nullable) await db.deleteFrom('proposal_revisions').where('saved_by', 'is', null).execute();
  if (isPostgres(db)) {
    await sql
      .raw(`alter table proposal_revisions alter column saved_by ${nullable ? 'drop' : 'set'} not null`)
      .execute(db);
    return;
  }
  const id = idColumn(false);
  await db.schema
    .createTable('proposal_revisions_rebuilt')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('action', 'varchar(16)')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'integer', (c) =>
      nullable ? c.references('users.id') : c.notNull().references('users.id'),
    )
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await sql`insert into proposal_revisions_rebuilt
    (id, proposal_id, version, kind, action, snapshot, saved_by, created_at, saved_at)
    select id, proposal_id, version, kind, action, snapshot, saved_by, created_at, saved_at
    from proposal_revisions`.execute(db);
  await db.schema.dropTable('proposal_revisions').execute();
  await sql`alter table proposal_revisions_rebuilt rename to proposal_revisions`.execute(db);
  // As migration 0009 made it: the newest revision is read from the index alone.
  await db.schema
    .createIndex('proposal_revisions_latest')
    .on('proposal_revisions')
    .columns(['proposal_id', 'id', 'kind', 'saved_by', 'created_at'])
    .execute();
}

/** Puts migration 0011's triggers, functions and row back, as it made them. */
export async function down(db: Kysely<any>): Promise<void> {
  await savedByNullable(db, false);
  await db.insertInto('data_revisions').values({ name: 'auth', rev: 0 }).execute();
  if (isPostgres(db)) {
    await sql`create function auth_rev_bump() returns trigger language plpgsql as $$
      begin
        update data_revisions set rev = competition_rev_random() where name = 'auth';
        return null;
      end $$`.execute(db);
    await sql`create trigger sessions_auth_rev after delete on sessions
      for each statement execute function auth_rev_bump()`.execute(db);
    await sql`create trigger users_auth_rev after update of is_active, must_complete_profile or delete on users
      for each statement execute function auth_rev_bump()`.execute(db);
    await sql`create trigger role_grants_auth_rev after insert or update or delete on role_grants
      for each statement execute function auth_rev_bump()`.execute(db);
    await sql`create function proposal_version_bump() returns trigger language plpgsql as $$
      begin
        if new.version = old.version then new.version := old.version + 1; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger proposals_version before update on proposals
      for each row execute function proposal_version_bump()`.execute(db);
    return;
  }
  const events: Record<string, string> = {
    sessions_auth_rev_del: 'after delete on sessions',
    users_auth_rev_upd: 'after update of is_active, must_complete_profile on users',
    users_auth_rev_del: 'after delete on users',
    role_grants_auth_rev_ins: 'after insert on role_grants',
    role_grants_auth_rev_upd: 'after update on role_grants',
    role_grants_auth_rev_del: 'after delete on role_grants',
  };
  for (const name of AUTH_TRIGGERS_SQLITE)
    await sql
      .raw(
        `create trigger ${name} ${events[name]} begin update data_revisions set rev = abs(random() % 9007199254740991) where name = 'auth'; end`,
      )
      .execute(db);
  await sql`create trigger proposals_version after update on proposals
    when new.version = old.version
    begin update proposals set version = old.version + 1 where id = new.id; end`.execute(db);
}
