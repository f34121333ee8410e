import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_SWEEP_KIND, storageSweepJob } from '../src/modules/proposals/evidence/sweep.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { filesUnder } from './helpers/multipart.js';
import { backdateObject, startS3, type S3Server } from './helpers/s3.js';

const NOW = new Date('2026-04-01T03:00:00.000Z');
const HOUR = 60 * 60_000;

/*
 * The same sweep on the disk (STORAGE=disk) and in an S3-compatible bucket (STORAGE=s3, a real s3rver):
 * blobs are written straight into the storage, last changed at a chosen time.
 */
describe.each(['disk', 's3'] as const)('the storage sweep (timed job, STORAGE=%s)', (kind) => {
  let ctx: TestContext;
  let root: string;
  let s3: S3Server | null = null;

  beforeAll(async () => {
    if (kind === 's3') s3 = await startS3();
    ctx = await createTestApp({ env: s3 ? s3.env : { STORAGE: 'disk' } });
    ctx.clock.freeze(NOW);
    root = path.join(ctx.dataDir, 'files');
  });
  afterAll(async () => {
    await ctx?.close();
    await s3?.close({ removeFiles: true });
  });

  /** A blob written straight into storage, last changed `ageMs` before NOW; `file` names it in `stored()`. */
  const blob = async (content: string, ageMs: number) => {
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    const key = `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
    const t = new Date(NOW.getTime() - ageMs);
    if (s3) {
      await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: content }));
      backdateObject(s3, s3.bucket, key, t);
      return { sha, key, file: key };
    }
    const file = path.join(root, key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    fs.utimesSync(file, t, t);
    return { sha, key, file };
  };
  /** What is stored: the bucket's keys (s3) or the blob files (disk), and the temporary files. */
  const stored = async () => {
    const local = filesUnder(root);
    if (!s3) return local.sort();
    const page = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    return [...(page.Contents ?? []).map((o) => o.Key!), ...local].sort();
  };
  const isStored = async (file: string) => (await stored()).includes(file);
  const temp = (name: string, ageMs: number) => {
    const file = path.join(root, 'tmp', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'partial upload');
    const t = new Date(NOW.getTime() - ageMs);
    fs.utimesSync(file, t, t);
    return file;
  };

  it('removes old unnamed blobs and stale temp files, keeps named, young and fresh ones, and reschedules', async () => {
    const named = await blob('named by a files row', 5 * HOUR);
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
    const orphan = await blob('nobody names me', 5 * HOUR);
    const young = await blob('an upload about to commit', 5 * 60_000);
    const staleTemp = temp('mati.part', 2 * HOUR);
    const freshTemp = temp('berjalan.part', 10 * 60_000);

    const job = storageSweepJob(ctx.app.deps.storage);
    await job.ensure(ctx.db, ctx.clock);
    await job.ensure(ctx.db, ctx.clock); // a second worker starting: still one job
    const handlers = { [STORAGE_SWEEP_KIND]: job.handler };
    expect(await runDueJobs(ctx.db, ctx.clock, handlers)).toEqual({ done: 1, failed: 0 });

    expect(await stored()).toEqual([named.file, young.file, freshTemp].sort());
    expect(await isStored(orphan.file)).toBe(false);
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
    expect(await isStored(young.file)).toBe(false);
    expect(await isStored(named.file)).toBe(true);
  });
});
