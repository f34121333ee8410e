import { describe, expect, it } from 'vitest';
import { reviewJobHandlers } from '../src/modules/review/reminders.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { appWithSmtpCapture } from './helpers/app.js';
import { makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { assignReviewer, passedProposal, stageOf } from './helpers/review.js';

/*
 * The reminders of a review stage (issue 12 point 4), on a real database and a real SMTP capture:
 * preparing the stage plans them once per stage and day; each runs once, mailing each evaluator with
 * unsubmitted work (bilingual by locale, the count, the closing with hour and zone), nobody whose work is in.
 */
const SETUP = new Date('2026-04-01T03:00:00.000Z');
const SCORING = new Date('2026-05-20T03:00:00.000Z');
const THREE_DAYS_BEFORE = new Date('2026-05-28T17:30:00.000Z'); // evaluation_1 closes 31 May 23.59 WIB

describe('review reminders', () => {
  const suite = appWithSmtpCapture();

  it('are planned once, run once, and reach only evaluators with unsubmitted work', async () => {
    const { ctx, smtp } = suite;
    ctx.clock.freeze(SETUP);
    const a = await publishedKipp(ctx.db, { organizerName: 'Kementerian Pengingat', now: SETUP });
    const stage = await stageOf(ctx.db, a.competitionId, 'evaluation_1');
    const busy = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId: a.competitionId,
      name: 'Evaluator Sibuk',
      email: 'sibuk@uji.go.id',
    });
    const done = await makeUser(ctx.db, {
      role: 'evaluator',
      competitionId: a.competitionId,
      name: 'Evaluator Rampung',
      email: 'rampung@uji.go.id',
    });
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', done.id).execute();
    const p1 = await passedProposal(ctx, { competitionId: a.competitionId, now: SETUP, withFile: false });
    const p2 = await passedProposal(ctx, { competitionId: a.competitionId, now: SETUP, withFile: false });
    await assignReviewer(ctx.db, { stageId: stage.id, proposalId: p1.id, reviewerId: busy.id });
    await assignReviewer(ctx.db, { stageId: stage.id, proposalId: p2.id, reviewerId: busy.id });
    const doneAssignment = await assignReviewer(ctx.db, {
      stageId: stage.id,
      proposalId: p1.id,
      reviewerId: done.id,
    });

    ctx.clock.freeze(SCORING);
    const secretariat = await sessionCookie(ctx, a.secretariat.id);
    const prepare = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/competitions/${a.competitionId}/stages/${stage.id}/rubric`,
        headers: { cookie: secretariat },
      });
    expect((await prepare()).statusCode).toBe(200);
    expect((await prepare()).statusCode).toBe(200);
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select(['unique_key', 'run_at', 'status'])
      .where('kind', '=', 'review_reminder')
      .orderBy('run_at')
      .execute();
    expect(jobs.map((j) => [j.unique_key, j.run_at])).toEqual([
      [`review_reminder:${stage.id}:2026-05-31T16:59:00.000Z:3d`, '2026-05-28T16:59:00.000Z'],
      [`review_reminder:${stage.id}:2026-05-31T16:59:00.000Z:1d`, '2026-05-30T16:59:00.000Z'],
    ]);

    // The second evaluator submits everything.
    const cookie = await sessionCookie(ctx, done.id);
    const view = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/review/assignments/${doneAssignment}`,
        headers: { cookie },
      })
    ).json() as { criteria: { id: number }[] };
    const saved = await ctx.app.inject({
      method: 'PUT',
      url: `/api/review/assignments/${doneAssignment}/evaluation`,
      headers: { cookie },
      payload: { version: 0, scores: view.criteria.map((c) => ({ criterionId: c.id, value: 70 })) },
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await ctx.app.inject({
      method: 'POST',
      url: `/api/review/assignments/${doneAssignment}/submit`,
      headers: { cookie },
      payload: { version: 1 },
    });
    expect(submitted.statusCode).toBe(200);

    const handlers = reviewJobHandlers(ctx.config.baseUrl);
    ctx.clock.freeze(THREE_DAYS_BEFORE);
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 1, failed: 0 });
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 0, failed: 0 });
    const rows = await ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body', 'organizer_institution_id', 'institution_id'])
      .where('template', '=', 'review_reminder')
      .execute();
    expect(rows.map((r) => r.to_address)).toEqual(['sibuk@uji.go.id']);
    expect(rows[0].subject).toBe(`Pengingat: 2 penilaian ${stage.name_id} belum dikirim`);
    expect(rows[0].text_body).toContain('31 Mei 2026 23.59 WIB');
    expect(rows[0].text_body).toContain(`${ctx.config.baseUrl}/penilaian`);
    expect(rows[0].organizer_institution_id).toBe(a.organizer.id);
    expect(rows[0].institution_id).toBeNull();
    await ctx.deliverMail();
    const mail = smtp.messages.find((m) => m.to.includes('sibuk@uji.go.id'))!;
    expect(mail.subject).toContain('2 penilaian');
    expect(smtp.messages.some((m) => m.to.includes('rampung@uji.go.id'))).toBe(false);
  });
});
