import type { Kysely } from 'kysely';

/**
 * Issue 13 point 6: publishing a competition's results writes its winners into the award registry. Such a
 * row names the competition and the proposal it came from (both null for rows imported from public pages
 * or typed by the data steward), so the season report and the gallery read a competition's awards without
 * matching names, and publishing twice never writes a row twice (one row per competition, proposal and
 * level).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('awards')
    .addColumn('competition_id', 'integer', (c) => c.references('competitions.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('awards')
    .addColumn('proposal_id', 'integer', (c) => c.references('proposals.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('awards_from_proposal')
    .on('awards')
    .columns(['competition_id', 'proposal_id', 'level'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('awards_from_proposal').ifExists().execute();
  await db.schema.alterTable('awards').dropColumn('proposal_id').execute();
  await db.schema.alterTable('awards').dropColumn('competition_id').execute();
}
