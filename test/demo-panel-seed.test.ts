import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { seedDemo, seedReferenceData } from '../src/seed/index.js';
import { PANEL_DEMO } from '../src/seed/demo-panel.js';

/*
 * The panel demo (issue 13 "Done when"): a KIPP of the demo organizer whose selection ran, through the real
 * commands, to the final finalist list; the presentation window is open now and the panel's later stages
 * follow in order.
 */
describe('the panel demo (KIPP-PANEL)', () => {
  let ctx: TestContext;
  let competitionId = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
    await seedReferenceData(ctx.db);
    await seedDemo(ctx.db, ctx.clock, {
      dataDir: ctx.dataDir,
      storage: ctx.app.deps.storage,
      selection: false,
    });
    competitionId = (
      await ctx.db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', PANEL_DEMO.code)
        .executeTakeFirstOrThrow()
    ).id;
  }, 180_000);
  afterAll(async () => ctx.close());

  it('stands at its final finalist list: finalists in state finalist, the final announcement under its decree', async () => {
    const final = await ctx.db
      .selectFrom('announcements')
      .select(['kind', 'letter_number', 'entries'])
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'finalists_final')
      .executeTakeFirstOrThrow();
    expect(final.letter_number).toBe(PANEL_DEMO.decree(new Date().getUTCFullYear()));
    const listed = (JSON.parse(final.entries) as { proposalId: number }[]).map((e) => e.proposalId).sort();
    const finalists = await ctx.db
      .selectFrom('proposals')
      .select('id')
      .where('competition_id', '=', competitionId)
      .where('state', '=', 'finalist')
      .orderBy('id')
      .execute();
    expect(finalists.length).toBeGreaterThanOrEqual(6);
    expect(finalists.map((f) => f.id).sort()).toEqual(listed);
    // Both scored stages were decided: the finalists advanced from each.
    const decided = await ctx.db
      .selectFrom('stage_results as r')
      .innerJoin('stages as s', 's.id', 'r.stage_id')
      .select(['s.kind', 'r.outcome', 'r.proposal_id'])
      .where('s.competition_id', '=', competitionId)
      .execute();
    for (const f of finalists)
      for (const kind of ['evaluation_1', 'evaluation_2'])
        expect(decided.find((d) => d.kind === kind && d.proposal_id === f.id)?.outcome).toBe('advanced');
  });

  it('the whole Tim Panel is assigned to score every finalist at the presentation, on its rubric', async () => {
    const stage = await ctx.db
      .selectFrom('stages')
      .select('id')
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'presentation')
      .executeTakeFirstOrThrow();
    const finalists = await ctx.db
      .selectFrom('proposals')
      .select('id')
      .where('competition_id', '=', competitionId)
      .where('state', '=', 'finalist')
      .execute();
    const panel = await ctx.db
      .selectFrom('reviewer_profiles')
      .select('user_id')
      .where('competition_id', '=', competitionId)
      .where('team', '=', 'panel')
      .execute();
    const assigned = await ctx.db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'reviewer_id'])
      .where('stage_id', '=', stage.id)
      .where('status', '=', 'active')
      .execute();
    // Every panelist on every finalist (the demo's panelists have no conflict with a finalist).
    expect(assigned).toHaveLength(finalists.length * panel.length);
    const criteria = await ctx.db
      .selectFrom('rubric_criteria')
      .select('weight')
      .where('stage_id', '=', stage.id)
      .execute();
    expect(criteria.length).toBeGreaterThan(0);
  });

  it('the presentation window is open now; field verification, the final session and the announcement follow', async () => {
    const rows = await ctx.db
      .selectFrom('stages')
      .select(['kind', 'opens_at', 'closes_at'])
      .where('competition_id', '=', competitionId)
      .execute();
    const of = (kind: string) => rows.find((s) => s.kind === kind)!;
    const now = ctx.clock.now().getTime();
    const p = of('presentation');
    expect(Date.parse(p.opens_at!) <= now && now < Date.parse(p.closes_at!)).toBe(true);
    const order = ['public_objection', 'presentation', 'field_verification', 'final_panel', 'announcement'];
    for (let i = 1; i < order.length; i++)
      expect(of(order[i]!).opens_at! >= of(order[i - 1]!).closes_at!, order[i]).toBe(true);
  });

  it('the public rating of the finalists is open for the presentation window (the public page answers "open")', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/competitions/${competitionId}/public-ratings`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.window.state).toBe('open');
    const finalists = await ctx.db
      .selectFrom('proposals')
      .select('id')
      .where('competition_id', '=', competitionId)
      .where('state', '=', 'finalist')
      .execute();
    expect(body.finalists).toHaveLength(finalists.length);
  });
});
