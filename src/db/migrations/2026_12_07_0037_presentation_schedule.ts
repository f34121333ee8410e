import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * The presentation and interview schedule (issue 13 point 2, the logistics half). The slot shape, the
 * quorum, the upload deadline and the letter number's pattern are settings of the `presentation` stage
 * (domain/presentation-settings.ts, under `presentation` in stages.settings); these tables hold the rest.
 *
 * presentation_sessions: one sitting of the panel (start and end instants, offline in a room or online with
 * a meeting link, the groups it hears). presentation_session_panelists: who sits in it.
 * presentation_slots: one finalist placed in a session at a slot index (its instants kept with it), once
 * per stage; origin auto | manual | reschedule. presentation_schedules: per stage, the publication (who,
 * when), the next letter sequence number and a version moving on every change.
 * presentation_letters: each invitation letter issued (number, revision, the slot it names); a
 * rescheduling issues a new one and marks the old one superseded.
 * presentation_uploads: a finalist's presentation file and video link. reschedule_requests: the admin
 * lokal's request to move a slot (reason, the times they cannot make, JSON) and its decision.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);
  await db.schema
    .createTable('presentation_sessions')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('room', 'varchar(200)')
    .addColumn('meeting_url', 'varchar(500)')
    .addColumn('group_keys', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('presentation_sessions_stage')
    .on('presentation_sessions')
    .columns(['stage_id', 'starts_at'])
    .execute();
  await db.schema
    .createTable('presentation_session_panelists')
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('presentation_sessions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('presentation_session_panelists_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('presentation_session_panelists_user')
    .on('presentation_session_panelists')
    .columns(['user_id'])
    .execute();
  await db.schema
    .createTable('presentation_slots')
    .addColumn('id', id.type, id.build)
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('presentation_sessions.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('slot_index', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('presentation_slots_once')
    .on('presentation_slots')
    .columns(['stage_id', 'proposal_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('presentation_slots_place')
    .on('presentation_slots')
    .columns(['session_id', 'slot_index'])
    .unique()
    .execute();
  await db.schema
    .createTable('presentation_schedules')
    .addColumn('stage_id', 'integer', (c) => c.primaryKey().references('stages.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_letter_seq', 'integer')
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('presentation_letters')
    .addColumn('id', id.type, id.build)
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('letter_number', 'varchar(100)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('presentation_sessions.id').onDelete('cascade'),
    )
    .addColumn('starts_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('issued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('superseded_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('presentation_letters_revision')
    .on('presentation_letters')
    .columns(['stage_id', 'proposal_id', 'revision'])
    .unique()
    .execute();
  await db.schema
    .createTable('presentation_uploads')
    .addColumn('id', id.type, id.build)
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('video_url', 'varchar(500)')
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('presentation_uploads_once')
    .on('presentation_uploads')
    .columns(['stage_id', 'proposal_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('reschedule_requests')
    .addColumn('id', id.type, id.build)
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('unavailable', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('reschedule_requests_proposal')
    .on('reschedule_requests')
    .columns(['stage_id', 'proposal_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reschedule_requests',
    'presentation_uploads',
    'presentation_letters',
    'presentation_schedules',
    'presentation_slots',
    'presentation_session_panelists',
    'presentation_sessions',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
