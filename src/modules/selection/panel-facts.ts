import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { regionalRuleOf } from '../assignments/context.js';
import { panelPlan } from '../assignments/panel.js';
import { finalistsFixed, poolOf, stageAssignments, teamOf } from '../assignments/queries.js';

/*
 * What the hub counts of the Tim Panel Independen's steps and the results (issue 13), read from the tables
 * of each step (the presentation schedule, the panel's scoring, the public rating, the field visits, the
 * final session's decisions, the certificates). One aggregate per fact over an indexed column of the stage
 * or competition; the abstentions only are computed, by the assignment module's own rule (panelPlan), so
 * the hub and the results page count the same panelists out.
 */

const n = (v: unknown) => Number(v ?? 0);

/** The presentation schedule: slots placed, uploads received, rescheduling requests pending, publication. */
export async function scheduleFacts(db: Db, stage: StageRow) {
  const [fixed, placed, uploads, pending, schedule] = await Promise.all([
    finalistsFixed(db, stage.competition_id),
    db
      .selectFrom('presentation_slots')
      .select(sql<number>`count(*)`.as('count'))
      .where('stage_id', '=', stage.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('presentation_uploads')
      .select(sql<number>`count(*)`.as('count'))
      .where('stage_id', '=', stage.id)
      .where((eb) => eb.or([eb('file_id', 'is not', null), eb('video_url', 'is not', null)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reschedule_requests')
      .select(sql<number>`count(*)`.as('count'))
      .where('stage_id', '=', stage.id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('presentation_schedules')
      .select('published_at')
      .where('stage_id', '=', stage.id)
      .executeTakeFirst(),
  ]);
  return {
    finalListFixed: fixed,
    placed: n(placed.count),
    uploads: n(uploads.count),
    reschedulePending: n(pending.count),
    published: (schedule?.published_at ?? null) !== null,
  };
}
export type ScheduleFacts = Awaited<ReturnType<typeof scheduleFacts>>;

/**
 * The panel's scoring of the presentation: its assignments and evaluations, the panelists who abstain on a
 * finalist for a conflict of interest, and whether the stage's results are set.
 */
export async function presentationFacts(db: Db, stage: StageRow) {
  const [pool, evaluations, team, assignments, rule, decided] = await Promise.all([
    poolOf(db, stage),
    db
      .selectFrom('review_assignments as a')
      .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
      .select([
        sql<number>`count(*)`.as('assignments'),
        sql<number>`sum(case when e.status = 'submitted' then 1 else 0 end)`.as('submitted'),
      ])
      .where('a.stage_id', '=', stage.id)
      .where('a.status', '=', 'active')
      .executeTakeFirstOrThrow(),
    teamOf(db, stage.competition_id, 'panel'),
    stageAssignments(db, stage.id),
    regionalRuleOf(db, stage.competition_id),
    db
      .selectFrom('stage_results')
      .select(sql<number>`count(*)`.as('count'))
      .where('stage_id', '=', stage.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    assignments: n(evaluations.assignments),
    submitted: n(evaluations.submitted),
    abstentions: panelPlan({ pool, team, assignments, rule }).abstentions.length,
    decided: n(decided.count) > 0,
  };
}
export type PresentationFacts = Awaited<ReturnType<typeof presentationFacts>>;

/** The public rating: its window (null: never set) and the ratings counted, the raters, the excluded. */
export async function publicRatingFacts(db: Db, competitionId: number) {
  const [window, ratings] = await Promise.all([
    db
      .selectFrom('public_rating_windows')
      .select(['enabled', 'opens_at', 'closes_at'])
      .where('competition_id', '=', competitionId)
      .executeTakeFirst(),
    db
      .selectFrom('public_ratings')
      .select([
        sql<number>`count(*)`.as('all'),
        sql<number>`count(exclusion_id)`.as('excluded'),
        sql<number>`count(distinct voter_hash)`.as('raters'),
      ])
      .where('competition_id', '=', competitionId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    enabled: window ? n(window.enabled) === 1 : false,
    opensAt: window?.opens_at ?? null,
    closesAt: window?.closes_at ?? null,
    ratings: n(ratings.all) - n(ratings.excluded),
    excluded: n(ratings.excluded),
    raters: n(ratings.raters),
  };
}
export type PublicRatingFacts = Awaited<ReturnType<typeof publicRatingFacts>>;

/** The field visits: planned (not cancelled) and their reports submitted. */
export async function fieldFacts(db: Db, competitionId: number) {
  const row = await db
    .selectFrom('field_visits')
    .select([
      sql<number>`sum(case when status <> 'cancelled' then 1 else 0 end)`.as('planned'),
      sql<number>`sum(case when status = 'submitted' then 1 else 0 end)`.as('submitted'),
    ])
    .where('competition_id', '=', competitionId)
    .executeTakeFirstOrThrow();
  return { planned: n(row.planned), submitted: n(row.submitted) };
}
export type FieldFacts = Awaited<ReturnType<typeof fieldFacts>>;

/** The final session: how many finalists have the panel's decision recorded. */
export async function decisionFacts(db: Db, stage: StageRow) {
  const row = await db
    .selectFrom('panel_decisions')
    .select(sql<number>`count(*)`.as('count'))
    .where('stage_id', '=', stage.id)
    .executeTakeFirstOrThrow();
  return { decisions: n(row.count) };
}

/** The certificates: issued, with their PDF stored, revoked. */
export async function certificateFacts(db: Db, competitionId: number) {
  const row = await db
    .selectFrom('certificates')
    .select([
      sql<number>`count(*)`.as('issued'),
      sql<number>`count(file_id)`.as('ready'),
      sql<number>`count(revoked_at)`.as('revoked'),
    ])
    .where('competition_id', '=', competitionId)
    .executeTakeFirstOrThrow();
  return { issued: n(row.issued), ready: n(row.ready), revoked: n(row.revoked) };
}
export type CertificateFacts = Awaited<ReturnType<typeof certificateFacts>>;
