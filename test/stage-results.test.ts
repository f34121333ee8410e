import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { countRows, lastAudit, makeInstitution, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from './helpers/judging.js';

/*
 * A scored stage's results (issue 12 point 5) through the API: the pass mark and basis, the gap that
 * brings a third reviewer, the decision that advances proposals into the evidence stage.
 */

let seconds = 0;
/** A submitted evaluation with its weighted total, as the scoring would have stored it. */
async function submitted(db: Db, stageId: number, proposalId: number, reviewerId: number, total: number) {
  const a = await db
    .selectFrom('review_assignments')
    .select('id')
    .where('stage_id', '=', stageId)
    .where('proposal_id', '=', proposalId)
    .where('reviewer_id', '=', reviewerId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const at = new Date(Date.UTC(2026, 4, 20, 3, 0, ++seconds)).toISOString();
  await db
    .insertInto('evaluations')
    .values({
      assignment_id: a.id,
      status: 'submitted',
      total,
      submitted_at: at,
      saved_by: reviewerId,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

describe('results of a scored stage', () => {
  let ctx: TestContext;
  let cookie: string;
  let competitionId: number;
  let stageId: number;
  let base: string;
  const p: { id: number; code: string }[] = [];
  const reviewersOf = new Map<number, number[]>();

  const results = async (query = '') => {
    const res = await ctx.app.inject({ method: 'GET', url: `${base}/results${query}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const rowOf = (body: { rows: { proposal: { id: number } }[] }, id: number) =>
    body.rows.find((r) => r.proposal.id === id) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Hasil',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    const stage = await stageOf(ctx.db, competitionId, 'evaluation_1');
    stageId = stage.id;
    base = `/api/competitions/${competitionId}/stages/${stageId}`;
    ctx.clock.freeze(insideStage(stage));
    cookie = await sessionCookie(ctx, kipp.secretariat.id);
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Uji Hasil' });
    for (let i = 0; i < 3; i++)
      p.push(await makeJudgedProposal(ctx.db, { competitionId, institutionId: inst.id }));
    for (let i = 0; i < 3; i++) await makeEvaluator(ctx.db, { competitionId });
    const run = await ctx.app.inject({ method: 'POST', url: `${base}/assignments/run`, headers: { cookie } });
    expect(run.json()).toMatchObject({ ok: true, placed: 6 });
    const rows = await ctx.db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'reviewer_id'])
      .where('stage_id', '=', stageId)
      .orderBy('id')
      .execute();
    for (const r of rows)
      reviewersOf.set(r.proposal_id, [...(reviewersOf.get(r.proposal_id) ?? []), r.reviewer_id]);
  });
  afterAll(() => ctx.close());

  it('cannot be set without a pass mark, nor while proposals wait for evaluations', async () => {
    const body = await results();
    expect(body.counts).toMatchObject({ proposals: 3, scored: 0, waiting: 3 });
    expect(body.blocker.id).toContain('nilai batas lulus');
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/results/decide`, headers: { cookie } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('results_not_ready');
  });

  it('sets the pass mark and basis (field-level refusal outside 0–100), audited', async () => {
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: `${base}/results/settings`,
      headers: { cookie },
      payload: { passMark: 120, basis: 'raw' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.passMark).toBeDefined();
    const ok = await ctx.app.inject({
      method: 'PUT',
      url: `${base}/results/settings`,
      headers: { cookie },
      payload: { passMark: 70, basis: 'raw' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await lastAudit(ctx.db)).action).toBe('stage.results_rules_set');
    expect((await results()).rules).toMatchObject({
      passMark: 70,
      basis: 'raw',
      aggregation: 'mean',
      gapThreshold: 15,
    });
  });

  it('scores by the mean; a gap above 15 waits for a third reviewer, who is assigned on request', async () => {
    const [r0, r1] = reviewersOf.get(p[0].id)!;
    await submitted(ctx.db, stageId, p[0].id, r0!, 80);
    await submitted(ctx.db, stageId, p[0].id, r1!, 90);
    const [s0, s1] = reviewersOf.get(p[1].id)!;
    await submitted(ctx.db, stageId, p[1].id, s0!, 60);
    await submitted(ctx.db, stageId, p[1].id, s1!, 90);
    const [u0, u1] = reviewersOf.get(p[2].id)!;
    await submitted(ctx.db, stageId, p[2].id, u0!, 50);
    await submitted(ctx.db, stageId, p[2].id, u1!, 55);
    const body = await results();
    expect(rowOf(body, p[0].id)).toMatchObject({ status: 'scored', raw: 85, score: 85, passes: true });
    expect(rowOf(body, p[1].id)).toMatchObject({ status: 'pending_third', score: null });
    expect(rowOf(body, p[2].id)).toMatchObject({ status: 'scored', raw: 52.5, passes: false });
    expect(body.counts).toMatchObject({ scored: 2, pendingThird: 1 });
    expect(body.abilities.decide).toBe(false);

    const notNeeded = await ctx.app.inject({
      method: 'POST',
      url: `${base}/results/${p[0].id}/third`,
      headers: { cookie },
    });
    expect(notNeeded.json().error.code).toBe('no_third_needed');
    const third = await ctx.app.inject({
      method: 'POST',
      url: `${base}/results/${p[1].id}/third`,
      headers: { cookie },
    });
    expect(third.statusCode).toBe(200);
    expect(third.json().assigned).toBe(true);
    const extra = await ctx.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('stage_id', '=', stageId)
      .where('proposal_id', '=', p[1].id)
      .where('origin', '=', 'third')
      .executeTakeFirstOrThrow();
    expect([s0, s1]).not.toContain(extra.reviewer_id);
    await submitted(ctx.db, stageId, p[1].id, extra.reviewer_id, 85);
    const after = await results();
    // Three totals, combined by the default rule (the mean of all three): (60 + 90 + 85) / 3.
    expect(rowOf(after, p[1].id)).toMatchObject({ status: 'scored', raw: 78.33, passes: true });
    expect(after.blocker).toBeNull();
  });

  it('sets the results once: those at the pass mark advance into the evidence stage, the others stop', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/results/decide`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ advanced: 2, stopped: 1 });
    expect(await countRows(ctx.db, 'stage_results')).toBe(3);
    const stored = await ctx.db
      .selectFrom('stage_results')
      .selectAll()
      .where('proposal_id', '=', p[2].id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ outcome: 'stopped', raw_score: 52.5, basis: 'raw' });
    expect((await lastAudit(ctx.db)).action).toBe('stage.results_decided');

    const again = await ctx.app.inject({
      method: 'POST',
      url: `${base}/results/decide`,
      headers: { cookie },
    });
    expect(again.json().error.code).toBe('already_decided');
    const rules = await ctx.app.inject({
      method: 'PUT',
      url: `${base}/results/settings`,
      headers: { cookie },
      payload: { passMark: 50, basis: 'raw' },
    });
    expect(rules.json().error.code).toBe('results_decided');

    const evidence = await stageOf(ctx.db, competitionId, 'evaluation_2');
    const summary = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/stages/${evidence.id}/assignments/summary`,
      headers: { cookie },
    });
    expect(summary.json().pool).toMatchObject({ proposals: 2, notReady: null });
  });

  it('brings the third reviewer by itself when the second submitted total reveals the gap', async () => {
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Celah',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const st = await stageOf(ctx.db, kipp.competitionId, 'evaluation_1');
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Uji Celah' });
    const proposal = await makeJudgedProposal(ctx.db, {
      competitionId: kipp.competitionId,
      institutionId: inst.id,
    });
    const team = [];
    for (let i = 0; i < 3; i++) team.push(await makeEvaluator(ctx.db, { competitionId: kipp.competitionId }));
    const sec = await sessionCookie(ctx, kipp.secretariat.id);
    const run = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${kipp.competitionId}/stages/${st.id}/assignments/run`,
      headers: { cookie: sec },
    });
    expect(run.json()).toMatchObject({ ok: true, placed: 2 });
    const pairs = await ctx.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('stage_id', '=', st.id)
      .execute();
    const scoreAll = async (assignmentId: number, reviewerId: number, value: number) => {
      const cookieOf = await sessionCookie(ctx, reviewerId);
      const view = await ctx.app.inject({
        method: 'GET',
        url: `/api/review/assignments/${assignmentId}`,
        headers: { cookie: cookieOf },
      });
      expect(view.statusCode).toBe(200);
      const scores = view.json().criteria.map((k: { id: number }) => ({ criterionId: k.id, value }));
      const saved = await ctx.app.inject({
        method: 'PUT',
        url: `/api/review/assignments/${assignmentId}/evaluation`,
        headers: { cookie: cookieOf },
        payload: { version: view.json().evaluation.version, scores },
      });
      expect(saved.statusCode).toBe(200);
      const sub = await ctx.app.inject({
        method: 'POST',
        url: `/api/review/assignments/${assignmentId}/submit`,
        headers: { cookie: cookieOf },
        payload: { version: saved.json().version },
      });
      expect(sub.statusCode).toBe(200);
    };
    await scoreAll(pairs[0]!.id, pairs[0]!.reviewer_id, 90);
    expect(
      await ctx.db.selectFrom('review_assignments').select('id').where('stage_id', '=', st.id).execute(),
    ).toHaveLength(2);
    await scoreAll(pairs[1]!.id, pairs[1]!.reviewer_id, 60);
    const third = await ctx.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('stage_id', '=', st.id)
      .where('origin', '=', 'third')
      .execute();
    expect(third).toHaveLength(1);
    expect(third[0]!.reviewer_id).toBe(team.find((m) => !pairs.some((p) => p.reviewer_id === m.id))!.id);
    const mail = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'reviews_assigned')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe(team.find((m) => m.id === third[0]!.reviewer_id)!.email);
    expect(proposal.id).toBe(third[0]!.proposal_id);
  });

  it('is the organizer’s secretariat’s alone', async () => {
    const other = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Lain Hasil',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    const evaluator = await makeEvaluator(ctx.db, { competitionId });
    for (const [c, status] of [
      [await sessionCookie(ctx, other.secretariat.id), 404],
      [await sessionCookie(ctx, evaluator.id), 403],
    ] as const) {
      const res = await ctx.app.inject({ method: 'GET', url: `${base}/results`, headers: { cookie: c } });
      expect(res.statusCode).toBe(status);
      const d = await ctx.app.inject({
        method: 'POST',
        url: `${base}/results/decide`,
        headers: { cookie: c },
      });
      expect(d.statusCode).toBe(status);
    }
  });
});
