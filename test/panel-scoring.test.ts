import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { lastAudit, makeInstitution, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { insideStage, makeEvaluator, makeJudgedProposal, stageOf } from './helpers/judging.js';
import { makePanelist, publishFinalFinalists } from './helpers/panel.js';
import { assignReviewer } from './helpers/review.js';

/*
 * The presentation and interview on the review engine (issue 13 points 1–2, the scoring half): the Tim
 * Panel assigned as a whole to the finalists, abstentions for conflicts, scoring refusals, the stage score
 * as the mean of the panelists who scored, and the sheets hidden until the stage closes.
 */

describe('the panel scores the presentation', () => {
  let ctx: TestContext;
  let secretariatId: number;
  let competitionId: number;
  let stageId: number;
  let base: string;
  let closesAt: string;
  let during: Date;
  const finalists: Record<string, { id: number; institutionId: number }> = {};
  const panel: Record<string, { id: number }> = {};
  let instX: number;
  let instY: number;

  /** A session made at the clock's current time (moving the clock past the closing expires older ones). */
  const fresh = (userId: number) => sessionCookie(ctx, userId);
  const get = async (url: string, cookie?: string) => {
    cookie ??= await fresh(secretariatId);
    const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const run = async () =>
    ctx.app.inject({
      method: 'POST',
      url: `${base}/assignments/run`,
      headers: { cookie: await fresh(secretariatId) },
    });
  const assignmentOf = async (proposalId: number, reviewerId: number) =>
    ctx.db
      .selectFrom('review_assignments')
      .selectAll()
      .where('stage_id', '=', stageId)
      .where('proposal_id', '=', proposalId)
      .where('reviewer_id', '=', reviewerId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const activeCount = async () =>
    (
      await ctx.db
        .selectFrom('review_assignments')
        .select('id')
        .where('stage_id', '=', stageId)
        .where('status', '=', 'active')
        .execute()
    ).length;
  /** Sheet 2 ("Per proposal") of the stage's scores workbook: a proposal's score and explanation cells. */
  const workbookRowOf = async (proposalId: number) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `${base}/scores.xlsx`,
      headers: { cookie: await fresh(secretariatId) },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[1]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const { code } = await ctx.db
      .selectFrom('proposals')
      .select('code')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    for (let n = 2; n <= sheet.rowCount; n++) {
      const cells = sheet.getRow(n).values as unknown[];
      if (cells[1] !== code) continue;
      const cell = (name: string) => cells[header.indexOf(name)] ?? '';
      return { score: cell('Nilai yang dihitung'), explanation: cell('Penjelasan') };
    }
    throw new Error(`no row for ${code}`);
  };
  const view = (assignmentId: number, cookie: string) =>
    ctx.app.inject({ method: 'GET', url: `/api/review/assignments/${assignmentId}`, headers: { cookie } });
  /** Scores every criterion with `value` and submits, as the panelist. */
  const scoreAndSubmit = async (assignmentId: number, cookie: string, values: number[], submit = true) => {
    const v = (await view(assignmentId, cookie)).json();
    const save = await ctx.app.inject({
      method: 'PUT',
      url: `/api/review/assignments/${assignmentId}/evaluation`,
      headers: { cookie },
      payload: {
        version: v.evaluation.version,
        scores: v.criteria.map((c: { id: number }, i: number) => ({
          criterionId: c.id,
          value: values[i],
          comment: `Catatan ${i + 1}`,
        })),
      },
    });
    expect(save.statusCode, save.body).toBe(200);
    if (!submit) return save;
    const sub = await ctx.app.inject({
      method: 'POST',
      url: `/api/review/assignments/${assignmentId}/submit`,
      headers: { cookie },
      payload: { version: save.json().version },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    return sub;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Panel',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    const stage = await stageOf(ctx.db, competitionId, 'presentation');
    stageId = stage.id;
    closesAt = stage.closes_at!;
    base = `/api/competitions/${competitionId}/stages/${stageId}`;
    during = insideStage(stage);
    ctx.clock.freeze(during);
    secretariatId = kipp.secretariat.id;

    instX = (await makeInstitution(ctx.db, { name: 'Pemerintah Kota Finalis X' })).id;
    instY = (await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Finalis Y' })).id;
    for (const [key, inst] of [
      ['X', instX],
      ['Y', instY],
    ] as const) {
      const p = await makeJudgedProposal(ctx.db, {
        competitionId,
        institutionId: inst,
        state: 'finalist',
        title: `Inovasi Finalis ${key}`,
      });
      finalists[key] = { id: p.id, institutionId: inst };
    }
    for (const [key, name, affiliation] of [
      ['A', 'Ani Pakar', null],
      ['B', 'Budi Akademisi', null],
      ['C', 'Citra Tokoh', instX],
    ] as const) {
      const u = await makePanelist(ctx.db, { competitionId, name, affiliationInstitutionId: affiliation });
      panel[key] = { id: u.id };
    }
  });
  afterAll(() => ctx.close());

  it('has an empty pool until the final finalist list is published, and says why', async () => {
    const summary = await get(`${base}/assignments/summary`);
    expect(summary.stage).toMatchObject({ kind: 'presentation', mode: 'whole_panel', team: 'panel' });
    expect(summary.pool.proposals).toBe(0);
    expect(summary.pool.notReady.id).toContain('daftar finalis final');
    expect(summary.abilities.run).toBe(false);
    const res = await run();
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pool_empty');
  });

  it('assigns every panelist to every finalist except the one in conflict, who abstains; audited', async () => {
    await publishFinalFinalists(ctx.db, { competitionId, by: secretariatId, now: during });
    const res = await run();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, placed: 5, withdrawn: 0 });
    expect(body.abstentions).toEqual([
      expect.objectContaining({
        reviewer: { id: panel.C!.id, name: 'Citra Tokoh' },
        proposal: expect.objectContaining({ id: finalists.X!.id }),
        reasons: [{ id: 'Instansi afiliasinya sendiri', en: 'Their own affiliated institution' }],
        withdrawnAssignmentId: null,
      }),
    ]);
    expect(await activeCount()).toBe(5);
    const audit = await lastAudit(ctx.db);
    expect(audit.action).toBe('assignment.panel_run');
    expect(JSON.parse(audit.summary)).toMatchObject({
      placed: 5,
      abstentions: [{ reviewerId: panel.C!.id }],
    });
    const summary = await get(`${base}/assignments/summary`);
    expect(summary.pool).toMatchObject({ proposals: 2, complete: 2, missingPairs: 0 });
    expect(summary.abstentions).toHaveLength(1);
  });

  it('is idempotent: a second run adds nothing; new finalists and panelists get only what they lack', async () => {
    const again = await run();
    expect(again.json()).toMatchObject({ ok: true, placed: 0 });
    expect(await activeCount()).toBe(5);
    const z = await makeJudgedProposal(ctx.db, {
      competitionId,
      institutionId: (await makeInstitution(ctx.db, { name: 'Pemerintah Kota Finalis Z' })).id,
      state: 'finalist',
    });
    finalists.Z = { id: z.id, institutionId: z.institution_id };
    const d = await makePanelist(ctx.db, { competitionId, name: 'Dewi Jurnalis' });
    panel.D = { id: d.id };
    const third = await run();
    // D on X, Y, Z and A, B, C on Z.
    expect(third.json()).toMatchObject({ ok: true, placed: 6 });
    expect(await activeCount()).toBe(11);
    expect((await run()).json().placed).toBe(0);
    const pairs = await ctx.db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'reviewer_id'])
      .where('stage_id', '=', stageId)
      .execute();
    expect(new Set(pairs.map((p) => `${p.proposal_id}:${p.reviewer_id}`)).size).toBe(pairs.length);
  });

  it('refuses a panelist scoring a finalist they are in conflict with (403), even with an assignment row', async () => {
    const id = await assignReviewer(ctx.db, {
      stageId,
      proposalId: finalists.X!.id,
      reviewerId: panel.C!.id,
      now: during,
    });
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/review/assignments/${id}/evaluation`,
      headers: { cookie: await fresh(panel.C!.id) },
      payload: { version: 0, scores: [] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('conflict_of_interest');
    expect(res.json().error.message.id).toContain('Instansi afiliasinya sendiri');
    const sub = await ctx.app.inject({
      method: 'POST',
      url: `/api/review/assignments/${id}/submit`,
      headers: { cookie: await fresh(panel.C!.id) },
      payload: { version: 1 },
    });
    expect(sub.statusCode).toBe(403);
    expect(sub.json().error.code).toBe('conflict_of_interest');
    const v = (await view(id, await fresh(panel.C!.id))).json();
    expect(v.abilities).toEqual({ score: false, submit: false });
    expect(v.conflict).toHaveLength(1);
    // The next run withdraws that stray row: the conflict makes it an abstention.
    const fix = await run();
    expect(fix.json()).toMatchObject({ withdrawn: 1, placed: 0 });
    expect((await assignmentOf(finalists.X!.id, panel.C!.id)).status).toBe('withdrawn');
  });

  it('scores on the presentation rubric; the others stay hidden before the closing', async () => {
    const a = await assignmentOf(finalists.X!.id, panel.A!.id);
    const v = (await view(a.id, await fresh(panel.A!.id))).json();
    expect(v.criteria.map((c: { key: string; weight: number }) => [c.key, c.weight])).toEqual([
      ['paparan', 30],
      ['materi', 50],
      ['video', 10],
      ['kehadiran_pimpinan', 10],
    ]);
    expect(v.label).toMatch(/^Panelis [A-Z]$/);
    // A: 80 everywhere (total 80); B: 70 everywhere (total 70).
    await scoreAndSubmit(a.id, await fresh(panel.A!.id), [80, 80, 80, 80]);
    const b = await assignmentOf(finalists.X!.id, panel.B!.id);
    await scoreAndSubmit(b.id, await fresh(panel.B!.id), [70, 70, 70, 70]);
    const after = (await view(a.id, await fresh(panel.A!.id))).json();
    expect(after.evaluation.status).toBe('submitted');
    expect(after.others).toBeNull();
    expect(after.othersHiddenUntil).toBe('closing');
  });

  it('waits for a sitting panelist while open; the score is the mean of the panelists who scored, the abstainer named', async () => {
    const results = await get(`${base}/results`);
    const x = results.rows.find((r: { proposal: { id: number } }) => r.proposal.id === finalists.X!.id);
    // D sits on X and has not submitted: X waits while the stage is open.
    expect(x).toMatchObject({ status: 'waiting', score: null });
    expect(x.panel).toMatchObject({ sitting: 3, scored: 2, pending: [panel.D!.id] });
    const d = await assignmentOf(finalists.X!.id, panel.D!.id);
    await scoreAndSubmit(d.id, await fresh(panel.D!.id), [60, 60, 60, 60], false); // a draft only
    const closed = new Date(Date.parse(closesAt) + 60_000);
    ctx.clock.freeze(closed);
    const final = await get(`${base}/results`);
    const row = final.rows.find((r: { proposal: { id: number } }) => r.proposal.id === finalists.X!.id);
    expect(row).toMatchObject({ status: 'scored', raw: 75, score: 75, submitted: 2 });
    expect(row.panel.abstainers).toEqual([
      expect.objectContaining({ reviewerId: panel.C!.id, name: 'Citra Tokoh' }),
    ]);
    expect(row.panel.unsubmitted).toEqual([{ reviewerId: panel.D!.id, name: 'Dewi Jurnalis' }]);
    expect(row.explanation.id).toContain('Rata-rata dari 2 panelis yang menilai (80,00; 70,00) = 75,00');
    expect(row.explanation.id).toContain('Abstain: Citra Tokoh');
    // The scores workbook's sheet 2 computes as the results page does, open and closed.
    expect(await workbookRowOf(finalists.X!.id)).toMatchObject({
      score: 75,
      explanation: row.explanation.id,
    });
    ctx.clock.freeze(during);
    expect(await workbookRowOf(finalists.X!.id)).toMatchObject({ score: '', explanation: x.explanation.id });
  });

  it('refuses a save or a submit after the closing with 409 naming the time and zone', async () => {
    const d = await assignmentOf(finalists.Y!.id, panel.D!.id);
    ctx.clock.freeze(new Date(Date.parse(closesAt) + 1000));
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/review/assignments/${d.id}/evaluation`,
      headers: { cookie: await fresh(panel.D!.id) },
      payload: { version: 0, scores: [] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stage_closed');
    expect(res.json().error.message.id).toMatch(/\d{2}[.:]\d{2} WIB/);
    expect(res.json().error.closesAt).toBe(closesAt);
    expect(res.json().error.message.id).toContain('12 Juli 2026 23.59 WIB');
    expect(res.json().error.message.en).toContain('12 July 2026 23:59 WIB');
    const sub = await ctx.app.inject({
      method: 'POST',
      url: `/api/review/assignments/${d.id}/submit`,
      headers: { cookie: await fresh(panel.D!.id) },
      payload: { version: 1 },
    });
    expect(sub.statusCode).toBe(409);
    expect(sub.json().error.code).toBe('stage_closed');
    ctx.clock.freeze(during);
  });

  it("shows each panelist's sheet to the others once the stage closes", async () => {
    const a = await assignmentOf(finalists.X!.id, panel.A!.id);
    ctx.clock.freeze(new Date(Date.parse(closesAt) + 1000));
    const v = (await view(a.id, await fresh(panel.A!.id))).json();
    expect(v.othersHidden).toBe(false);
    const submitted = v.others.filter((o: { status: string }) => o.status === 'submitted');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ total: 70 });
    expect(submitted[0].scores.map((s: { value: number; comment: string }) => [s.value, s.comment])).toEqual([
      [70, 'Catatan 1'],
      [70, 'Catatan 2'],
      [70, 'Catatan 3'],
      [70, 'Catatan 4'],
    ]);
    // A draft of another panelist: its status only.
    const draft = v.others.find((o: { status: string }) => o.status === 'draft');
    expect(draft).toMatchObject({ total: null, scores: [] });
    ctx.clock.freeze(during);
  });

  it('a conflict found after the assignment withdraws it: an abstention, the draft kept but never counted', async () => {
    const b = await assignmentOf(finalists.Y!.id, panel.B!.id);
    await scoreAndSubmit(b.id, await fresh(panel.B!.id), [90, 90, 90, 90], false);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/review-team/panel/members/${panel.B!.id}/conflicts`,
      headers: { cookie: await fresh(secretariatId) },
      payload: { institutionId: instY, note: 'Pernah menjadi konsultan inovasi ini' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await assignmentOf(finalists.Y!.id, panel.B!.id);
    expect(row.status).toBe('withdrawn');
    expect(await activeCount()).toBe(10);
    const draft = await ctx.db
      .selectFrom('evaluations')
      .select('status')
      .where('assignment_id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(draft.status).toBe('draft');
    const summary = await get(`${base}/assignments/summary`);
    expect(summary.abstentions).toContainEqual(
      expect.objectContaining({
        reviewer: { id: panel.B!.id, name: 'Budi Akademisi' },
        proposal: expect.objectContaining({ id: finalists.Y!.id }),
        withdrawnAssignmentId: b.id,
        evaluation: 'draft',
      }),
    );
    // Nobody replaces an abstaining panelist, and the run does not put B back on Y.
    expect((await run()).json().placed).toBe(0);
    // A and D submit on Y; after the closing Y is their mean, B named as abstaining.
    await scoreAndSubmit(
      (await assignmentOf(finalists.Y!.id, panel.A!.id)).id,
      await fresh(panel.A!.id),
      [50, 50, 50, 50],
    );
    await scoreAndSubmit(
      (await assignmentOf(finalists.Y!.id, panel.D!.id)).id,
      await fresh(panel.D!.id),
      [61, 61, 61, 61],
    );
    ctx.clock.freeze(new Date(Date.parse(closesAt) + 1000));
    const results = await get(`${base}/results`);
    const y = results.rows.find((r: { proposal: { id: number } }) => r.proposal.id === finalists.Y!.id);
    expect(y).toMatchObject({ status: 'scored', score: 55.5 });
    expect(y.panel.abstainers.map((a: { name: string }) => a.name)).toEqual(['Budi Akademisi']);
    ctx.clock.freeze(during);
  });

  it('denies an evaluator, a panelist of another competition, a UPP and an admin lokal (404)', async () => {
    const evaluator = await makeEvaluator(ctx.db, { competitionId });
    const strayId = await assignReviewer(ctx.db, {
      stageId,
      proposalId: finalists.Z!.id,
      reviewerId: evaluator.id,
      now: during,
    });
    const evCookie = await sessionCookie(ctx, evaluator.id);
    expect((await view(strayId, evCookie)).statusCode).toBe(404);
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/review/assignments/${strayId}/evaluation`,
      headers: { cookie: evCookie },
      payload: { version: 0, scores: [] },
    });
    expect(put.statusCode).toBe(404);

    const a = await assignmentOf(finalists.Z!.id, panel.A!.id);
    const other = await publishedKipp(ctx.db, {
      organizerName: 'Pemerintah Provinsi Lain',
      now: new Date('2026-03-01T00:00:00Z'),
      year: 2027,
    });
    const otherPanelist = await makePanelist(ctx.db, { competitionId: other.competitionId });
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: instX });
    const local = await makeUser(ctx.db, { role: 'local_admin', institutionId: instX });
    for (const u of [otherPanelist, upp, local]) {
      const cookie = await sessionCookie(ctx, u.id);
      expect((await view(a.id, cookie)).statusCode).toBe(404);
      const res = await ctx.app.inject({
        method: 'PUT',
        url: `/api/review/assignments/${a.id}/evaluation`,
        headers: { cookie },
        payload: { version: 0, scores: [] },
      });
      expect(res.statusCode).toBe(404);
    }
    const otherSecretariat = await sessionCookie(ctx, other.secretariat.id);
    const summary = await ctx.app.inject({
      method: 'GET',
      url: `${base}/assignments/summary`,
      headers: { cookie: otherSecretariat },
    });
    expect(summary.statusCode).toBe(404);
  });
});
