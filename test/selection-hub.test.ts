import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelectionSummary } from '../src/contracts/selection-hub.js';
import type { Db } from '../src/db/connect.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from './helpers/judging.js';
import { receivedProposals, stageAdminOutcome } from './helpers/selection.js';

/*
 * The selection's hub (issue 12): one summary of every step of a competition's selection, in order, with
 * its window, status, counts and page, for the organizer's secretariat; nobody else's.
 */

/** A submitted evaluation with its total, as the scoring stores it. */
async function submit(db: Db, stageId: number, proposalId: number, reviewerId: number, total: number) {
  const a = await db
    .selectFrom('review_assignments')
    .select('id')
    .where('stage_id', '=', stageId)
    .where('proposal_id', '=', proposalId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await db
    .insertInto('evaluations')
    .values({
      assignment_id: a.id,
      status: 'submitted',
      total,
      submitted_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

describe('the selection hub', () => {
  let ctx: TestContext;
  let cookie: string;
  let competitionId: number;
  let stageId: number;
  let now: Date;
  let summary: SelectionSummary;
  const stepOf = (key: string) => summary.steps.find((s) => s.key === key)!;
  const countsOf = (key: string) =>
    Object.fromEntries(
      stepOf(key).counts.map((c) => [c.key, c.of === undefined ? c.value : [c.value, c.of]]),
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Hub',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    cookie = await sessionCookie(ctx, kipp.secretariat.id);
    const stage = await stageOf(ctx.db, competitionId, 'evaluation_1');
    stageId = stage.id;
    now = insideStage(stage);
    ctx.clock.freeze(now);
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Uji Hub' });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    // The administrative check: 5 received, 1 passed, 1 disqualified (staged), 1 incomplete, 2 not checked.
    const received = await receivedProposals(ctx.db, {
      competitionId,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: upp.id,
      n: 5,
    });
    const ids = received.map((p) => p.id);
    await stageAdminOutcome(ctx.db, { competitionId, proposalIds: [ids[0]!], outcome: 'passed' });
    await stageAdminOutcome(ctx.db, { competitionId, proposalIds: [ids[1]!], outcome: 'disqualified' });
    await stageAdminOutcome(ctx.db, { competitionId, proposalIds: [ids[2]!], outcome: 'incomplete' });
    await stageAdminOutcome(ctx.db, { competitionId, proposalIds: ids.slice(3), outcome: null });
    // Evaluation 1: 3 proposals in judging, 3 evaluators, each proposal 2 of them; one gap of 30 points.
    const judged = [];
    for (let i = 0; i < 3; i++)
      judged.push(await makeJudgedProposal(ctx.db, { competitionId, institutionId: inst.id }));
    for (let i = 0; i < 3; i++) await makeEvaluator(ctx.db, { competitionId });
    const run = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/stages/${stageId}/assignments/run`,
      headers: { cookie },
    });
    expect(run.json()).toMatchObject({ ok: true, placed: 6 });
    const pairs = await ctx.db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'reviewer_id'])
      .where('proposal_id', '=', judged[0]!.id)
      .orderBy('id')
      .execute();
    await submit(ctx.db, stageId, judged[0]!.id, pairs[0]!.reviewer_id, 90);
    await submit(ctx.db, stageId, judged[0]!.id, pairs[1]!.reviewer_id, 60);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/selection`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    summary = res.json();
  });
  afterAll(() => ctx.close());

  it('lists the steps in the order of the selection, each with its page', () => {
    expect(summary.steps.map((s) => s.key)).toEqual([
      'administrative',
      'publication',
      'team',
      'assignment',
      'evaluation_1',
      'results_1',
      'evaluation_2',
      'results_2',
      'finalists',
      'public_objection',
      'presentation_schedule',
      'presentation',
      'public_rating',
      'field_verification',
      'final_session',
      'certificates',
    ]);
    const base = `/sekretariat/kompetisi/${competitionId}`;
    expect(stepOf('administrative').path).toBe(`${base}/seleksi-administrasi`);
    expect(stepOf('assignment').path).toBe(`${base}/penugasan?tahap=${stageId}`);
    expect(stepOf('evaluation_1').path).toBe(`${base}/tahap/${stageId}/penilaian`);
    expect(stepOf('results_1').path).toBe(`${base}/hasil-penilaian?tahap=${stageId}`);
    expect(stepOf('finalists').path).toBe(`${base}/finalis`);
    expect(stepOf('public_objection').path).toBe(`${base}/uji-publik`);
    expect(summary.steps.every((s) => s.abilities.open)).toBe(true);
  });

  it('counts the administrative check: checked of received, incomplete, not yet checked', () => {
    expect(countsOf('administrative')).toEqual({
      checked: [2, 5],
      incomplete: 1,
      backFromCompletion: 0,
      unchecked: 2,
    });
    expect(countsOf('publication')).toEqual({ passed: 1, disqualified: 1 });
    // Not every received proposal is decided: nothing to publish yet.
    expect(stepOf('publication').status).toBe('not_open');
  });

  it('counts the team, the assignment and the scoring, with the proposal waiting for a third evaluator', () => {
    expect(countsOf('team')).toEqual({ evaluators: 3, profilesComplete: [3, 3], panelists: 0 });
    expect(countsOf('assignment')).toEqual({ proposalsAssigned: [3, 3] });
    expect(stepOf('assignment').status).toBe('decided');
    expect(countsOf('evaluation_1')).toEqual({
      evaluationsSubmitted: [2, 6],
      evaluationsDraft: 0,
      pendingThird: 1,
    });
    expect(stepOf('evaluation_1').status).toBe('open');
    expect(stepOf('evaluation_1').window?.opensAt).toBeTruthy();
    expect(countsOf('results_1')).toEqual({ scored: [0, 3], pendingThird: 1 });
    expect(stepOf('results_1').status).toBe('open');
    // The evidence stage's pool is empty until evaluation 1's results are set.
    expect(countsOf('evaluation_2')).toMatchObject({ proposalsAssigned: [0, 0] });
    expect(stepOf('results_2').status).toBe('not_open');
  });

  it('says closed once a stage window passes without a decision', async () => {
    const stage = await stageOf(ctx.db, competitionId, 'evaluation_1');
    ctx.clock.freeze(new Date(Date.parse(stage.closes_at!) + 1000));
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/selection`,
      headers: { cookie },
    });
    ctx.clock.freeze(now);
    expect(res.json().steps.find((s: { key: string }) => s.key === 'evaluation_1').status).toBe('closed');
  });

  it('another organizer gets 404; a UPP 403; nobody signed in 401; the system administrator looks without the judging pages', async () => {
    const other = await publishedKipp(ctx.db, {
      organizerName: 'Provinsi Lain Hub',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const url = `/api/competitions/${competitionId}/selection`;
    const otherCookie = await sessionCookie(ctx, other.secretariat.id);
    expect((await ctx.app.inject({ method: 'GET', url, headers: { cookie: otherCookie } })).statusCode).toBe(
      404,
    );
    expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const inst = await makeInstitution(ctx.db, { name: 'Kabupaten UPP Hub' });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const uppCookie = await sessionCookie(ctx, upp.id);
    expect((await ctx.app.inject({ method: 'GET', url, headers: { cookie: uppCookie } })).statusCode).toBe(
      403,
    );
    const admin = await makeUser(ctx.db, { role: 'system_admin' });
    const res = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { cookie: await sessionCookie(ctx, admin.id) },
    });
    expect(res.statusCode).toBe(200);
    const open = Object.fromEntries(
      (res.json() as SelectionSummary).steps.map((s) => [s.key, s.abilities.open]),
    );
    expect(open).toMatchObject({ administrative: false, assignment: false, team: true, evaluation_1: true });
  });

  it("gives the menu its entries: the secretariat's Seleksi, a panelist's uji publik of their competition, named", async () => {
    const user = async (c: string) =>
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: c } })).json().user;
    expect((await user(cookie)).abilities).toMatchObject({ viewSelection: true, adjudicateObjectionsIn: [] });
    const panelist = await makeUser(ctx.db, { role: 'panelist', competitionId });
    const seen = await user(await sessionCookie(ctx, panelist.id));
    expect(seen.abilities).toMatchObject({
      viewSelection: false,
      adjudicateObjectionsIn: [competitionId],
      reviewWork: true,
    });
    // The menu names the competition of each panel grant (a panelist of several competitions).
    const { name } = await ctx.db
      .selectFrom('competitions')
      .select('name')
      .where('id', '=', competitionId)
      .executeTakeFirstOrThrow();
    expect(seen.roles).toEqual([
      expect.objectContaining({ role: 'panelist', competitionId, competitionName: name }),
    ]);
  });
});
