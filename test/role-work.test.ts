import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

describe('GET /api/auth/me/work: a judge’s home knows its competitions and when its work starts', () => {
  let ctx: TestContext;
  let competitionId: number;
  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.set(new Date('2026-02-01T03:00:00Z'));
    ({ competitionId } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Uji Beranda',
      now: ctx.clock.now(),
    }));
  });
  afterAll(async () => ctx.close());

  it('an evaluator sees its competition with the evaluation stages, upcoming, from the competition’s calendar', async () => {
    const evaluator = await makeUser(ctx.db, { role: 'evaluator', competitionId });
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me/work',
      headers: { cookie: await sessionCookie(ctx, evaluator.id) },
    });
    expect(res.statusCode).toBe(200);
    const [a, ...rest] = res.json().assignments;
    expect(rest).toEqual([]);
    const first = await ctx.db
      .selectFrom('stages')
      .select(['opens_at'])
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'evaluation_1')
      .executeTakeFirstOrThrow();
    expect(a).toMatchObject({
      role: 'evaluator',
      competition: { id: competitionId, year: 2026, timeZone: 'Asia/Jakarta', status: 'published' },
      startsAt: first.opens_at,
      state: 'upcoming',
    });
    expect(a.stages.map((s: { kind: string }) => s.kind)).toEqual(['evaluation_1', 'evaluation_2']);
    expect(a.stages[0].name.id).toBe('Penilaian Proposal oleh Tim Evaluasi');
  });

  it('a panelist sees the panel’s stages; a UPP has no assignments; a visitor is refused', async () => {
    const panelist = await makeUser(ctx.db, { role: 'panelist', competitionId });
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me/work',
      headers: { cookie: await sessionCookie(ctx, panelist.id) },
    });
    expect(res.json().assignments.map((a: { role: string }) => a.role)).toEqual(['panelist']);
    expect(res.json().assignments[0].stages.map((s: { kind: string }) => s.kind)).toEqual([
      'finalists',
      'presentation',
      'field_verification',
      'final_panel',
    ]);
    const steward = await makeUser(ctx.db, { role: 'data_steward' });
    const none = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me/work',
      headers: { cookie: await sessionCookie(ctx, steward.id) },
    });
    expect(none.json()).toEqual({ assignments: [] });
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/auth/me/work' });
    expect(anonymous.statusCode).toBe(401);
  });
});
