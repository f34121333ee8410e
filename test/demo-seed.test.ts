import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { login } from './helpers/fixtures.js';
import { seedDemo, seedReferenceData, DEMO_PASSWORD } from '../src/seed/index.js';
import { LAST_YEAR_DEMO } from '../src/seed/demo-last-year.js';

describe('demo seed', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    await seedReferenceData(ctx.db);
    await seedDemo(ctx.db, ctx.clock, { dataDir: ctx.dataDir, storage: ctx.app.deps.storage });
  }, 120_000);
  afterAll(async () => ctx.close());

  it('creates one account per role, each able to log in with the printed password', async () => {
    const accounts = await seedDemo.accounts(ctx.db);
    expect(accounts.map((a) => a.email)).toEqual([
      'admin@demo.sinovik.id',
      'sekretariat@demo.sinovik.id',
      'sekretariat.kaltim@demo.sinovik.id',
      'adminlokal.tangerang@demo.sinovik.id',
      'upp.tangerang@demo.sinovik.id',
      'evaluator@demo.sinovik.id',
      'panelis@demo.sinovik.id',
      // The rest of the Tim Evaluasi, printed for the selection demo (KIPP-SELEKSI).
      'andi.prasetyo@demo.sinovik.id',
      'maya.kartika@demo.sinovik.id',
      'hendro.wibisono@demo.sinovik.id',
    ]);
    for (const a of accounts) {
      const cookie = await login(ctx.app, a.email, DEMO_PASSWORD);
      const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json().user.email).toBe(a.email);
      expect(me.json().user.mustCompleteProfile).toBe(false);
    }
  });

  it('publishes the national KIPP with its submission window open now, closing at 23:59 WIB', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/competitions' });
    const items = res.json().items as {
      code: string;
      status: string;
      organizer: { name: string };
      stages: { kind: string; opensAt: string; closesAt: string }[];
      timeZone: string;
    }[];
    expect(items.map((c) => `${c.code} ${c.organizer.name}`).sort()).toEqual([
      'KIPP Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
      'KIPP-KALTIM Pemerintah Provinsi Kalimantan Timur',
      // Last year's KIPP, its results published (demo-last-year.ts).
      'KIPP-LALU Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
      'KIPP-PANEL Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
      'KIPP-SELEKSI Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    ]);
    const kipp = items.find((c) => c.code === 'KIPP')!;
    const submission = kipp.stages.find((s) => s.kind === 'submission')!;
    const now = ctx.clock.now().toISOString();
    expect(submission.opensAt < now && now < submission.closesAt).toBe(true);
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Jakarta',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(submission.closesAt)),
    ).toBe('23:59');
  });

  it('gives both demo competitions a demo help contact, answered publicly and normalized', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/competitions' });
    const items = res.json().items as { code: string; helpdesk: Record<string, string | null> }[];
    expect(items.find((c) => c.code === 'KIPP')!.helpdesk).toEqual({
      phone: '+622155550101',
      email: 'bantuan.kipp@demo.sinovik.id',
      whatsapp: '+6281255550101',
      hours: 'Senin–Jumat 08.00–16.00 WIB',
    });
    expect(items.find((c) => c.code === 'KIPP-KALTIM')!.helpdesk).toEqual({
      phone: '+6254155550102',
      email: 'bantuan.kaltim@demo.sinovik.id',
      whatsapp: '+6281255550102',
      hours: 'Senin–Jumat 08.00–16.00 WITA',
    });
  });

  it("makes the national organizer's secretariat the data steward, and leaves Kaltim's to its own competition", async () => {
    const accounts = await seedDemo.accounts(ctx.db);
    expect(accounts.find((a) => a.email === 'sekretariat@demo.sinovik.id')).toEqual({
      role: 'Sekretariat + Pengelola Data Referensi',
      email: 'sekretariat@demo.sinovik.id',
      scope:
        'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi; data rujukan / reference data',
      selection: expect.stringMatching(/^seleksi administrasi, publikasi, penugasan, hasil/),
      panel: expect.stringMatching(
        /^jadwal presentasi, kunjungan lapangan, penilaian publik, sidang, hasil, piagam/,
      ),
    });
    const national = await login(ctx.app, 'sekretariat@demo.sinovik.id', DEMO_PASSWORD);
    const me = (
      await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: national } })
    ).json().user;
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['secretariat', 'data_steward']);
    expect(me.abilities).toMatchObject({
      manageInstitutions: true,
      manageAwards: true,
      reviewAdminRequests: true,
    });
    const kaltim = await login(ctx.app, 'sekretariat.kaltim@demo.sinovik.id', DEMO_PASSWORD);
    const refused = await ctx.app.inject({
      method: 'GET',
      url: '/api/admin-requests',
      headers: { cookie: kaltim },
    });
    expect(refused.statusCode).toBe(403);
    // Seeding again (as every start does) adds no second grant.
    await seedDemo(ctx.db, ctx.clock, { dataDir: ctx.dataDir, storage: ctx.app.deps.storage });
    const grants = await ctx.db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('u.email')
      .where('g.role', '=', 'data_steward')
      .execute();
    expect(grants).toEqual([{ email: 'sekretariat@demo.sinovik.id' }]);
  });

  it('leaves a pending admin lokal request with its letter for the secretariat', async () => {
    const cookie = await login(ctx.app, 'sekretariat@demo.sinovik.id', DEMO_PASSWORD);
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/admin-requests?status=pending',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const [request] = res.json().items;
    expect(request.email).toBe('yusuf.hidayat@demo.sinovik.id');
    const letter = await ctx.app.inject({
      method: 'GET',
      url: `/api/admin-requests/${request.id}/letter`,
      headers: { cookie },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fills the national KIPP with proposals of several institutions in every submission state', async () => {
    const rows = await ctx.db
      .selectFrom('proposals as p')
      .innerJoin('competitions as c', 'c.id', 'p.competition_id')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
      .select(['p.state', 'c.code', 'i.type', 'g.key as group', 'p.code as proposalCode'])
      // The selection demo (KIPP-SELEKSI) has its own test (demo-selection-seed.test.ts).
      .where('c.code', '=', 'KIPP')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['KIPP']));
    const states = new Map<string, number>();
    for (const r of rows) states.set(r.state, (states.get(r.state) ?? 0) + 1);
    for (const s of ['draft', 'sent_to_local_admin', 'returned', 'forwarded', 'withdrawn'])
      expect(states.get(s) ?? 0, s).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set([
        'pemerintah_kabupaten',
        'pemerintah_kota',
        'pemerintah_provinsi',
        'kementerian',
        'lembaga',
        'bumn',
      ]),
    );
    expect(rows.some((r) => r.group === 'replikasi' && r.state === 'forwarded')).toBe(true);
    expect(rows.every((r) => /^KIPP-\d{4}-\d{5}$/.test(r.proposalCode))).toBe(true);
  });

  it('shows the demo UPP its own proposals in several states and the admin lokal one awaiting review', async () => {
    const upp = await login(ctx.app, 'upp.tangerang@demo.sinovik.id', DEMO_PASSWORD);
    const mine = await ctx.app.inject({ method: 'GET', url: '/api/proposals', headers: { cookie: upp } });
    // Received and frozen ones are in the selection demo (KIPP-SELEKSI), past its closing; passed the
    // administrative check and finalists in the panel demo (KIPP-PANEL), at its final finalist list.
    expect(new Set(mine.json().items.map((p: { state: string }) => p.state))).toEqual(
      new Set([
        'draft',
        'sent_to_local_admin',
        'returned',
        'forwarded',
        'received',
        'frozen',
        'passed_admin',
        'finalist',
      ]),
    );
    const admin = await login(ctx.app, 'adminlokal.tangerang@demo.sinovik.id', DEMO_PASSWORD);
    const theirs = await ctx.app.inject({
      method: 'GET',
      url: '/api/proposals?state=sent_to_local_admin',
      headers: { cookie: admin },
    });
    expect(theirs.json().items.map((p: { title: string }) => p.title)).toEqual([
      'Rujukan Balik Terpantau untuk Ibu Hamil Risiko Tinggi',
    ]);
    const forwarded = mine.json().items.find((p: { state: string }) => p.state === 'forwarded');
    const detail = await ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${forwarded.id}`,
      headers: { cookie: upp },
    });
    expect(detail.json().completeness).toEqual({ complete: true, missing: [] });
  });

  it('gives the national KIPP a Tim Evaluasi of four and a Tim Panel Independen of three, profiles complete', async () => {
    const kipp = await ctx.db
      .selectFrom('competitions')
      .select(['id', 'organizer_institution_id'])
      .where('code', '=', 'KIPP')
      .executeTakeFirstOrThrow();
    const cookie = await login(ctx.app, 'sekretariat@demo.sinovik.id', DEMO_PASSWORD);
    const list = async (team: string) =>
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/competitions/${kipp.id}/review-team/${team}`,
          headers: { cookie },
        })
      ).json() as {
        items: { email: string; status: string; expertise: unknown[]; conflicts: { source: string }[] }[];
      };
    const evaluation = await list('evaluation');
    expect(evaluation.items).toHaveLength(4);
    expect(evaluation.items.map((m) => m.email)).toContain('evaluator@demo.sinovik.id');
    expect(evaluation.items.every((m) => m.status === 'complete' && m.expertise.length > 0)).toBe(true);
    expect(evaluation.items.flatMap((m) => m.conflicts.map((c) => c.source)).sort()).toEqual([
      'automatic',
      'declared',
    ]);
    const panel = await list('panel');
    expect(panel.items).toHaveLength(3);
    expect(panel.items.map((m) => m.email)).toContain('panelis@demo.sinovik.id');
    // The demo evaluator sees their own complete profile.
    const own = await ctx.app.inject({
      method: 'GET',
      url: '/api/me/review-teams',
      headers: { cookie: await login(ctx.app, 'evaluator@demo.sinovik.id', DEMO_PASSWORD) },
    });
    // Also on the selection demo's team (KIPP-SELEKSI), the panel demo's (KIPP-PANEL) and last year's.
    expect(own.json().items).toEqual([
      { competition: expect.objectContaining({ id: kipp.id }), team: 'evaluation', profileComplete: true },
      {
        competition: expect.objectContaining({ name: 'KIPP Demo Seleksi' }),
        team: 'evaluation',
        profileComplete: true,
      },
      {
        competition: expect.objectContaining({ name: 'KIPP Demo Panel' }),
        team: 'evaluation',
        profileComplete: true,
      },
      {
        competition: expect.objectContaining({ name: `KIPP ${ctx.clock.now().getUTCFullYear() - 1}` }),
        team: 'evaluation',
        profileComplete: true,
      },
    ]);
  });

  it("holds last year's KIPP in the public gallery: its finalists with their awards, the Top 45 first by award", async () => {
    const year = ctx.clock.now().getUTCFullYear() - 1;
    const competition = await ctx.db
      .selectFrom('competitions')
      .selectAll()
      .where('code', '=', LAST_YEAR_DEMO.code)
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    expect([competition.name, competition.year]).toEqual([`KIPP ${year}`, year]);
    // Its results were published a year ago under the minister's decree.
    const results = await ctx.db
      .selectFrom('announcements')
      .select(['letter_number', 'published_at'])
      .where('competition_id', '=', competition.id)
      .where('kind', '=', 'final_results')
      .executeTakeFirstOrThrow();
    expect(results.letter_number).toBe(LAST_YEAR_DEMO.resultsDecree(year));
    expect(Date.parse(results.published_at)).toBeLessThan(ctx.clock.now().getTime() - 300 * 86_400_000);
    // What the panel decided: every finalist, the winners with the level of their award.
    const decided = await ctx.db
      .selectFrom('panel_decisions as d')
      .innerJoin('proposals as p', 'p.id', 'd.proposal_id')
      .select(['p.title', 'p.state', 'd.award_key'])
      .where('p.competition_id', '=', competition.id)
      .execute();
    const level: Record<string, string> = { top45: 'TOP45', top5_replikasi: 'TOP5_REPLIKASI' };
    const expected = new Map(
      decided.map((d) => [d.title, d.award_key ? [level[d.award_key]!, 'TOP99'] : ['TOP99']]),
    );
    expect(decided.every((d) => d.state === 'finalist')).toBe(true);
    expect(decided.filter((d) => d.award_key === 'top45')).toHaveLength(LAST_YEAR_DEMO.awardPlaces.top45!);
    expect(decided.filter((d) => d.award_key === 'top5_replikasi')).toHaveLength(1);
    expect(decided.length).toBeGreaterThanOrEqual(6);

    const res = await ctx.app.inject({ method: 'GET', url: `/api/public/gallery?year=${year}&sort=award` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      total: number;
      sort: string;
      items: { slug: string; title: string; awards: string[]; competition: { code: string } }[];
    };
    expect(body.sort).toBe('award');
    expect(body.total).toBe(decided.length);
    expect(new Map(body.items.map((i) => [i.title, i.awards]))).toEqual(expected);
    expect(body.items.every((i) => i.competition.code === competition.code)).toBe(true);
    // By award: the Top 45 first, then the Top 5 replikasi, then the other finalists.
    const rank = (awards: string[]) => ['TOP45', 'TOP5_REPLIKASI', 'TOP99'].indexOf(awards[0]!);
    const ranks = body.items.map((i) => rank(i.awards));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
    // A winner reads in full at its address.
    const winner = await ctx.app.inject({ method: 'GET', url: `/api/public/gallery/${body.items[0]!.slug}` });
    expect(winner.statusCode).toBe(200);
    expect(winner.json().summary.length).toBeGreaterThan(100);
  });

  it('is idempotent: a second run adds no user, competition, unit or proposal', async () => {
    const count = async (table: 'users' | 'competitions' | 'units' | 'institutions' | 'proposals') =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [
      await count('users'),
      await count('competitions'),
      await count('units'),
      await count('institutions'),
      await count('proposals'),
    ];
    await seedReferenceData(ctx.db);
    await seedDemo(ctx.db, ctx.clock, { dataDir: ctx.dataDir, storage: ctx.app.deps.storage });
    expect([
      await count('users'),
      await count('competitions'),
      await count('units'),
      await count('institutions'),
      await count('proposals'),
    ]).toEqual(before);
  });
});
