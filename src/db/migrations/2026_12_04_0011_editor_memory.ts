import { sql, type Kysely } from 'kysely';
import { isPostgres } from './util.js';

/**
 * What lets a process trust, for the next autosave, what it remembers of the last one (see
 * modules/proposals/commands/save-proposal.ts), checked in the autosave's own transaction:
 *
 * - data_revisions('auth'): a new random number whenever a remembered session could stop being valid: a
 *   session deleted (logout, password change, expiry clean-up), a user deactivated or sent back to complete
 *   the profile, a role grant given, changed or taken away. A new session (login) and a session's sliding
 *   expiry do not change it: a remembered session is never used past the expiry it was read with.
 * - proposals.version moves with every change of a proposal row: a writer that does not move it itself
 *   has it moved by the trigger, so a proposal read at version v is still the same while its version is v.
 */
const AUTH_TRIGGERS_SQLITE: [name: string, event: string][] = [
  ['sessions_auth_rev_del', 'after delete on sessions'],
  ['users_auth_rev_upd', 'after update of is_active, must_complete_profile on users'],
  ['users_auth_rev_del', 'after delete on users'],
  ['role_grants_auth_rev_ins', 'after insert on role_grants'],
  ['role_grants_auth_rev_upd', 'after update on role_grants'],
  ['role_grants_auth_rev_del', 'after delete on role_grants'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('data_revisions').values({ name: 'auth', rev: 0 }).execute();
  if (isPostgres(db)) {
    // competition_rev_random() comes from migration 0008.
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
  for (const [name, event] of AUTH_TRIGGERS_SQLITE)
    await sql
      .raw(
        `create trigger ${name} ${event} begin update data_revisions set rev = abs(random() % 9007199254740991) where name = 'auth'; end`,
      )
      .execute(db);
  // Recursive triggers are off, and the guard keeps the bump from bumping again.
  await sql`create trigger proposals_version after update on proposals
    when new.version = old.version
    begin update proposals set version = old.version + 1 where id = new.id; end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists proposals_version on proposals`.execute(db);
    await sql`drop function if exists proposal_version_bump()`.execute(db);
    await sql`drop trigger if exists sessions_auth_rev on sessions`.execute(db);
    await sql`drop trigger if exists users_auth_rev on users`.execute(db);
    await sql`drop trigger if exists role_grants_auth_rev on role_grants`.execute(db);
    await sql`drop function if exists auth_rev_bump()`.execute(db);
  } else {
    await sql`drop trigger if exists proposals_version`.execute(db);
    for (const [name] of AUTH_TRIGGERS_SQLITE) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await db.deleteFrom('data_revisions').where('name', '=', 'auth').execute();
}
