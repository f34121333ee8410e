import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewSettingsOf } from '../../domain/review-settings.js';
import { poolOf, submittedEvaluations } from '../assignments/queries.js';
import { computeResults } from '../stage-results/compute.js';

/*
 * What the selection's hub counts, read from the tables of each step (the module owns no table): the
 * administrative checks and completion requests, the announcements, the review teams, the assignments and
 * evaluations of each scored stage with its results computed by the same code as the results page, the
 * finalists and the objections. Each query is one aggregate over an indexed column of the competition or
 * stage, so the hub answers in a few queries whatever the size of the year.
 */

const n = (v: unknown) => Number(v ?? 0);

/** The administrative check: how many received proposals are checked, incomplete, back, not yet checked. */
export async function adminFacts(db: Db, competitionId: number) {
  const row = await db
    .selectFrom('admin_checks as c')
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when c.outcome = 'passed' then 1 else 0 end)`.as('passed'),
      sql<number>`sum(case when c.outcome = 'disqualified' then 1 else 0 end)`.as('disqualified'),
      sql<number>`sum(case when c.outcome = 'incomplete' then 1 else 0 end)`.as('incomplete'),
      sql<number>`sum(case when c.outcome is null and c.round > 1 then 1 else 0 end)`.as('back'),
      sql<number>`sum(case when c.outcome is null and c.round = 1 then 1 else 0 end)`.as('unchecked'),
    ])
    .where('c.competition_id', '=', competitionId)
    .executeTakeFirstOrThrow();
  return {
    total: n(row.total),
    passed: n(row.passed),
    disqualified: n(row.disqualified),
    incomplete: n(row.incomplete),
    back: n(row.back),
    unchecked: n(row.unchecked),
  };
}
export type AdminFacts = Awaited<ReturnType<typeof adminFacts>>;

/** The kinds of announcement the competition has published. */
export async function publishedKinds(db: Db, competitionId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('announcements')
    .select('kind')
    .where('competition_id', '=', competitionId)
    .execute();
  return new Set(rows.map((r) => r.kind));
}

/** Tim Evaluasi and Tim Panel: members, and how many of them completed their profile. */
export async function teamFacts(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom('reviewer_profiles')
    .select([
      'team',
      sql<number>`count(*)`.as('members'),
      sql<number>`sum(case when completed_at is not null then 1 else 0 end)`.as('complete'),
    ])
    .where('competition_id', '=', competitionId)
    .groupBy('team')
    .execute();
  const of = (team: string) => rows.find((r) => r.team === team);
  return {
    evaluators: n(of('evaluation')?.members),
    evaluatorsComplete: n(of('evaluation')?.complete),
    panelists: n(of('panel')?.members),
  };
}

/**
 * One scored stage: its pool, how many of the pool have their k reviewers, the evaluations by status, and
 * the results as they stand (the results page's own computation: scored, waiting for a third evaluator),
 * or as set (advanced, stopped).
 */
export async function scoredStageFacts(db: Db, stage: StageRow) {
  const rules = reviewSettingsOf(parseSettings(stage.settings), stage.kind);
  const [pool, perProposal, evaluations, submitted, decided] = await Promise.all([
    poolOf(db, stage),
    db
      .selectFrom('review_assignments')
      .select(['proposal_id', sql<number>`count(*)`.as('active')])
      .where('stage_id', '=', stage.id)
      .where('status', '=', 'active')
      .groupBy('proposal_id')
      .execute(),
    db
      .selectFrom('review_assignments as a')
      .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
      .select([
        sql<number>`count(*)`.as('assignments'),
        sql<number>`sum(case when e.status = 'submitted' then 1 else 0 end)`.as('submitted'),
        sql<number>`sum(case when e.status = 'draft' then 1 else 0 end)`.as('draft'),
      ])
      .where('a.stage_id', '=', stage.id)
      .where('a.status', '=', 'active')
      .executeTakeFirstOrThrow(),
    submittedEvaluations(db, stage.id),
    db
      .selectFrom('stage_results')
      .select(['outcome', sql<number>`count(*)`.as('count')])
      .where('stage_id', '=', stage.id)
      .groupBy('outcome')
      .execute(),
  ]);
  const inPool = new Set(pool.map((p) => p.id));
  const k = rules.reviewersPerProposal;
  const assigned = perProposal.filter((r) => inPool.has(r.proposal_id) && n(r.active) >= k).length;
  const computed = computeResults(pool, submitted, rules);
  const outcome = (o: string) => n(decided.find((d) => d.outcome === o)?.count);
  return {
    pool: pool.length,
    assigned,
    assignments: n(evaluations.assignments),
    submitted: n(evaluations.submitted),
    draft: n(evaluations.draft),
    scored: computed.counts.scored,
    pendingThird: computed.counts.pendingThird,
    decided: decided.length > 0,
    advanced: outcome('advanced'),
    stopped: outcome('stopped'),
  };
}
export type ScoredStageFacts = Awaited<ReturnType<typeof scoredStageFacts>>;

/** The finalists (proposals shortlisted) and the uji publik's objections by status. */
export async function finalistFacts(db: Db, competitionId: number) {
  const [finalists, objections] = await Promise.all([
    db
      .selectFrom('proposals')
      .select(sql<number>`count(*)`.as('count'))
      .where('competition_id', '=', competitionId)
      .where('state', '=', 'finalist')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('objections')
      .select(['status', sql<number>`count(*)`.as('count')])
      .where('competition_id', '=', competitionId)
      .groupBy('status')
      .execute(),
  ]);
  const by = (...s: string[]) =>
    objections.filter((o) => s.includes(o.status)).reduce((sum, o) => sum + n(o.count), 0);
  return {
    finalists: n(finalists.count),
    objections: by('new', 'forwarded', 'dismissed', 'upheld', 'rejected'),
    objectionsNew: by('new'),
    objectionsForwarded: by('forwarded'),
    objectionsDecided: by('upheld', 'rejected', 'dismissed'),
  };
}
export type FinalistFacts = Awaited<ReturnType<typeof finalistFacts>>;
