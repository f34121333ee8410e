import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * The finalists (issue 12 point 7): one STAGED selection per `finalists` stage, computed by the exact solver
 * (domain/shortlist) from the evidence stage's results, then published as the provisional list (the uji
 * publik opens) and finally fixed with its decree number.
 *
 * finalist_selections: the settings it was computed with (JSON snapshot), feasible, the infeasibility report
 * (`problems`, JSON, with its text), the quota outcomes (`quota_outcomes`, JSON), the solver's stats and the
 * places left unfilled (`stats`, JSON), who computed it and when, the provisional publication (at, by, its
 * letter number) and the final one (at, by, decree number). `version` moves on every recompute.
 * finalist_lines: one per candidate of the computation: its score, rank in its group without quotas,
 * whether it passes the mark, is in the plain top N, is selected, the reason (domain/shortlist
 * FinalistReason), the quotas the reason names (JSON) and the explanation in both languages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);
  const real = pg ? 'double precision' : 'real';
  await db.schema
    .createTable('finalist_selections')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('feasible', 'integer', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('quota_outcomes', 'text', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('computed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('provisional_letter_number', 'varchar(100)')
    .addColumn('provisional_published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('provisional_published_at', 'varchar(32)')
    .addColumn('decree_number', 'varchar(100)')
    .addColumn('final_published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('final_published_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('finalist_selections_stage')
    .on('finalist_selections')
    .columns(['stage_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('finalist_lines')
    .addColumn('id', id.type, id.build)
    .addColumn('selection_id', 'integer', (c) =>
      c.notNull().references('finalist_selections.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('group_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('rank_in_group', 'integer', (c) => c.notNull())
    .addColumn('passes_mark', 'integer', (c) => c.notNull())
    .addColumn('in_plain_top', 'integer', (c) => c.notNull())
    .addColumn('selected', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('quotas', 'text', (c) => c.notNull())
    .addColumn('explanation_id', 'text', (c) => c.notNull())
    .addColumn('explanation_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finalist_lines_once')
    .on('finalist_lines')
    .columns(['selection_id', 'proposal_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('finalist_lines_rank')
    .on('finalist_lines')
    .columns(['selection_id', 'group_key', 'rank_in_group'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('finalist_lines').ifExists().execute();
  await db.schema.dropTable('finalist_selections').ifExists().execute();
}
