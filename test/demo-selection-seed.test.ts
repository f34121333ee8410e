import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { login } from './helpers/fixtures.js';
import { seedDemo, seedReferenceData, DEMO_PASSWORD } from '../src/seed/index.js';

/*
 * The selection demo (issue 12 "Done when"): a KIPP of the demo organizer past its closing, received by its
 * closing job, with the demo's review teams granted on it, rubrics and pass marks set, and every stage's
 * window laid out from now.
 */
describe('the selection demo (KIPP-SELEKSI)', () => {
  let ctx: TestContext;
  let competitionId = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
    await seedReferenceData(ctx.db);
    await seedDemo(ctx.db, ctx.clock, { dataDir: ctx.dataDir, storage: ctx.app.deps.storage });
    competitionId = (
      await ctx.db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', 'KIPP-SELEKSI')
        .executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterAll(async () => ctx.close());

  const stages = () =>
    ctx.db
      .selectFrom('stages')
      .select(['kind', 'opens_at', 'closes_at', 'settings'])
      .where('competition_id', '=', competitionId)
      .execute();

  it('closed a few days ago; the administrative check is open now and the later stages follow in order', async () => {
    const rows = await stages();
    const of = (kind: string) => rows.find((s) => s.kind === kind)!;
    const now = ctx.clock.now().getTime();
    const closed = Date.parse(of('submission').closes_at!);
    expect(now - closed).toBeGreaterThan(2 * 86_400_000);
    expect(now - closed).toBeLessThan(4 * 86_400_000);
    expect(JSON.parse(of('submission').settings).closedAt).toBeTruthy();
    const admin = of('administrative');
    expect(Date.parse(admin.opens_at!) <= now && now < Date.parse(admin.closes_at!)).toBe(true);
    const order = ['administrative', 'evaluation_1', 'evaluation_2', 'finalists', 'public_objection'];
    for (let i = 1; i < order.length; i++)
      expect(of(order[i]!).opens_at! >= of(order[i - 1]!).closes_at!, order[i]).toBe(true);
    expect(JSON.parse(of('evaluation_1').settings).review.passMark).toBe(75);
    expect(JSON.parse(of('evaluation_2').settings).review.passMark).toBe(75);
  });

  it('received about two dozen proposals through its closing job: queue rows and receipts to the admin lokal', async () => {
    const proposals = await ctx.db
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
      .select(['p.id', 'p.state', 'p.category_id', 'i.name as institution', 'g.key as group', 'p.code'])
      .where('p.competition_id', '=', competitionId)
      .execute();
    const received = proposals.filter((p) => p.state === 'received');
    expect(received.length).toBeGreaterThanOrEqual(24);
    // The drafts were frozen by the closing, as the job does.
    expect(proposals.filter((p) => p.state === 'frozen').length).toBeGreaterThan(0);
    expect(new Set(received.map((p) => p.institution)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(received.map((p) => p.category_id)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(received.map((p) => p.group))).toEqual(new Set(['umum', 'replikasi']));
    expect(received.some((p) => p.institution === 'Pemerintah Kabupaten Tangerang')).toBe(true);

    const checks = await ctx.db
      .selectFrom('admin_checks')
      .select('proposal_id')
      .where('competition_id', '=', competitionId)
      .execute();
    expect(checks.map((c) => c.proposal_id).sort()).toEqual(received.map((p) => p.id).sort());
    const receipts = await ctx.db
      .selectFrom('outbox')
      .select('text_body')
      .where('template', '=', 'proposal_receipt')
      .where('to_address', '=', 'adminlokal.tangerang@demo.sinovik.id')
      .execute();
    const tangerang = received.filter((p) => p.institution === 'Pemerintah Kabupaten Tangerang');
    for (const p of tangerang) expect(receipts.some((r) => r.text_body.includes(p.code))).toBe(true);
    const revisions = await ctx.db
      .selectFrom('proposal_revisions')
      .select('action')
      .where('proposal_id', '=', tangerang[0]!.id)
      .execute();
    expect(revisions.map((r) => r.action)).toContain('receive');
  });

  it("the demo secretariat works its queue; the demo admin lokal sees its institution's received proposals", async () => {
    const cookie = await login(ctx.app, 'sekretariat@demo.sinovik.id', DEMO_PASSWORD);
    const queue = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/admin-checks`,
      headers: { cookie },
    });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().total).toBeGreaterThanOrEqual(24);
    const admin = await login(ctx.app, 'adminlokal.tangerang@demo.sinovik.id', DEMO_PASSWORD);
    const theirs = await ctx.app.inject({
      method: 'GET',
      url: '/api/proposals?state=received',
      headers: { cookie: admin },
    });
    expect(theirs.json().items.length).toBeGreaterThanOrEqual(3);
  });

  it('has the Tim Evaluasi of four (one with a declared conflict), the panel, and both rubrics prepared', async () => {
    const cookie = await login(ctx.app, 'sekretariat@demo.sinovik.id', DEMO_PASSWORD);
    const team = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/competitions/${competitionId}/review-team/evaluation`,
        headers: { cookie },
      })
    ).json() as { items: { email: string; status: string; conflicts: { source: string }[] }[] };
    expect(team.items).toHaveLength(4);
    expect(team.items.every((m) => m.status === 'complete')).toBe(true);
    expect(team.items.flatMap((m) => m.conflicts.map((c) => c.source))).toContain('declared');
    const panel = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/review-team/panel`,
      headers: { cookie },
    });
    expect(panel.json().items).toHaveLength(3);
    const rubric = await ctx.db
      .selectFrom('rubric_criteria as r')
      .innerJoin('stages as s', 's.id', 'r.stage_id')
      .select(['s.kind'])
      .where('s.competition_id', '=', competitionId)
      .execute();
    expect(rubric.filter((r) => r.kind === 'evaluation_1').length).toBeGreaterThan(0);
    expect(rubric.filter((r) => r.kind === 'evaluation_2').length).toBeGreaterThan(0);
  });

  it('prints what each demo account does in it', async () => {
    const accounts = await seedDemo.accounts(ctx.db);
    const of = (email: string) => accounts.find((a) => a.email === email)!;
    expect(of('adminlokal.tangerang@demo.sinovik.id').selection).toMatch(/melengkapi proposal/);
    expect(of('evaluator@demo.sinovik.id').scope).toContain('KIPP Demo Seleksi');
    expect(of('andi.prasetyo@demo.sinovik.id').selection).toMatch(/evaluator kedua\/ketiga/);
  });
});
