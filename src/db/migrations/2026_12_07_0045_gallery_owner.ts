import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * The owner's side of the gallery (issue 14 points 1 and 4), per innovation keyed by its proposal:
 *
 * - gallery_owner_settings: one row per proposal whose institution set something: the consent of a
 *   non-finalist (`consent` given|withdrawn, by whom, when) and the contact for replication (name,
 *   position/unit, e-mail, phone; all optional, at least an e-mail or a phone when set).
 * - gallery_public_files: the proposal's attachments its institution marked public (one row each).
 * - gallery_status_confirmations: the yearly confirmation (proposal, year, continuing|halted, the reason
 *   when halted, by whom, when); one per proposal and year (a later confirmation the same year replaces it).
 * - gallery_status_prompts: the per-year marker of the yearly prompt mail, one per institution and year,
 *   so the prompt is mailed once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);
  await db.schema
    .createTable('gallery_owner_settings')
    .addColumn('proposal_id', 'integer', (c) => c.primaryKey().references('proposals.id').onDelete('cascade'))
    .addColumn('consent', 'varchar(16)')
    .addColumn('consent_by', 'integer', (c) => c.references('users.id'))
    .addColumn('consent_at', 'varchar(32)')
    .addColumn('contact_name', 'text')
    .addColumn('contact_position', 'text')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('contact_phone', 'varchar(32)')
    .addColumn('contact_by', 'integer', (c) => c.references('users.id'))
    .addColumn('contact_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('gallery_public_files')
    .addColumn('attachment_id', 'integer', (c) =>
      c.primaryKey().references('proposal_attachments.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('marked_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('marked_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gallery_public_files_proposal')
    .on('gallery_public_files')
    .column('proposal_id')
    .execute();

  await db.schema
    .createTable('gallery_status_confirmations')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('confirmed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('confirmed_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('gallery_status_confirmations_year', ['proposal_id', 'year'])
    .execute();

  await db.schema
    .createTable('gallery_status_prompts')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('institution_id', 'integer', (c) =>
      c.notNull().references('institutions.id').onDelete('cascade'),
    )
    .addColumn('innovations', 'integer', (c) => c.notNull())
    .addColumn('mailed', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('gallery_status_prompts_pk', ['year', 'institution_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gallery_status_prompts').ifExists().execute();
  await db.schema.dropTable('gallery_status_confirmations').ifExists().execute();
  await db.schema.dropTable('gallery_public_files').ifExists().execute();
  await db.schema.dropTable('gallery_owner_settings').ifExists().execute();
}
