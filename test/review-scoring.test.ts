import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewProgress, RubricView, ScoringView, WorkList } from '../src/contracts/review.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { assignReviewer, passedProposal, stageOf, withdrawAssignment } from './helpers/review.js';

/*
 * The review engine's scoring (issue 12 point 4) through the API on a real database: the evaluator's work
 * list holds their active assignments only; the scoring page, its evidence and its autosave answer 404 for
 * anything else; the autosave's version lock, the 0–100 rule naming the criterion, the submit lock, the
 * closed stage; other evaluators' scores hidden until one's own is submitted; the secretariat's rubric and
 * progress, and nobody else's.
 */
const SETUP = new Date('2026-04-01T03:00:00.000Z'); // submission window open: evidence can be uploaded
const SCORING = new Date('2026-05-20T03:00:00.000Z'); // inside evaluation_1 (13–31 May 2026)
const AFTER_CLOSE = new Date('2026-06-01T00:00:00.000Z'); // evaluation_1 closed 31 May 23.59 WIB

let ctx: TestContext;
const cookie: Record<string, string> = {};
const users: Record<string, number> = {};
const ids: Record<string, number> = {};
let stageId: number;
let competitionId: number;

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url: `/api${url}`,
    headers: who === 'anonymous' ? {} : { cookie: cookie[who] },
    ...(payload ? { payload } : {}),
  });

/** The error body of a refusal. */
const err = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; fields: Record<string, any>; message: any } & Record<string, any> })
    .error;

/** Runs `fn` with the clock at `instant` and fresh sessions there (an idle session would have expired). */
async function atInstant(instant: Date, fn: () => Promise<void>) {
  const saved = { ...cookie };
  ctx.clock.freeze(instant);
  for (const [name, id] of Object.entries(users)) cookie[name] = await sessionCookie(ctx, id);
  try {
    await fn();
  } finally {
    ctx.clock.freeze(SCORING);
    Object.assign(cookie, saved);
  }
}

