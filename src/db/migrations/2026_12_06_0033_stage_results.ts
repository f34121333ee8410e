import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * stage_results (issue 12 point 5): the results of a scored stage, set by the secretariat once every
 * proposal of the stage is scored: each proposal's raw and normalized score, the score that counts (the
 * stage's basis), and its outcome: advanced (reached the pass mark: the next stage takes it) or stopped.
 * One row per stage and proposal; set once (the stage's results are final).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);
  const real = pg ? 'double precision' : 'real';
  await db.schema
    .createTable('stage_results')
    .addColumn('id', id.type, id.build)
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('raw_score', real)
    .addColumn('normalized_score', real)
    .addColumn('score', real)
    .addColumn('basis', 'varchar(16)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('explanation_id', 'text', (c) => c.notNull())
    .addColumn('explanation_en', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stage_results_once')
    .on('stage_results')
    .columns(['stage_id', 'proposal_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stage_results').ifExists().execute();
}
