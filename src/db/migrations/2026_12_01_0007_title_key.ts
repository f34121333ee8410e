import type { Kysely } from 'kysely';
import { normalizeTitle } from '../../domain/eligibility.js';

/**
 * proposals.title_key: the normalized title (domain/eligibility `normalizeTitle`), indexed with the
 * competition, so the duplicate-title rule reads the few proposals that share a title instead of every
 * proposal of the competition on each autosave. Existing rows are filled here; null means "not known",
 * and readers treat such a row as a candidate.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('proposals').addColumn('title_key', 'varchar(255)').execute();
  const rows = (await db.selectFrom('proposals').select(['id', 'title']).execute()) as {
    id: number;
    title: string;
  }[];
  for (const r of rows)
    await db
      .updateTable('proposals')
      .set({ title_key: normalizeTitle(r.title).slice(0, 255) })
      .where('id', '=', r.id)
      .execute();
  await db.schema
    .createIndex('proposals_title_key')
    .on('proposals')
    .columns(['competition_id', 'title_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('proposals_title_key').execute();
  await db.schema.alterTable('proposals').dropColumn('title_key').execute();
}
