import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Evidence of a proposal: each row ties one stored file (files, content-addressed by sha256) to a proposal,
 * optionally to one section of its form, with a kind ('evidence', or 'replication_statement' for the signed
 * statement a replikasi proposal must attach).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema
    .createTable('proposal_attachments')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.references('form_sections.id'))
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_attachments_proposal')
    .on('proposal_attachments')
    .columns(['proposal_id', 'id'])
    .execute();
  await db.schema
    .createIndex('proposal_attachments_file')
    .on('proposal_attachments')
    .column('file_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proposal_attachments').ifExists().execute();
}
