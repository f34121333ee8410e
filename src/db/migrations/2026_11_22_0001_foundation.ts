import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/** Foundation: accounts, institutions, competitions as data, mail outbox, audit, jobs. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);

  await db.schema
    .createTable('institutions')
    .addColumn('id', id.type, id.build)
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('short_name', 'varchar(64)')
    .addColumn('region_code', 'varchar(16)')
    .addColumn('parent_id', 'integer', (c) => c.references('institutions.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('institutions_type_region')
    .on('institutions')
    .columns(['type', 'region_code'])
    .unique()
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', id.type, id.build)
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('parent_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('units_institution_name', ['institution_id', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', id.type, id.build)
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('position', 'varchar(255)')
    .addColumn('phone', 'varchar(32)')
    .addColumn('password_hash', 'varchar(255)')
    .addColumn('locale', 'varchar(2)', (c) => c.notNull().defaultTo('id'))
    .addColumn('must_complete_profile', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_login_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('competitions')
    .addColumn('id', id.type, id.build)
    .addColumn('organizer_institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('competitions_organizer_code_year', ['organizer_institution_id', 'code', 'year'])
    .execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', id.type, id.build)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('institution_id', 'integer', (c) => c.references('institutions.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('competition_id', 'integer', (c) => c.references('competitions.id'))
    .addColumn('granted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('role_grants_user').on('role_grants').column('user_id').execute();
  await db.schema
    .createIndex('role_grants_scope')
    .on('role_grants')
    .columns(['role', 'institution_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(512)')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('password_tokens')
    .addColumn('id', id.type, id.build)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', id.type, id.build)
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_email').on('login_failures').columns(['email', 'at']).execute();
  await db.schema.createIndex('login_failures_ip').on('login_failures').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('files')
    .addColumn('id', id.type, id.build)
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'varchar(128)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(255)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_sha256').on('files').column('sha256').execute();

  await db.schema
    .createTable('admin_requests')
    .addColumn('id', id.type, id.build)
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('position', 'varchar(255)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('phone', 'varchar(32)', (c) => c.notNull())
    .addColumn('letter_number', 'varchar(128)')
    .addColumn('letter_file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('locale', 'varchar(2)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('ip', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_requests_status').on('admin_requests').column('status').execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(255)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('categories_competition_key', ['competition_id', 'key'])
    .execute();

  await db.schema
    .createTable('competition_groups')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('key', 'varchar(32)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(255)', (c) => c.notNull())
    .addColumn('description_id', 'text')
    .addColumn('description_en', 'text')
    .addColumn('min_implementation_months', 'integer', (c) => c.notNull())
    .addColumn('quota_per_institution', 'integer')
    .addColumn('invitation_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('groups_competition_key', ['competition_id', 'key'])
    .execute();

  await db.schema
    .createTable('form_sections')
    .addColumn('id', id.type, id.build)
    .addColumn('group_id', 'integer', (c) =>
      c.notNull().references('competition_groups.id').onDelete('cascade'),
    )
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('label_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(255)', (c) => c.notNull())
    .addColumn('guidance_id', 'text')
    .addColumn('guidance_en', 'text')
    .addColumn('word_limit', 'integer')
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('sections_group_key', ['group_id', 'key'])
    .execute();

  await db.schema
    .createTable('stages')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(255)', (c) => c.notNull())
    .addColumn('opens_at', 'varchar(32)')
    .addColumn('closes_at', 'varchar(32)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addUniqueConstraint('stages_competition_kind', ['competition_id', 'kind'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', id.type, id.build)
    .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
    .addColumn('to_name', 'varchar(255)')
    .addColumn('subject', 'varchar(512)', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('template', 'varchar(64)', (c) => c.notNull())
    .addColumn('locale', 'varchar(2)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'varchar(255)')
    .addColumn('eml_path', 'varchar(512)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', id.type, id.build)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(64)', (c) => c.notNull())
    .addColumn('title_id', 'varchar(512)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(512)', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(512)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', id.type, id.build)
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)')
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_created').on('audit_events').column('created_at').execute();
  await db.schema
    .createIndex('audit_events_entity')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', id.type, id.build)
    .addColumn('kind', 'varchar(64)', (c) => c.notNull())
    .addColumn('unique_key', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('run_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  if (!pg) await sql`PRAGMA foreign_keys = ON`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'jobs',
    'audit_events',
    'notifications',
    'outbox',
    'stages',
    'form_sections',
    'competition_groups',
    'categories',
    'admin_requests',
    'files',
    'login_failures',
    'password_tokens',
    'sessions',
    'role_grants',
    'competitions',
    'users',
    'units',
    'institutions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
