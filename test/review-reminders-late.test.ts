import { describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '../src/contracts/competitions.js';
import type { Db } from '../src/db/connect.js';
import { reviewJobHandlers } from '../src/modules/review/reminders.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { makeInstitution, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { makeEvaluator, makeJudgedProposal } from './helpers/judging.js';
import { assignReviewer, passedProposal, stageOf } from './helpers/review.js';

/*
 * Review reminders around late assignments (issue 12 point 4), with the adjustable clock and the real SMTP
 * capture: an assignment made after some reminder days passed still gets the remaining reminders (the
 * assignment plans them, not only "Siapkan rubrik"), and no evaluator is mailed twice — not by a job run
 * again, and not when the worker catches up on two reminder days at once.
 */
const SETUP = new Date('2026-04-01T03:00:00.000Z');
// evaluation_1 of KIPP 2026 closes 31 May 2026 23.59 WIB (16:59Z): reminders 28 May and 30 May 16:59Z.
const AFTER_THREE_DAY = new Date('2026-05-29T12:00:00.000Z');
const AFTER_ONE_DAY = new Date('2026-05-30T17:00:00.000Z');
const CATCH_UP = new Date('2026-05-31T06:00:00.000Z');

const remindersTo = async (db: Db, email: string) =>
  (
    await db
      .selectFrom('outbox')
      .select('to_address')
      .where('template', '=', 'review_reminder')
      .where('to_address', '=', email)
      .execute()
  ).length;

describe('review reminders and late assignments', () => {
  const suite = appWithSmtpCapture();

  it('an assignment after the 3-day reminder passed still gets the 1-day reminder, once', async () => {
    const { ctx, smtp } = suite;
    ctx.clock.freeze(SETUP);
    const a = await publishedKipp(ctx.db, { organizerName: 'Kementerian Pengingat Telat', now: SETUP });
    const stage = await stageOf(ctx.db, a.competitionId, 'evaluation_1');
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Pengingat Telat' });
    for (let i = 0; i < 2; i++)
      await makeJudgedProposal(ctx.db, { competitionId: a.competitionId, institutionId: inst.id });
    const ev1 = await makeEvaluator(ctx.db, {
      competitionId: a.competitionId,
      email: 'telat.satu@uji.go.id',
    });
    const ev2 = await makeEvaluator(ctx.db, { competitionId: a.competitionId, email: 'telat.dua@uji.go.id' });

    // Nobody prepared the rubric: the first assignment is made after the 3-day reminder's time.
    ctx.clock.freeze(AFTER_THREE_DAY);
    const run = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${a.competitionId}/stages/${stage.id}/assignments/run`,
      headers: { cookie: await sessionCookie(ctx, a.secretariat.id) },
    });
    expect(run.json()).toMatchObject({ ok: true, placed: 4 });
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select(['unique_key', 'run_at'])
      .where('kind', '=', 'review_reminder')
      .where('unique_key', 'like', `review_reminder:${stage.id}:%`)
      .execute();
    expect(jobs.map((j) => j.unique_key)).toEqual([
      `review_reminder:${stage.id}:2026-05-31T16:59:00.000Z:1d`,
    ]);

    const handlers = reviewJobHandlers(ctx.config.baseUrl);
    ctx.clock.freeze(AFTER_ONE_DAY);
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 1, failed: 0 });
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 0, failed: 0 });
    expect(await remindersTo(ctx.db, 'telat.satu@uji.go.id')).toBe(1);
    expect(await remindersTo(ctx.db, 'telat.dua@uji.go.id')).toBe(1);
    await ctx.deliverMail();
    expect(
      smtp.messages.filter((m) => m.to.includes('telat.satu@uji.go.id') && /Pengingat/.test(m.subject)),
    ).toHaveLength(1);

    // A pair added after the last reminder day plans nothing more and sends nothing more.
    const late = await makeJudgedProposal(ctx.db, { competitionId: a.competitionId, institutionId: inst.id });
    const add = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${a.competitionId}/stages/${stage.id}/assignments`,
      headers: { cookie: await sessionCookie(ctx, a.secretariat.id) },
      payload: { proposalCode: late.code, reviewerId: ev1.id },
    });
    expect(add.statusCode, add.body).toBeLessThan(300);
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 0, failed: 0 });
    expect(await remindersTo(ctx.db, 'telat.satu@uji.go.id')).toBe(1);
    expect(ev2.id).toBeGreaterThan(0);
  });

  it('a worker catching up on two reminder days mails each evaluator once', async () => {
    const { ctx } = suite;
    ctx.clock.freeze(SETUP);
    const b = await publishedKipp(ctx.db, { organizerName: 'Kementerian Pengingat Susul', now: SETUP });
    const stage = await stageOf(ctx.db, b.competitionId, 'evaluation_1');
    const ev = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId: b.competitionId,
      email: 'susul@uji.go.id',
    });
    const p = await passedProposal(ctx, { competitionId: b.competitionId, now: SETUP, withFile: false });
    await assignReviewer(ctx.db, { stageId: stage.id, proposalId: p.id, reviewerId: ev.id });
    ctx.clock.freeze(new Date('2026-05-20T03:00:00.000Z'));
    const prepared = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${b.competitionId}/stages/${stage.id}/rubric`,
      headers: { cookie: await sessionCookie(ctx, b.secretariat.id) },
    });
    expect(prepared.statusCode).toBe(200);
    // The worker was down over both reminder days: both jobs are due at once.
    ctx.clock.freeze(CATCH_UP);
    expect(await runDueJobs(ctx.db, ctx.clock, reviewJobHandlers(ctx.config.baseUrl))).toEqual({
      done: 2,
      failed: 0,
    });
    expect(await remindersTo(ctx.db, 'susul@uji.go.id')).toBe(1);
  });

  it("moving a stage's closing in the settings plans its reminders for the new closing at once", async () => {
    const { ctx } = suite;
    ctx.clock.freeze(SETUP);
    const c = await publishedKipp(ctx.db, { organizerName: 'Kementerian Pengingat Pindah', now: SETUP });
    const stage = await stageOf(ctx.db, c.competitionId, 'evaluation_1');
    const ev = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId: c.competitionId,
      email: 'pindah@uji.go.id',
    });
    const p = await passedProposal(ctx, { competitionId: c.competitionId, now: SETUP, withFile: false });
    await assignReviewer(ctx.db, { stageId: stage.id, proposalId: p.id, reviewerId: ev.id });
    const cookie = await sessionCookie(ctx, c.secretariat.id);
    const detail = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/competitions/${c.competitionId}`,
        headers: { cookie },
      })
    ).json() as CompetitionDetail;
    // Evaluation 1 now closes a week earlier, 24 May 2026 23.59 WIB: an amendment of a published competition.
    const moved = '2026-05-24T16:59:00.000Z';
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/competitions/${c.competitionId}`,
      headers: { cookie },
      payload: {
        code: detail.code,
        name: detail.name,
        year: detail.year,
        theme: detail.theme,
        description: detail.description,
        timeZone: detail.timeZone,
        settings: detail.settings,
        categories: detail.categories.map(({ id: _id, ...x }) => x),
        groups: detail.groups.map(({ id: _id, sections, ...g }) => ({
          ...g,
          sections: sections.map(({ id: _sid, ...x }) => x),
        })),
        stages: detail.stages.map(({ id: _id, ...s }) =>
          s.kind === 'evaluation_1' ? { ...s, closesAt: moved } : s,
        ),
        amendment: { number: 'ADD/2/2026', reasonId: 'Jadwal penilaian dipercepat satu pekan' },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select('unique_key')
      .where('kind', '=', 'review_reminder')
      .where('unique_key', 'like', `review_reminder:${stage.id}:${moved}:%`)
      .orderBy('unique_key')
      .execute();
    expect(jobs.map((j) => j.unique_key)).toEqual([
      `review_reminder:${stage.id}:${moved}:1d`,
      `review_reminder:${stage.id}:${moved}:3d`,
    ]);
    // Three days before the new closing the evaluator is reminded, once.
    ctx.clock.freeze(new Date('2026-05-21T17:00:00.000Z'));
    await runDueJobs(ctx.db, ctx.clock, reviewJobHandlers(ctx.config.baseUrl));
    expect(await remindersTo(ctx.db, 'pindah@uji.go.id')).toBe(1);
  });
});
