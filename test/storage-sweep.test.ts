import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_SWEEP_KIND, storageSweepJob } from '../src/modules/proposals/evidence/sweep.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { filesUnder } from './helpers/multipart.js';

const NOW = new Date('2026-04-01T03:00:00.000Z');
const HOUR = 60 * 60_000;

describe('the storage sweep (timed job)', () => {
  let ctx: TestContext;
  let root: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    root = path.join(ctx.dataDir, 'files');
  });
  afterAll(async () => ctx.close());

  /** A blob written straight into storage, last changed `ageMs` before NOW. */
  const blob = (content: string, ageMs: number) => {
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    const file = path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    const t = new Date(NOW.getTime() - ageMs);
    fs.utimesSync(file, t, t);
    return { sha, file, key: path.relative(root, file) };
  };
  const temp = (name: string, ageMs: number) => {
    const file = path.join(root, 'tmp', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'partial upload');
    const t = new Date(NOW.getTime() - ageMs);
    fs.utimesSync(file, t, t);
    return file;
  };

  it('removes old unnamed blobs and stale temp files, keeps named, young and fresh ones, and reschedules', async () => {
    const named = blob('named by a files row', 5 * HOUR);
    await ctx.db
      .insertInto('files')
      .values({
        sha256: named.sha,
        size: 20,
        mime: 'application/pdf',
        original_name: 'a.pdf',
        storage_key: named.key,
        uploaded_by: null,
        created_at: NOW.toISOString(),
      })
      .execute();
    const orphan = blob('nobody names me', 5 * HOUR);
    const young = blob('an upload about to commit', 5 * 60_000);
    const staleTemp = temp('mati.part', 2 * HOUR);
    const freshTemp = temp('berjalan.part', 10 * 60_000);

    const job = storageSweepJob(ctx.app.deps.storage);
    await job.ensure(ctx.db, ctx.clock);
    await job.ensure(ctx.db, ctx.clock); // a second worker starting: still one job
    const handlers = { [STORAGE_SWEEP_KIND]: job.handler };
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 1, failed: 0 });

    const left = filesUnder(root).sort();
    expect(left).toEqual([named.file, young.file, freshTemp].sort());
    expect(fs.existsSync(orphan.file)).toBe(false);
    expect(fs.existsSync(staleTemp)).toBe(false);

    const jobs = await ctx.db
      .selectFrom('jobs')
      .select(['status', 'run_at'])
      .where('kind', '=', STORAGE_SWEEP_KIND)
      .orderBy('run_at')
      .execute();
    expect(jobs).toEqual([
      { status: 'done', run_at: NOW.toISOString() },
      { status: 'pending', run_at: new Date(NOW.getTime() + HOUR).toISOString() },
    ]);

    // An hour later the young blob is old and still unnamed: the next run removes it.
    ctx.clock.freeze(new Date(NOW.getTime() + HOUR + 1000));
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 1, failed: 0 });
    expect(fs.existsSync(young.file)).toBe(false);
    expect(fs.existsSync(named.file)).toBe(true);
  });
});