const view = async (who: string, assignment: number) => {
  const res = await call(who, 'GET', `/review/assignments/${assignment}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ScoringView;
};

/** Every criterion of the view at one value, with a comment. */
const allScores = (v: ScoringView, value: number, comment: string) =>
  v.criteria.map((c) => ({ criterionId: c.id, value, comment, evidenceSupports: true }));

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.freeze(SETUP);
  const a = await publishedKipp(ctx.db, { organizerName: 'Kementerian Penilaian A', now: SETUP });
  const b = await publishedKipp(ctx.db, { organizerName: 'Kementerian Penilaian B', now: SETUP });
  competitionId = a.competitionId;
  stageId = (await stageOf(ctx.db, a.competitionId, 'evaluation_1')).id;
  const stageB = (await stageOf(ctx.db, b.competitionId, 'evaluation_1')).id;
  const people = {
    e1: await makeUser(ctx.db, { role: 'evaluator', competitionId: a.competitionId, name: 'Evaluator Satu' }),
    e2: await makeUser(ctx.db, { role: 'evaluator', competitionId: a.competitionId, name: 'Evaluator Dua' }),
    eB: await makeUser(ctx.db, { role: 'evaluator', competitionId: b.competitionId, name: 'Evaluator B' }),
    panel: await makeUser(ctx.db, { role: 'panelist', competitionId: a.competitionId }),
    secretariatB: b.secretariat,
    secretariat: a.secretariat,
  };
  const p1 = await passedProposal(ctx, { competitionId: a.competitionId, now: SETUP, title: 'Inovasi Satu' });
  const p2 = await passedProposal(ctx, { competitionId: a.competitionId, now: SETUP, title: 'Inovasi Dua' });
  const p3 = await passedProposal(ctx, { competitionId: a.competitionId, now: SETUP, title: 'Inovasi Tiga' });
  const p4 = await passedProposal(ctx, {
    competitionId: a.competitionId,
    now: SETUP,
    title: 'Inovasi Empat',
  });
  const pB = await passedProposal(ctx, { competitionId: b.competitionId, now: SETUP, title: 'Inovasi B' });
  // p4 stands for a proposal not in judging (a draft): assigned by mistake, it must never show.
  await ctx.db.updateTable('proposals').set({ state: 'draft' }).where('id', '=', p4.id).execute();
  const upp = await ctx.db
    .selectFrom('users')
    .select('id')
    .where(
      'id',
      '=',
      (
        await ctx.db
          .selectFrom('proposals')
          .select('created_by')
          .where('id', '=', p1.id)
          .executeTakeFirstOrThrow()
      ).created_by,
    )
    .executeTakeFirstOrThrow();
  const localAdmin = await makeUser(ctx.db, { role: 'local_admin', institutionId: p1.institutionId });
  ids.p1 = p1.id;
  ids.p2 = p2.id;
  ids.a1 = await assignReviewer(ctx.db, { stageId, proposalId: p1.id, reviewerId: people.e1.id });
  ids.a2 = await assignReviewer(ctx.db, { stageId, proposalId: p1.id, reviewerId: people.e2.id });
  ids.a3 = await assignReviewer(ctx.db, { stageId, proposalId: p2.id, reviewerId: people.e1.id });
  ids.a4 = await assignReviewer(ctx.db, { stageId, proposalId: p3.id, reviewerId: people.e2.id });
  ids.aDraft = await assignReviewer(ctx.db, { stageId, proposalId: p4.id, reviewerId: people.e1.id });
  ids.aWithdrawn = await assignReviewer(ctx.db, { stageId, proposalId: p3.id, reviewerId: people.e1.id });
  await withdrawAssignment(ctx.db, ids.aWithdrawn);
  ids.aB = await assignReviewer(ctx.db, { stageId: stageB, proposalId: pB.id, reviewerId: people.eB.id });
  ctx.clock.freeze(SCORING);
  for (const [name, user] of Object.entries(people)) {
    users[name] = user.id;
    ids[name] = user.id;
  }
  users.upp = upp.id;
  users.localAdmin = localAdmin.id;
  for (const [name, id] of Object.entries(users)) cookie[name] = await sessionCookie(ctx, id);
}, 60_000);
afterAll(async () => ctx?.close());

describe("the evaluator's work list", () => {
  it('holds their active assignments on proposals in judging only, with the stage closing', async () => {
    const res = await call('e1', 'GET', '/review/work');
    expect(res.statusCode).toBe(200);
    const body = res.json() as WorkList;
    expect(body.competitions).toHaveLength(1);
    const [stage] = body.competitions[0].stages;
    expect(stage.kind).toBe('evaluation_1');
    expect(stage.closesAt).toBe('2026-05-31T16:59:00.000Z');
    expect(stage.timeZone).toBe('Asia/Jakarta');
    // a1 and a3: not the withdrawn one, not the draft.
    expect(stage.items.map((i) => i.assignmentId).sort()).toEqual([ids.a1, ids.a3].sort());
    expect(stage.counts).toEqual({ assigned: 2, notStarted: 2, draft: 0, submitted: 0 });
  });

  it('is empty for an evaluator of another competition and for the secretariat', async () => {
    const b = (await call('eB', 'GET', '/review/work')).json() as WorkList;
    expect(
      b.competitions.flatMap((c) => c.stages.flatMap((s) => s.items.map((i) => i.assignmentId))),
    ).toEqual([ids.aB]);
    const s = (await call('secretariat', 'GET', '/review/work')).json() as WorkList;
    expect(s.competitions).toEqual([]);
    expect((await call('anonymous', 'GET', '/review/work')).statusCode).toBe(401);
  });
});

describe('the scoring page and who may open it', () => {
  it('shows the proposal read-only without the contact phone and e-mail, its evidence through the assignment, and the rubric', async () => {
    const v = await view('e1', ids.a1);
    expect(v.proposal.title).toBe('Inovasi Satu');
    const raw = JSON.stringify(v);
    expect(raw).not.toContain('081234567890');
    expect(raw).not.toContain('@uji.go.id');
    expect(v.criteria.map((c) => c.weight)).toEqual([10, 15, 5, 30, 20, 5, 15]);
    expect(v.criteria[0].sectionKey).toBe('latar_belakang_tujuan');
    expect(v.attachments).toHaveLength(1);
    expect(v.attachments[0].downloadUrl).toBe(
      `/api/review/assignments/${ids.a1}/attachments/${v.attachments[0].id}`,
    );
    expect(v.evaluation).toMatchObject({ status: 'not_started', version: 0, scores: [] });
    expect(v.label).toBe('Evaluator A');
    expect(v.abilities).toEqual({ score: true, submit: true });
    const file = await ctx.app.inject({
      method: 'GET',
      url: v.attachments[0].downloadUrl,
      headers: { cookie: cookie.e1 },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^inline/);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for another evaluator, a withdrawn assignment, a proposal not in judging, another competition, the secretariat, a UPP and its admin lokal', async () => {
    const attachmentId = (await view('e1', ids.a1)).attachments[0].id;
    const refused: [string, number][] = [
      ['e2', ids.a1],
      ['e1', ids.aWithdrawn],
      ['e1', ids.aDraft],
      ['eB', ids.a1],
      ['e1', ids.aB],
      ['panel', ids.a1],
      ['secretariat', ids.a1],
      ['secretariatB', ids.a1],
      ['upp', ids.a1],
      ['localAdmin', ids.a1],
    ];
    for (const [who, assignment] of refused) {
      const page = await call(who, 'GET', `/review/assignments/${assignment}`);
      expect(page.statusCode, `${who} → ${assignment}`).toBe(404);
      expect(err(page).code).toBe('not_found');
      const save = await call(who, 'PUT', `/review/assignments/${assignment}/evaluation`, {
        version: 0,
        scores: [],
      });
      expect(save.statusCode, `${who} saves ${assignment}`).toBe(404);
      const file = await call(who, 'GET', `/review/assignments/${assignment}/attachments/${attachmentId}`);
      expect(file.statusCode, `${who} file of ${assignment}`).toBe(404);
    }
    expect((await call('anonymous', 'GET', `/review/assignments/${ids.a1}`)).statusCode).toBe(401);
    // The file of another proposal through one's own assignment: 404 too.
    const other = (await view('e1', ids.a3)).attachments[0].id;
    expect((await call('e1', 'GET', `/review/assignments/${ids.a1}/attachments/${other}`)).statusCode).toBe(
      404,
    );
  });
});

describe('autosave, submit and lock', () => {
  it('saves with the version, refuses a stale version with 409 and the current version', async () => {
    const v = await view('e1', ids.a3);
    const first = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
      version: 0,
      scores: [{ criterionId: v.criteria[0].id, value: 80, comment: 'Latar belakang jelas' }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, total: null });
    const stale = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
      version: 0,
      scores: [{ criterionId: v.criteria[0].id, value: 10 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(err(stale)).toMatchObject({ code: 'evaluation_changed', version: 1 });
    const second = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
      version: 1,
      scores: [{ criterionId: v.criteria[1].id, value: 70, evidenceSupports: false }],
    });
    expect(second.json()).toMatchObject({ version: 2 });
    const after = await view('e1', ids.a3);
    expect(after.evaluation.status).toBe('draft');
    expect(after.evaluation.version).toBe(2);
    expect(after.evaluation.scores).toEqual(
      expect.arrayContaining([
        { criterionId: v.criteria[0].id, value: 80, comment: 'Latar belakang jelas', evidenceSupports: null },
        { criterionId: v.criteria[1].id, value: 70, comment: null, evidenceSupports: false },
      ]),
    );
    const work = (await call('e1', 'GET', '/review/work')).json() as WorkList;
    expect(work.competitions[0].stages[0].items.find((i) => i.assignmentId === ids.a3)?.status).toBe('draft');
  });

  it('refuses a score outside 0–100 with 400 naming the criterion, and keeps what was saved', async () => {
    const v = await view('e1', ids.a3);
    const novelty = v.criteria.find((c) => c.key === 'kebaruan')!;
    for (const value of [101, -1]) {
      const res = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
        version: v.evaluation.version,
        scores: [
          { criterionId: v.criteria[0].id, value: 5 },
          { criterionId: novelty.id, value },
        ],
      });
      expect(res.statusCode).toBe(400);
      const body = err(res);
      expect(body.code).toBe('validation_failed');
      expect(Object.keys(body.fields)).toEqual(['scores.kebaruan.value']);
      expect(body.fields['scores.kebaruan.value'].code).toBe('score_out_of_range');
      expect(body.fields['scores.kebaruan.value'].message.id).toContain(novelty.labelId);
      expect(body.fields['scores.kebaruan.value'].message.en).toContain(novelty.labelEn);
    }
    const text = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
      version: v.evaluation.version,
      scores: [{ criterionId: novelty.id, value: 'sembilan puluh' }],
    });
    expect(text.statusCode).toBe(400);
    const unknown = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
      version: v.evaluation.version,
      scores: [{ criterionId: 999_999, value: 50 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(err(unknown).fields['scores.999999'].code).toBe('unknown_criterion');
    const after = await view('e1', ids.a3);
    expect(after.evaluation).toEqual(v.evaluation);
  });

  it('submits only with every criterion scored, stores the weighted total, then locks it (409 on any change)', async () => {
    let v = await view('e1', ids.a3);
    const incomplete = await call('e1', 'POST', `/review/assignments/${ids.a3}/submit`, {
      version: v.evaluation.version,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(err(incomplete).code).toBe('scores_incomplete');
    expect(Object.keys(err(incomplete).fields)).toHaveLength(5);
    const values = [80, 90, 70, 85, 60, 100, 75];
    const save = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
      version: v.evaluation.version,
      scores: v.criteria.map((c, i) => ({ criterionId: c.id, value: values[i] })),
    });
    expect(save.json().total).toBe(78.75);
    const stale = await call('e1', 'POST', `/review/assignments/${ids.a3}/submit`, {
      version: v.evaluation.version,
    });
    expect(stale.statusCode).toBe(409);
    const submit = await call('e1', 'POST', `/review/assignments/${ids.a3}/submit`, {
      version: save.json().version,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json()).toMatchObject({ total: 78.75 });
    v = await view('e1', ids.a3);
    expect(v.evaluation).toMatchObject({ status: 'submitted', total: 78.75 });
    expect(v.abilities).toEqual({ score: false, submit: false });
    const change = await call('e1', 'PUT', `/review/assignments/${ids.a3}/evaluation`, {
      version: v.evaluation.version,
      scores: [{ criterionId: v.criteria[0].id, value: 10 }],
    });
    expect(change.statusCode).toBe(409);
    expect(err(change).code).toBe('evaluation_submitted');
    const again = await call('e1', 'POST', `/review/assignments/${ids.a3}/submit`, {
      version: v.evaluation.version,
    });
    expect(err(again).code).toBe('evaluation_submitted');
    const stored = await ctx.db
      .selectFrom('evaluations')
      .select(['status', 'total'])
      .where('assignment_id', '=', ids.a3)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'submitted', total: 78.75 });
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'organizer_institution_id', 'institution_id'])
      .where('entity_type', '=', 'review_assignment')
      .where('entity_id', '=', String(ids.a3))
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['evaluation.started', 'evaluation.submitted']);
    // The organizer's secretariat reads them; the participant institution never does.
    expect(audit.every((e) => e.institution_id === null && e.organizer_institution_id !== null)).toBe(true);
  });
});

describe("other evaluators' scores", () => {
  it("are hidden until one's own is submitted (the API sends nothing of them), then shown as Evaluator A/B", async () => {
    const v1 = await view('e1', ids.a1);
    await call('e1', 'PUT', `/review/assignments/${ids.a1}/evaluation`, {
      version: 0,
      scores: allScores(v1, 90, 'KOMENTAR-RAHASIA-E1'),
    });
    const submitted = await call('e1', 'POST', `/review/assignments/${ids.a1}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // e2 has not submitted: e1's scores and comments are not in the answer at all.
    const before = await call('e2', 'GET', `/review/assignments/${ids.a2}`);
    expect(before.json().others).toBeNull();
    expect(before.json().othersHidden).toBe(true);
    expect(before.body).not.toContain('KOMENTAR-RAHASIA-E1');
    expect(before.json().label).toBe('Evaluator B');
    // e1 submitted: e2's draft stays unseen (status only, no scores).
    const v2 = await view('e2', ids.a2);
    await call('e2', 'PUT', `/review/assignments/${ids.a2}/evaluation`, {
      version: 0,
      scores: allScores(v2, 60, 'KOMENTAR-DRAF-E2'),
    });
    const seenByE1 = await call('e1', 'GET', `/review/assignments/${ids.a1}`);
    expect(seenByE1.body).not.toContain('KOMENTAR-DRAF-E2');
    expect(seenByE1.json().others).toEqual([
      { label: 'Evaluator B', status: 'draft', total: null, submittedAt: null, scores: [] },
    ]);
    await call('e2', 'POST', `/review/assignments/${ids.a2}/submit`, { version: 1 });
    const after = await view('e2', ids.a2);
    expect(after.othersHidden).toBe(false);
    expect(after.others).toHaveLength(1);
    expect(after.others![0]).toMatchObject({ label: 'Evaluator A', status: 'submitted', total: 90 });
    expect(after.others![0].scores.map((s) => s.comment)).toEqual(
      v1.criteria.map(() => 'KOMENTAR-RAHASIA-E1'),
    );
    expect(JSON.stringify(after)).not.toContain('Evaluator Satu');
  });

  it('are shown before submitting when the stage setting says so', async () => {
    const stage = await stageOf(ctx.db, competitionId, 'evaluation_1');
    const settings = JSON.parse(stage.settings) as Record<string, unknown>;
    await ctx.db
      .updateTable('stages')
      .set({ settings: JSON.stringify({ ...settings, review: { hideOthersUntilSubmitted: false } }) })
      .where('id', '=', stageId)
      .execute();
    try {
      const v = await view('e2', ids.a4);
      expect(v.othersHidden).toBe(false);
      expect(v.others).toEqual([]);
    } finally {
      await ctx.db
        .updateTable('stages')
        .set({ settings: stage.settings })
        .where('id', '=', stageId)
        .execute();
    }
  });
});

