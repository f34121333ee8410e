import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { connect, type Db } from '../src/db/connect.js';
import {
  countUse,
  RATE_LIMIT_SWEEP_KIND,
  rateLimitSweepJob,
  readUse,
  sweepEndedWindows,
} from '../src/platform/shared-limit.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { VERIFY_RATE_LIMIT } from '../src/modules/certificates/public-routes.js';
import { SessionLimit } from '../src/modules/public-ratings/session-limit.js';
import { createTestApp, type TestContext } from './helpers/app.js';

/*
 * Limits shared through the database (issue 15 point 2): the counter (one UPSERT per use), the route limits
 * of @fastify/rate-limit over it, and the public rating's per-session limit — each seen from two apps or two
 * connections on one database, as two app processes see it.
 */

const T0 = 1_800_000_000_000;

describe('shared limits in the database', () => {
  let ctx: TestContext;
  /** A second connection to the same database: what another process holds. */
  let other: Db;

  beforeAll(async () => {
    ctx = await createTestApp();
    other = connect(ctx.testDb.url, ctx.testDb.dialect);
  });
  afterAll(async () => {
    await other.destroy();
    await ctx.close();
  });

  it('counts uses in a fixed window, starts a new window after it ends, and keeps keys apart', async () => {
    expect((await countUse(ctx.db, 'k1', 60_000, T0)).count).toBe(1);
    expect(await countUse(ctx.db, 'k1', 60_000, T0 + 10_000)).toEqual({ count: 2, resetAtMs: T0 + 60_000 });
    expect((await countUse(ctx.db, 'k2', 60_000, T0 + 10_000)).count).toBe(1);
    expect(await readUse(ctx.db, 'k1', T0 + 20_000)).toEqual({ count: 2, resetAtMs: T0 + 60_000 });
    // The window ended: the next use starts a new one of its own length.
    expect(await countUse(ctx.db, 'k1', 60_000, T0 + 60_000)).toEqual({ count: 1, resetAtMs: T0 + 120_000 });
    expect(await readUse(ctx.db, 'k2', T0 + 69_999)).toEqual({ count: 1, resetAtMs: T0 + 70_000 });
    expect(await readUse(ctx.db, 'k2', T0 + 70_000)).toEqual({ count: 0, resetAtMs: T0 + 70_000 });
  });

  it('100 uses at once from two connections count 1..100, none lost or counted twice', async () => {
    const uses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => countUse(i % 2 ? other : ctx.db, 'race', 60_000, T0)),
    );
    expect(uses.map((u) => u.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });

  it('deletes the windows that ended, and only those', async () => {
    await countUse(ctx.db, 'old', 1_000, T0);
    await countUse(ctx.db, 'alive', 600_000, T0);
    const swept = await sweepEndedWindows(ctx.db, T0 + 2_000);
    expect(swept).toBeGreaterThanOrEqual(1);
    const keys = (await ctx.db.selectFrom('rate_limit_windows').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('alive');
    expect(keys).toContain('race');
    expect(keys).not.toContain('old');
  });

  it("the worker's hourly sweep deletes the windows that ended (the addresses in their keys go with them)", async () => {
    const wall = Date.now();
    await countUse(ctx.db, 'ended 203.0.113.7', 1_000, wall - 10_000);
    await countUse(ctx.db, 'running 203.0.113.8', 600_000, wall);
    await rateLimitSweepJob.ensure(ctx.db, ctx.clock);
    expect(
      await runDueJobs(ctx.db, ctx.clock, { [RATE_LIMIT_SWEEP_KIND]: rateLimitSweepJob.handler }),
    ).toEqual({
      done: 1,
      failed: 0,
    });
    const keys = (await ctx.db.selectFrom('rate_limit_windows').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('running 203.0.113.8');
    expect(keys).not.toContain('ended 203.0.113.7');
    const next = await ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', RATE_LIMIT_SWEEP_KIND)
      .where('status', '=', 'pending')
      .execute();
    expect(next).toHaveLength(1);
  });

  it("a route's limit holds across two apps on one database: the N+1th request is 429 on either", async () => {
    const second = await buildApp({ config: ctx.config, db: other, clock: ctx.clock, logger: false });
    await second.ready();
    try {
      const apps = [ctx.app, second];
      const verify = (i: number) =>
        apps[i % 2].inject({ method: 'GET', url: '/api/public/certificates/PIAGAM-KIPP-2026-0009?k=0' });
      const statuses: number[] = [];
      for (let i = 0; i < VERIFY_RATE_LIMIT; i++) statuses.push((await verify(i)).statusCode);
      expect(statuses).toEqual(Array(VERIFY_RATE_LIMIT).fill(200));
      const over = [await verify(0), await verify(1)];
      expect(over.map((r) => r.statusCode)).toEqual([429, 429]);
      expect(over[1].json().error.code).toBe('verification_rate_limited');
      expect(Number(over[1].headers['retry-after'])).toBeGreaterThan(0);
      // Another route's limit is its own (counted under the route's method and pattern).
      const other = await second.inject({ method: 'GET', url: '/api/public/gallery/stats/replication' });
      expect(other.statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("the rating session's limit counts the uses of two processes together", async () => {
    const a = new SessionLimit(ctx.db, 3);
    const b = new SessionLimit(other, 3);
    const takes = [
      await a.take('77', T0),
      await b.take('77', T0 + 1),
      await a.take('77', T0 + 2),
      await b.take('77', T0 + 3),
      await a.take('78', T0 + 3),
    ];
    expect(takes).toEqual([null, null, null, 60_000 - 3, null]);
    expect(await a.take('77', T0 + 60_000)).toBeNull();
  });
});
