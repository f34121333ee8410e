import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * participation_reminders (issue 11 point 7): one row per person reminded to take part in a competition,
 * by the organizer (level 'institution': an admin lokal of an institution that has forwarded nothing) or
 * by an admin lokal (level 'unit': a UPP of a unit with no proposal). Keeps the last reminder per
 * institution/unit for the participation view and enforces one reminder per recipient per 24 hours.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema
    .createTable('participation_reminders')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('recipient_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('sent_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('participation_reminders_recipient')
    .on('participation_reminders')
    .columns(['competition_id', 'level', 'recipient_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('participation_reminders_institution')
    .on('participation_reminders')
    .columns(['competition_id', 'level', 'institution_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('participation_reminders').ifExists().execute();
}
