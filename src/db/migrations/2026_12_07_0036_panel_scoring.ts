import type { Kysely } from 'kysely';

/**
 * Issue 13 point 1: a member of the Tim Panel Independen says which part of society they sit for, their
 * "unsur": expert or academic (`expert`), public figure (`public_figure`), ministry or agency
 * representative (`ministry`), journalist or media (`media`), or `other`. Null until the profile says it
 * (and for the Tim Evaluasi, which has no unsur). The roster filters and counts by it. The values are
 * checked by the application (contracts/review-team.ts PANEL_UNSUR), like the other enumerations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reviewer_profiles').addColumn('unsur', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reviewer_profiles').dropColumn('unsur').execute();
}
