import { sql, type Kysely } from 'kysely';
import { isPostgres } from './util.js';

/**
 * competitions.config_rev: a number that changes whenever the competition's setup changes — its own row,
 * its categories, groups, form sections or stages — set by triggers, so that no writer can forget it.
 * Processes keep the setup in memory keyed by (competition, config_rev) (modules/competitions/setup-
 * cache.ts) and read the number with the proposal in the same query: a change made by any process is seen
 * by the next request everywhere. The new number is random, not the old one plus one: a change rolled back
 * leaves its number unused for good, so a setup read inside that transaction can never be taken for the
 * setup of a later, committed change.
 */
const CHILDREN = ['categories', 'competition_groups', 'stages'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('competitions')
    .addColumn('config_rev', isPostgres(db) ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db)) {
    await sql`create function competition_rev_random() returns bigint language sql volatile as $$
      select floor(random() * 9007199254740991)::bigint $$`.execute(db);
    await sql`create function competition_config_bump() returns trigger language plpgsql as $$
      begin
        if new.config_rev = old.config_rev then new.config_rev := competition_rev_random(); end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger competitions_config_rev before update on competitions
      for each row execute function competition_config_bump()`.execute(db);
    await sql`create function competition_child_bump() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          update competitions set config_rev = competition_rev_random() where id = old.competition_id;
        end if;
        if tg_op <> 'DELETE' then
          update competitions set config_rev = competition_rev_random() where id = new.competition_id;
        end if;
        return null;
      end $$`.execute(db);
    for (const table of CHILDREN)
      await sql`create trigger ${sql.raw(`${table}_config_rev`)} after insert or update or delete on ${sql.table(table)}
        for each row execute function competition_child_bump()`.execute(db);
    await sql`create function form_section_bump() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          update competitions set config_rev = competition_rev_random()
           where id = (select competition_id from competition_groups where id = old.group_id);
        end if;
        if tg_op <> 'DELETE' then
          update competitions set config_rev = competition_rev_random()
           where id = (select competition_id from competition_groups where id = new.group_id);
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger form_sections_config_rev after insert or update or delete on form_sections
      for each row execute function form_section_bump()`.execute(db);
    return;
  }
  // SQLite: recursive triggers are off, and the guard keeps a bump from bumping again.
  await sql`create trigger competitions_config_rev after update on competitions
    when new.config_rev = old.config_rev
    begin update competitions set config_rev = abs(random() % 9007199254740991) where id = new.id; end`.execute(
    db,
  );
  const bump = (row: 'new' | 'old', via: 'competition' | 'group') =>
    via === 'competition'
      ? `update competitions set config_rev = abs(random() % 9007199254740991) where id = ${row}.competition_id;`
      : `update competitions set config_rev = abs(random() % 9007199254740991) where id = (select competition_id from competition_groups where id = ${row}.group_id);`;
  const tables = [...CHILDREN.map((t) => [t, 'competition'] as const), ['form_sections', 'group'] as const];
  for (const [table, via] of tables) {
    await sql
      .raw(`create trigger ${table}_config_rev_ins after insert on ${table} begin ${bump('new', via)} end`)
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_config_rev_upd after update on ${table} begin ${bump('old', via)} ${bump('new', via)} end`,
      )
      .execute(db);
    await sql
      .raw(`create trigger ${table}_config_rev_del after delete on ${table} begin ${bump('old', via)} end`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of [...CHILDREN, 'form_sections', 'competitions'])
      await sql`drop trigger if exists ${sql.raw(`${table}_config_rev`)} on ${sql.table(table)}`.execute(db);
    for (const fn of [
      'competition_config_bump',
      'competition_child_bump',
      'form_section_bump',
      'competition_rev_random',
    ])
      await sql`drop function if exists ${sql.raw(fn)}()`.execute(db);
  } else {
    await sql`drop trigger if exists competitions_config_rev`.execute(db);
    for (const table of [...CHILDREN, 'form_sections'])
      for (const op of ['ins', 'upd', 'del'])
        await sql.raw(`drop trigger if exists ${table}_config_rev_${op}`).execute(db);
  }
  await db.schema.alterTable('competitions').dropColumn('config_rev').execute();
}
