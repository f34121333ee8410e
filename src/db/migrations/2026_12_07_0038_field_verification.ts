import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Field verification (issue 13 point 3, seed 000 step 7: "verifikasi dan observasi secara terbuka dan/atau
 * tertutup"). The secretariat plans visits to finalists; the verifiers work on a phone that may be offline,
 * so every change arrives as an operation with a client-generated id and is applied once.
 *
 * - field_visits: one planned visit to one finalist in the `field_verification` stage. kind open (terbuka:
 *   the participant is told) | closed (tertutup: never shown to the participant). starts_at is the instant,
 *   time_zone the zone of the place (WIB/WITA/WIT). status planned → submitted (the report, read-only), or
 *   cancelled. recommendation recommended | recommended_with_notes | not_recommended; summary the report's
 *   text. version: the optimistic lock of the secretariat's changes.
 * - field_visit_verifiers: who verifies (a panelist of the competition or a secretariat member of the
 *   organizer), one or more.
 * - field_findings: per claim of the finalist (domain/field-verification.ts claim keys): confirmed |
 *   partly | not_found, with a note; the last applied operation wins.
 * - field_photos: taken on the spot: capture time, place (latitude, longitude, accuracy in metres) or why
 *   there is none (geo_status denied | unavailable), the claim it documents; client_id unique per visit.
 * - field_operations: every applied operation by its client id (unique per visit) and its stored answer,
 *   so a replay answers as the first time and changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema
    .createTable('field_visits')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('region_code', 'varchar(16)')
    .addColumn('starts_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull().defaultTo('planned'))
    .addColumn('recommendation', 'varchar(32)')
    .addColumn('summary', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('cancelled_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('field_visits_competition')
    .on('field_visits')
    .columns(['competition_id', 'proposal_id'])
    .execute();
  await db.schema
    .createTable('field_visit_verifiers')
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('field_visits.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('field_visit_verifiers_pk', ['visit_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('field_visit_verifiers_user')
    .on('field_visit_verifiers')
    .columns(['user_id'])
    .execute();
  await db.schema
    .createTable('field_findings')
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('field_visits.id').onDelete('cascade'))
    .addColumn('claim_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)')
    .addColumn('note', 'text')
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_findings_pk', ['visit_id', 'claim_key'])
    .execute();
  await db.schema
    .createTable('field_photos')
    .addColumn('id', id.type, id.build)
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('field_visits.id').onDelete('cascade'))
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('claim_key', 'varchar(80)')
    .addColumn('caption', 'text')
    .addColumn('taken_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('accuracy', 'real')
    .addColumn('geo_status', 'varchar(12)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('field_photos_client')
    .on('field_photos')
    .columns(['visit_id', 'client_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('field_operations')
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('field_visits.id').onDelete('cascade'))
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_operations_pk', ['visit_id', 'client_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'field_operations',
    'field_photos',
    'field_findings',
    'field_visit_verifiers',
    'field_visits',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
