import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './util.js';

/**
 * The selection (issue 12; design.md §3a): the administrative check, the announcements that publish a
 * stage's results, and the review engine, one for every scored stage: the evaluation of the proposal
 * (evaluation_1), the evidence stage (evaluation_2) and, next, the panel's presentation and field stages.
 *
 * - admin_checks: one per received proposal, the secretariat's work in the administrative queue: the
 *   checklist's findings, the outcome (passed | incomplete | disqualified, staged until published), who
 *   holds it (a claim that expires, so several secretariat members share the queue), and its round (one
 *   more each time the admin lokal completes it and it returns to the queue).
 * - completion_requests: what the admin lokal must complete (items, note) and by when.
 * - announcements: a stage's published results (the letter number, the texts, the entries); one per stage
 *   and kind, so two secretariat members publishing at once publish once.
 *
 * - rubric_criteria: what a stage scores, per group (each 0–100 with its weight; tied to a form section
 *   where it scores one).
 * - reviewer_profiles: a member of a competition's Tim Evaluasi (team 'evaluation') or Tim Panel
 *   Independen (team 'panel'): affiliation, region, expertise (category keys), capacity.
 * - reviewer_conflicts: the institutions a reviewer may not judge that are not implied by the profile
 *   (declared by the reviewer, set by the organizer, or found after an assignment). Conflicts implied by
 *   the profile (own institution, the regional rule) are computed by domain/conflicts.ts, never stored.
 * - review_assignments: a reviewer on a proposal in a stage; withdrawn rows stay for the record, so an
 *   active pair is unique only among active rows.
 * - evaluations and evaluation_scores: one reviewer's scoring of an assignment, a draft until submitted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = idColumn(pg);

  await db.schema
    .createTable('admin_checks')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().unique().references('proposals.id').onDelete('cascade'),
    )
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('outcome', 'varchar(16)')
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('reason_code', 'varchar(32)')
    .addColumn('reason_text', 'text')
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('claimed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('claimed_until', 'varchar(32)')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('admin_checks_queue')
    .on('admin_checks')
    .columns(['competition_id', 'outcome', 'proposal_id'])
    .execute();

  await db.schema
    .createTable('completion_requests')
    .addColumn('id', id.type, id.build)
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('deadline_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(32)')
    .addColumn('completed_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('completion_requests_proposal')
    .on('completion_requests')
    .columns(['proposal_id', 'requested_at'])
    .execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('letter_number', 'varchar(100)', (c) => c.notNull())
    .addColumn('title_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(255)', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcements_once')
    .on('announcements')
    .columns(['stage_id', 'kind'])
    .unique()
    .execute();

  await db.schema
    .createTable('rubric_criteria')
    .addColumn('id', id.type, id.build)
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('group_id', 'integer', (c) =>
      c.notNull().references('competition_groups.id').onDelete('cascade'),
    )
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('label_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(255)', (c) => c.notNull())
    .addColumn('guidance_id', 'text')
    .addColumn('guidance_en', 'text')
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.references('form_sections.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rubric_criteria_key')
    .on('rubric_criteria')
    .columns(['stage_id', 'group_id', 'key'])
    .unique()
    .execute();

  await db.schema
    .createTable('reviewer_profiles')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('team', 'varchar(16)', (c) => c.notNull())
    .addColumn('affiliation_name', 'varchar(255)')
    .addColumn('affiliation_institution_id', 'integer', (c) => c.references('institutions.id'))
    .addColumn('region_code', 'varchar(16)')
    .addColumn('expertise', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('capacity', 'integer')
    .addColumn('completed_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reviewer_profiles_member')
    .on('reviewer_profiles')
    .columns(['competition_id', 'user_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('reviewer_conflicts')
    .addColumn('id', id.type, id.build)
    .addColumn('competition_id', 'integer', (c) =>
      c.notNull().references('competitions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reviewer_conflicts_pair')
    .on('reviewer_conflicts')
    .columns(['competition_id', 'user_id', 'institution_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('review_assignments')
    .addColumn('id', id.type, id.build)
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', 'varchar(32)')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_assignments_active_pair')
    .on('review_assignments')
    .columns(['stage_id', 'proposal_id', 'reviewer_id'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema
    .createIndex('review_assignments_reviewer')
    .on('review_assignments')
    .columns(['reviewer_id', 'stage_id', 'status'])
    .execute();
  await db.schema
    .createIndex('review_assignments_proposal')
    .on('review_assignments')
    .columns(['proposal_id', 'stage_id'])
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', id.type, id.build)
    .addColumn('assignment_id', 'integer', (c) =>
      c.notNull().unique().references('review_assignments.id').onDelete('cascade'),
    )
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('draft'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('total', pg ? 'double precision' : 'real')
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('saved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evaluation_scores')
    .addColumn('evaluation_id', 'integer', (c) =>
      c.notNull().references('evaluations.id').onDelete('cascade'),
    )
    .addColumn('criterion_id', 'integer', (c) =>
      c.notNull().references('rubric_criteria.id').onDelete('cascade'),
    )
    .addColumn('value', pg ? 'double precision' : 'real')
    .addColumn('comment', 'text')
    .addColumn('evidence_supports', 'integer')
    .addPrimaryKeyConstraint('evaluation_scores_pk', ['evaluation_id', 'criterion_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'evaluation_scores',
    'evaluations',
    'review_assignments',
    'reviewer_conflicts',
    'reviewer_profiles',
    'rubric_criteria',
    'announcements',
    'completion_requests',
    'admin_checks',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
