import type { Kysely } from 'kysely';

/**
 * Issue 13 point 7: the season report finds the proposals that passed the administrative check or left
 * the finalists by their transition revisions (`passAdmin`, `unshortlist`) without reading every revision
 * of every proposal: autosave revisions (action null) are most of the table, the transitions a few per
 * proposal. An index by action, then proposal, reads just those.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('proposal_revisions_action')
    .on('proposal_revisions')
    .columns(['action', 'proposal_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('proposal_revisions_action').ifExists().execute();
}