describe('progress and rubric for the secretariat', () => {
  it('shows per evaluator and per proposal, with totals once submitted, to the organizer only', async () => {
    const res = await call('secretariat', 'GET', `/competitions/${competitionId}/stages/${stageId}/progress`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ReviewProgress;
    expect(body.totals).toEqual({
      proposals: 3,
      assignments: 4,
      notStarted: 1,
      draft: 0,
      submitted: 3,
      overdue: 0,
    });
    const e1 = body.reviewers.find((r) => r.userId === ids.e1)!;
    // a1 and a3; not the withdrawn assignment, not the proposal out of judging.
    expect(e1).toMatchObject({ name: 'Evaluator Satu', assigned: 2, submitted: 2 });
    const p1 = body.proposals.find((p) => p.id === ids.p1)!;
    expect(p1.reviewers.map((r) => [r.name, r.status, r.total])).toEqual([
      ['Evaluator Satu', 'submitted', 90],
      ['Evaluator Dua', 'submitted', 60],
    ]);
    const unfinished = (
      await call(
        'secretariat',
        'GET',
        `/competitions/${competitionId}/stages/${stageId}/progress?status=unfinished`,
      )
    ).json() as ReviewProgress;
    expect(unfinished.proposals.every((p) => p.reviewers.some((r) => r.status !== 'submitted'))).toBe(true);
    expect(unfinished.proposals.map((p) => p.id)).not.toContain(ids.p1);
    for (const who of ['secretariatB', 'e1', 'upp', 'localAdmin', 'panel']) {
      const denied = await call(who, 'GET', `/competitions/${competitionId}/stages/${stageId}/progress`);
      expect(denied.statusCode, who).toBe(404);
      expect(denied.body).not.toContain('Evaluator Satu');
    }
  });

  it('counts what is not submitted after the closing as overdue', async () => {
    await atInstant(AFTER_CLOSE, async () => {
      const body = (
        await call(
          'secretariat',
          'GET',
          `/competitions/${competitionId}/stages/${stageId}/progress?status=overdue`,
        )
      ).json() as ReviewProgress;
      expect(body.stage.closed).toBe(true);
      expect(body.totals.overdue).toBe(1);
      expect(body.proposals.every((p) => p.reviewers.some((r) => r.overdue))).toBe(true);
    });
  });

  it('refuses scoring after the stage closed with 409 stage_closed naming the closing with hour and zone', async () => {
    await atInstant(AFTER_CLOSE, async () => {
      const v = await view('e2', ids.a4);
      expect(v.stage.closed).toBe(true);
      expect(v.abilities.score).toBe(false);
      const res = await call('e2', 'PUT', `/review/assignments/${ids.a4}/evaluation`, {
        version: 0,
        scores: [{ criterionId: v.criteria[0].id, value: 50 }],
      });
      expect(res.statusCode).toBe(409);
      const body = err(res);
      expect(body.code).toBe('stage_closed');
      expect(body.closesAt).toBe('2026-05-31T16:59:00.000Z');
      expect(body.message.id).toContain('31 Mei 2026 23.59 WIB');
      expect(body.message.en).toContain('31 May 2026 23:59 WIB');
    });
  });

  it('shows the rubric per group; preparing it is idempotent and refused once scores exist and the form moved', async () => {
    const rubric = (
      await call('secretariat', 'GET', `/competitions/${competitionId}/stages/${stageId}/rubric`)
    ).json() as RubricView;
    expect(rubric.prepared).toBe(true);
    expect(rubric.locked).toBe(true);
    const umum = rubric.groups.find((g) => g.key === 'umum')!;
    expect(umum.totalWeight).toBe(100);
    expect(umum.criteria).toHaveLength(7);
    const again = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/stages/${stageId}/rubric`,
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ inserted: 0, updated: 0, removed: 0 });
    // The evidence stage: nothing scored yet, so it is prepared, and a second run changes nothing.
    const stage2 = (await stageOf(ctx.db, competitionId, 'evaluation_2')).id;
    const first = await call('secretariat', 'POST', `/competitions/${competitionId}/stages/${stage2}/rubric`);
    expect(first.json().inserted).toBeGreaterThanOrEqual(7);
    const second = await call(
      'secretariat',
      'POST',
      `/competitions/${competitionId}/stages/${stage2}/rubric`,
    );
    expect(second.json()).toEqual({ inserted: 0, updated: 0, removed: 0 });
    const r2 = (
      await call('secretariat', 'GET', `/competitions/${competitionId}/stages/${stage2}/rubric`)
    ).json() as RubricView;
    expect(r2.groups.find((g) => g.key === 'umum')!.criteria[0].labelId).toMatch(
      /^Kelengkapan dan relevansi bukti — /,
    );
    // A weight changed in the form after scores exist: 409, the criteria stay as they were.
    const section = await ctx.db
      .selectFrom('form_sections')
      .select(['id', 'weight'])
      .where(
        'id',
        '=',
        (
          await ctx.db
            .selectFrom('rubric_criteria')
            .select('section_id')
            .where('id', '=', umum.criteria[1].id)
            .executeTakeFirstOrThrow()
        ).section_id!,
      )
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('form_sections')
      .set({ weight: section.weight + 5 })
      .where('id', '=', section.id)
      .execute();
    try {
      const refused = await call(
        'secretariat',
        'POST',
        `/competitions/${competitionId}/stages/${stageId}/rubric`,
      );
      expect(refused.statusCode).toBe(409);
      expect(err(refused).code).toBe('rubric_in_use');
    } finally {
      await ctx.db
        .updateTable('form_sections')
        .set({ weight: section.weight })
        .where('id', '=', section.id)
        .execute();
    }
    for (const who of ['secretariatB', 'e1', 'upp']) {
      expect(
        (await call(who, 'GET', `/competitions/${competitionId}/stages/${stageId}/rubric`)).statusCode,
        who,
      ).toBe(404);
      expect(
        (await call(who, 'POST', `/competitions/${competitionId}/stages/${stageId}/rubric`)).statusCode,
        who,
      ).toBe(404);
    }
  });
});
