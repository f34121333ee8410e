import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Replication between institutions (issue 14 point 3): an institution asks the owner of an innovation of the
 * gallery to replicate it. One row per request:
 * - the innovation by its proposal (the gallery entry is found by proposal_id; an entry's row may be rewritten
 *   when its competition is indexed again, the proposal stays), the owner institution (the proposal's, kept as
 *   it was when asked) and the requesting institution, the person who asked;
 * - the requester's contact (name, e-mail, phone) and message, shown to the owner at once;
 * - the state: requested → accepted | declined (by the owner's admin lokal), requested → withdrawn (by the
 *   requester); an answered request is final. On accept the owner's contact for replication is stored with
 *   it and shown to the requester; on decline the reason.
 * One open request per (innovation, requesting institution): a partial unique index (the same on both
 * databases) refuses a second one even when two arrive at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema
    .createTable('replication_requests')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('owner_institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('requesting_institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'varchar(255)', (c) => c.notNull())
    .addColumn('contact_phone', 'varchar(32)')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answer_message', 'text')
    .addColumn('owner_contact_name', 'text')
    .addColumn('owner_contact_email', 'varchar(255)')
    .addColumn('owner_contact_phone', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('answered_at', 'varchar(32)')
    .execute();
  await sql`create unique index replication_requests_open on replication_requests (proposal_id, requesting_institution_id) where state = 'requested'`.execute(
    db,
  );
  await db.schema
    .createIndex('replication_requests_owner')
    .on('replication_requests')
    .columns(['owner_institution_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('replication_requests_requester')
    .on('replication_requests')
    .columns(['requesting_institution_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('replication_requests_proposal')
    .on('replication_requests')
    .columns(['proposal_id', 'state'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('replication_requests').ifExists().execute();
}
