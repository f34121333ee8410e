import { sql, type Kysely } from 'kysely';

/**
 * The open autosave revision keeps no copy of the proposal (modules/proposals/steps.ts): while a person is
 * typing, the newest autosave revision of a proposal is "pending" (snapshot ''), its content being the
 * proposal itself, and it is written out once, when the next revision starts. Until now that revision
 * was rewritten whole on every autosave. Under the old rule the newest autosave revision always held the
 * proposal as it is, so marking those pending changes nothing a reader sees.
 *
 * The newest revision is looked up on every autosave; an index that carries the columns read spares
 * reading the row, whose snapshot runs over several pages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update proposal_revisions set snapshot = ''
    where kind = 'autosave'
      and id in (select max(id) from proposal_revisions group by proposal_id)`.execute(db);
  await db.schema
    .createIndex('proposal_revisions_latest')
    .on('proposal_revisions')
    .columns(['proposal_id', 'id', 'kind', 'saved_by', 'created_at'])
    .execute();
  await db.schema.dropIndex('proposal_revisions_proposal').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('proposal_revisions_proposal')
    .on('proposal_revisions')
    .columns(['proposal_id', 'id'])
    .execute();
  await db.schema.dropIndex('proposal_revisions_latest').execute();
}
