import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../src/platform/clock.js';
import {
  jobBackoffMs,
  JOB_LEASE_MS,
  JOB_MAX_ATTEMPTS,
  runDueJobs,
  scheduleJob,
  type JobHandler,
} from '../src/platform/jobs.js';
import { connect } from '../src/db/connect.js';
import { createTestDb, type TestDb } from './helpers/db.js';

describe('timed jobs', () => {
  let t: TestDb;
  let clock: AdjustableClock;
  const start = new Date('2026-05-02T16:00:00.000Z');

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.drop());
  beforeEach(async () => {
    await t.db.deleteFrom('jobs').execute();
    clock = new AdjustableClock();
    clock.freeze(start);
  });

  const closing = (runAt: Date, key = 'closing:1') =>
    scheduleJob(t.db, {
      kind: 'closing',
      uniqueKey: key,
      runAt,
      payload: { competitionId: 1 },
      now: clock.now(),
    });

  it('keeps one row per key and moves a pending job when scheduled again (an extended deadline)', async () => {
    await closing(new Date('2026-05-02T16:59:00.000Z'));
    await closing(new Date('2026-05-06T16:59:00.000Z'));
    const rows = await t.db.selectFrom('jobs').select(['unique_key', 'run_at', 'status']).execute();
    expect(rows).toEqual([
      { unique_key: 'closing:1', run_at: '2026-05-06T16:59:00.000Z', status: 'pending' },
    ]);
  });

  it('runs nothing before its instant and runs it once at its instant', async () => {
    const ran: number[] = [];
    const handlers: Record<string, JobHandler> = { closing: async (job) => void ran.push(job.id) };
    await closing(new Date('2026-05-02T16:59:00.000Z'));
    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 0, failed: 0 });
    clock.advance(59 * 60_000);
    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 1, failed: 0 });
    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 0, failed: 0 });
    expect(ran).toHaveLength(1);
    const row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it('runs once when several workers race for the same due job', async () => {
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      closing: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 50));
      },
    };
    await closing(start);
    // A second connection stands in for a second worker process.
    const other = t.dialect === 'postgres' ? connect(t.url, 'postgres') : connect(t.url, 'sqlite');
    const results = await Promise.all([
      runDueJobs(t.db, clock, handlers),
      runDueJobs(other, clock, handlers),
      runDueJobs(t.db, clock, handlers),
    ]);
    await other.destroy();
    expect(calls).toBe(1);
    expect(results.reduce((n, r) => n + r.done, 0)).toBe(1);
  });

  it('survives a restart: a job claimed by a worker that died is run again once its lease is over', async () => {
    await closing(start);
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', locked_until: new Date(start.getTime() + JOB_LEASE_MS).toISOString() })
      .execute();
    let calls = 0;
    const handlers: Record<string, JobHandler> = { closing: async () => void calls++ };
    expect((await runDueJobs(t.db, clock, handlers)).done).toBe(0);
    clock.advance(JOB_LEASE_MS + 1000);
    expect((await runDueJobs(t.db, clock, handlers)).done).toBe(1);
    expect(calls).toBe(1);
  });

  it('retries a failing job with backoff and marks it failed after the last attempt', async () => {
    await closing(start);
    const handlers: Record<string, JobHandler> = {
      closing: async () => {
        throw new Error('smtp down');
      },
    };
    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 0, failed: 1 });
    let row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'smtp down' });
    expect(row.run_at).toBe(new Date(start.getTime() + jobBackoffMs(1)).toISOString());
    for (let attempt = 2; attempt <= JOB_MAX_ATTEMPTS; attempt++) {
      clock.advance(jobBackoffMs(attempt - 1));
      await runDueJobs(t.db, clock, handlers);
    }
    row = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: JOB_MAX_ATTEMPTS });
  });
});
