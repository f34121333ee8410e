import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from './helpers/judging.js';
import { makePanelist, publishFinalFinalists } from './helpers/panel.js';

/*
 * The secretariat reads every panelist's sheet of a finalist in the presentation stage, by name (issue 13):
 * GET /api/competitions/:id/stages/:stageId/proposals/:proposalId/sheets. A submitted sheet shows its
 * total and every criterion's score and comment; a draft only its status. Only the organizer's
 * secretariat (`scores.export`): an evaluator, a panelist, an admin lokal 403, another organizer 404.
 */

describe("the secretariat reads each panelist's sheet of the presentation", () => {
  let ctx: TestContext;
  let secretariatId: number;
  let competitionId: number;
  let stageId: number;
  let url: string;
  let finalist: { id: number; code: string };
  const panel: Record<'A' | 'B' | 'C', number> = { A: 0, B: 0, C: 0 };

  const inject = async (method: 'GET' | 'PUT' | 'POST', path: string, userId?: number, payload?: object) =>
    ctx.app.inject({
      method,
      url: path,
      headers: userId ? { cookie: await sessionCookie(ctx, userId) } : {},
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Lembar Panel',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    secretariatId = kipp.secretariat.id;
    const stage = await stageOf(ctx.db, competitionId, 'presentation');
    stageId = stage.id;
    const during = insideStage(stage);
    ctx.clock.freeze(during);
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Lembar Nilai' });
    const p = await makeJudgedProposal(ctx.db, {
      competitionId,
      institutionId: inst.id,
      state: 'finalist',
      title: 'Layanan Lembar Nilai Terbuka',
    });
    finalist = { id: p.id, code: p.code };
    for (const [key, name] of [
      ['A', 'Ani Pakar'],
      ['B', 'Budi Akademisi'],
      ['C', 'Citra Tokoh'],
    ] as const)
      panel[key] = (await makePanelist(ctx.db, { competitionId, name })).id;
    await publishFinalFinalists(ctx.db, { competitionId, by: secretariatId, now: during });
    const run = await inject(
      'POST',
      `/api/competitions/${competitionId}/stages/${stageId}/assignments/run`,
      secretariatId,
    );
    expect(run.statusCode, run.body).toBe(200);
    url = `/api/competitions/${competitionId}/stages/${stageId}/proposals/${finalist.id}/sheets`;

    // A submits, B keeps a draft, C has not begun.
    const assignmentOf = async (reviewerId: number) =>
      (
        await ctx.db
          .selectFrom('review_assignments')
          .select('id')
          .where('stage_id', '=', stageId)
          .where('proposal_id', '=', finalist.id)
          .where('reviewer_id', '=', reviewerId)
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow()
      ).id;
    for (const [key, submit] of [
      ['A', true],
      ['B', false],
    ] as const) {
      const id = await assignmentOf(panel[key]);
      const v = (await inject('GET', `/api/review/assignments/${id}`, panel[key])).json();
      const save = await inject('PUT', `/api/review/assignments/${id}/evaluation`, panel[key], {
        version: v.evaluation.version,
        scores: v.criteria.map((c: { id: number }, i: number) => ({
          criterionId: c.id,
          value: 60 + 10 * i,
          comment: `${key}: catatan ${i + 1}`,
        })),
      });
      expect(save.statusCode, save.body).toBe(200);
      if (submit) {
        const sub = await inject('POST', `/api/review/assignments/${id}/submit`, panel[key], {
          version: save.json().version,
        });
        expect(sub.statusCode, sub.body).toBe(200);
      }
    }
  });
  afterAll(() => ctx.close());

  it('names every panelist with their status; a submitted sheet with its scores and comments, a draft without', async () => {
    const res = await inject('GET', url, secretariatId);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.proposal).toEqual({
      id: finalist.id,
      code: finalist.code,
      title: 'Layanan Lembar Nilai Terbuka',
      institution: 'Pemerintah Kota Lembar Nilai',
    });
    expect(body.stage).toMatchObject({ id: stageId, kind: 'presentation', team: 'panel' });
    expect(body.criteria.length).toBeGreaterThan(0);
    const criteria = body.criteria as { id: number; weight: number }[];
    const [a, b, c] = body.sheets as {
      reviewerId: number;
      name: string;
      status: string;
      total: number | null;
      submittedAt: string | null;
      scores: { criterionId: number; value: number; comment: string }[];
    }[];
    expect(body.sheets).toHaveLength(3);
    expect([a!.name, b!.name, c!.name]).toEqual(['Ani Pakar', 'Budi Akademisi', 'Citra Tokoh']);
    expect(a).toMatchObject({
      reviewerId: panel.A,
      status: 'submitted',
      submittedAt: ctx.clock.now().toISOString(),
    });
    expect(a!.scores.map((s) => [s.criterionId, s.value, s.comment])).toEqual(
      criteria.map((k, i) => [k.id, 60 + 10 * i, `A: catatan ${i + 1}`]),
    );
    // The total is the weighted mean of the scores, as the panelist's own sheet says.
    const weights = criteria.reduce((sum, k) => sum + k.weight, 0);
    const expected = criteria.reduce((sum, k, i) => sum + (60 + 10 * i) * k.weight, 0) / weights;
    expect(a!.total).toBeCloseTo(expected, 2);
    expect(b).toEqual({
      reviewerId: panel.B,
      name: 'Budi Akademisi',
      status: 'draft',
      total: null,
      submittedAt: null,
      scores: [],
    });
    expect(c).toMatchObject({ reviewerId: panel.C, status: 'not_started', scores: [] });
  });

  it('refuses everyone but the organizer’s secretariat: 403 for an evaluator, a panelist, an admin lokal; 404 for another organizer', async () => {
    const evaluator = await makeEvaluator(ctx.db, { competitionId });
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Lain' });
    const adminLokal = await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id });
    const other = await makeInstitution(ctx.db, { type: 'pemerintah_provinsi', name: 'Provinsi Lain' });
    const otherSecretariat = await makeUser(ctx.db, { role: 'secretariat', institutionId: other.id });
    const systemAdmin = await makeUser(ctx.db, { role: 'system_admin' });
    for (const [who, id] of [
      ['evaluator', evaluator.id],
      ['panelist', panel.A],
      ['admin lokal', adminLokal.id],
      ['system admin', systemAdmin.id],
    ] as const) {
      const res = await inject('GET', url, id);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code, who).toBe('forbidden.missingRole');
      expect(res.body, who).not.toContain('Ani Pakar');
    }
    const foreign = await inject('GET', url, otherSecretariat.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Ani Pakar');
    expect((await inject('GET', url)).statusCode).toBe(401);
  });

  it('answers 404 for a proposal of another competition and a stage that is not scored', async () => {
    const elsewhere = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Lain Lagi',
      now: new Date(),
    });
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Di Tempat Lain' });
    const theirs = await makeJudgedProposal(ctx.db, {
      competitionId: elsewhere.competitionId,
      institutionId: inst.id,
      state: 'finalist',
    });
    const wrong = await inject(
      'GET',
      `/api/competitions/${competitionId}/stages/${stageId}/proposals/${theirs.id}/sheets`,
      secretariatId,
    );
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message.id).toBe('Proposal tidak ditemukan.');
    const submission = await stageOf(ctx.db, competitionId, 'submission');
    const notScored = await inject(
      'GET',
      `/api/competitions/${competitionId}/stages/${submission.id}/proposals/${finalist.id}/sheets`,
      secretariatId,
    );
    expect(notScored.statusCode).toBe(404);
    const bad = await inject(
      'GET',
      `/api/competitions/${competitionId}/stages/${stageId}/proposals/x/sheets`,
      secretariatId,
    );
    expect(bad.statusCode).toBe(400);
  });
});
