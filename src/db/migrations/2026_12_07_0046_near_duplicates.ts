import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * Near-duplicate detection at the administrative check (issue 14 point 5).
 *
 * - proposal_fingerprints: one row per received proposal, its near-duplicate fingerprint
 *   (domain/near-duplicates/fingerprint-codec.ts, "nd1.…"), written when its check row is made and, for
 *   past proposals, lazily in batches when a check first needs them. The index of past proposals is built
 *   from these rows, never from the texts.
 * - near_duplicate_matches: what a check found for a proposal of the competition checked (`proposal_id`)
 *   against a past proposal or another of the same year (`other_proposal_id`); the kind, the exact scores,
 *   the shared passages as JSON (character offsets in each side's answers), and the secretariat's decision
 *   (open | confirmed_same | dismissed, by whom, when, a note). Unique per pair: a re-run updates the
 *   scores and keeps the decision.
 * admin_checks.fingerprint (migration 0028's MinHash of the old copy finding) is no longer written or read;
 * it stays (dropping a column on SQLite rebuilds the table) and holds null for new rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);
  const real = pg ? 'double precision' : 'real';
  await db.schema
    .createTable('proposal_fingerprints')
    .addColumn('proposal_id', 'integer', (c) => c.primaryKey().references('proposals.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('made_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('near_duplicate_matches')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('other_proposal_id', 'integer', (c) =>
      c.notNull().references('proposals.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('title_score', real, (c) => c.notNull())
    .addColumn('answers_score', real, (c) => c.notNull())
    .addColumn('containment', real, (c) => c.notNull())
    .addColumn('passage_words', 'integer', (c) => c.notNull())
    .addColumn('passages', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('open'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('near_duplicate_matches_pair', ['proposal_id', 'other_proposal_id'])
    .execute();
  await db.schema
    .createIndex('near_duplicate_matches_competition')
    .on('near_duplicate_matches')
    .columns(['competition_id', 'proposal_id'])
    .execute();
  await db.schema
    .createIndex('near_duplicate_matches_other')
    .on('near_duplicate_matches')
    .column('other_proposal_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('near_duplicate_matches').ifExists().execute();
  await db.schema.dropTable('proposal_fingerprints').ifExists().execute();
}
