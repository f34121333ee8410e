import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { login } from './helpers/fixtures.js';
import { seedDemo, seedReferenceData, DEMO_PASSWORD } from '../src/seed/index.js';

describe('demo seed', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    await seedReferenceData(ctx.db);
    await seedDemo(ctx.db, ctx.clock, { dataDir: ctx.dataDir });
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
    expect(items.map((c) => c.organizer.name).sort()).toEqual([
      'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
      'Pemerintah Provinsi Kalimantan Timur',
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

  it('is idempotent: a second run adds no user, competition or unit', async () => {
    const count = async (table: 'users' | 'competitions' | 'units' | 'institutions') =>
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
    ];
    await seedReferenceData(ctx.db);
    await seedDemo(ctx.db, ctx.clock, { dataDir: ctx.dataDir });
    expect([
      await count('users'),
      await count('competitions'),
      await count('units'),
      await count('institutions'),
    ]).toEqual(before);
  });
});
