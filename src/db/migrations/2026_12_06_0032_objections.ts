import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * The uji publik (issue 12 point 8): objections from the public to a provisional finalist, filed without
 * an account during the `public_objection` stage's window, triaged by the organizer's secretariat
 * (dismissed as inadmissible, or forwarded to the panel) and decided by the panel (upheld: the finalist
 * is removed; or rejected). The objection's number (UJI-<year>-<id>) is derived from its id and the
 * competition's year (domain/objections.ts), never stored.
 *
 * - status: new → forwarded → upheld | rejected; new → dismissed.
 * - dismiss_reason: out_of_scope | no_grounds | duplicate | other; duplicate_of names the objection it
 *   repeats (of the same competition).
 * - version: the optimistic lock of triage and decision (two secretariat members or panelists at once:
 *   one wins, the other hears 409).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(isPostgres(db));
  await db.schema
    .createTable('objections')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('email', 'varchar(255)', (c) => c.notNull())
    .addColumn('phone', 'varchar(32)')
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('evidence_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('locale', 'varchar(2)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('new'))
    .addColumn('dismiss_reason', 'varchar(32)')
    .addColumn('duplicate_of', 'integer', (c) => c.references('objections.id'))
    .addColumn('triage_note', 'text')
    .addColumn('triaged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('triaged_at', 'varchar(32)')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objections_triage')
    .on('objections')
    .columns(['competition_id', 'status', 'id'])
    .execute();
  await db.schema.createIndex('objections_proposal').on('objections').columns(['proposal_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('objections').ifExists().execute();
}
