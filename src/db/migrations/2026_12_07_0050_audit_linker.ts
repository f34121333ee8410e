import { sql, type Kysely } from 'kysely';

/**
 * The audit chain linked after commit (issue 15, the PostgreSQL deadline surge): an audited change inserts its
 * event unlinked (chain_seq NULL, prev_hash NULL, hash '') as part of its own transaction and takes no lock;
 * the linker (platform/audit-linker.ts, run by the worker) links the committed events, in the order it finds
 * them, under the chain's lock, and moves the signed checkpoint. chain_seq is an event's place in the chain
 * (1, 2, …): the chain is read in that order, which is the order of linking, not of ids (two changes commit in
 * either order whatever ids they took). Every event already stored was linked in id order: its place is its
 * rank by id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('chain_seq', 'bigint').execute();
  await sql`update audit_events set chain_seq = r.seq
    from (select id, row_number() over (order by id) as seq from audit_events) as r
    where audit_events.id = r.id`.execute(db);
  await db.schema
    .createIndex('audit_events_chain_seq')
    .on('audit_events')
    .column('chain_seq')
    .unique()
    .execute();
  // The linker's one read: the events not linked yet, oldest first (few at any moment).
  await db.schema
    .createIndex('audit_events_unlinked')
    .on('audit_events')
    .column('id')
    .where(sql.ref('chain_seq'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_events_unlinked').execute();
  await db.schema.dropIndex('audit_events_chain_seq').execute();
  await db.schema.alterTable('audit_events').dropColumn('chain_seq').execute();
}
