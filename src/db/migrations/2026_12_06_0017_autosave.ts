import type { Kysely } from 'kysely';

/**
 * proposals.rejected_fields: what the autosaves of a proposal refused and why, as JSON
 * `{ <field>: { code, message: {id, en}, value } }` ('' = nothing refused). An autosave stores every valid
 * field and keeps the refused ones here, as typed (modules/proposals/save-fields.ts), so any browser that
 * opens the proposal shows them flagged, and sending waits until they are put right. The refused value
 * never reaches the proposal's own columns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('proposals')
    .addColumn('rejected_fields', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('proposals').dropColumn('rejected_fields').execute();
}
