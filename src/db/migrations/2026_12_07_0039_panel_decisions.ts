import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * The final session (issue 13 point 4): the Tim Panel Independen's decision per finalist in the
 * competition's `final_panel` stage, staged and editable until the results are published.
 *
 * panel_decisions: one per stage and proposal. `award_key` names one award of the stage's settings
 * (domain/final-panel-settings.ts, e.g. `top45`), null = not awarded; the registry level is read from the
 * settings when the results are published, so the decision stays what the panel chose. `reason` is
 * required. `version` moves on every change (the page sends the version it showed).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema
    .createTable('panel_decisions')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('award_key', 'varchar(64)')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('panel_decisions_once')
    .on('panel_decisions')
    .columns(['stage_id', 'proposal_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('panel_decisions').ifExists().execute();
}
