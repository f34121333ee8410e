import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, type InventoriedFile } from '../../src/platform/backup/manifest.js';
import type { BlobStore } from '../../src/platform/storage.js';
import { Client, Recorder, sleep, type Answer } from './http.js';
import { webPids } from './processes.js';
import { startBenchS3, type BenchS3 } from './s3-server.js';
import { repoRoot, type Server } from './server.js';

/*
 * The faults of `--only faults` (faults.ts), each a step the phase runs on a timer beside the surge: kill one
 * web process, take the object store down and bring it back, `sinovik backup` / `restore` as child processes;
 * and the recorder that keeps when each answer came, to judge what happened around each fault.
 */

/** One answer of the surge, when it came (epoch ms), with what a refusal said. */
export interface Timed {
  name: string;
  status: number;
  at: number;
  retryAfter: string | null;
  code: string | null;
}

/** A Recorder that also keeps every answer's time, status, Retry-After and error code. */
export class TimedRecorder extends Recorder {
  readonly timeline: Timed[] = [];

  override add(name: string, a: Answer, ok?: boolean) {
    super.add(name, a, ok);
    let code: string | null = null;
    if (a.status >= 400)
      try {
        code = (JSON.parse(a.body.toString('utf8')) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = null;
      }
    const retryAfter = a.headers['retry-after'];
    this.timeline.push({
      name,
      status: a.status,
      at: Date.now(),
      retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
      code,
    });
  }
}

export interface KillResult {
  victim: number;
  before: number[];
  killedAt: number;
  /** The web process the primary started in its place, and when it appeared (ms after the kill). */
  replacement: number | null;
  replacedAfterMs: number | null;
  after: number[];
  /**
   * GET /api/health on a new connection every 100 ms from the kill until a second after the new process was
   * forked (before it can serve): every 200 came from the other web process.
   */
  probe: { requests: number; ok: number };
}

/**
 * `kill -9` of one web process of `server`, then waits (up to 30 s) for the primary to start another,
 * probing meanwhile that the other one answers.
 */
export async function killWebProcess(server: Server): Promise<KillResult> {
  const before = webPids(server);
  const victim = before[0];
  process.kill(victim, 'SIGKILL');
  const killedAt = Date.now();
  let probeUntil = killedAt + 31_000;
  const probe = { requests: 0, ok: 0 };
  // One probe every 100 ms whatever the others do (one handed to the killed process hangs until its timeout).
  const probes: Promise<void>[] = [];
  const probing = (async () => {
    while (Date.now() < probeUntil) {
      probes.push(
        (async () => {
          const c = new Client(server.port, { timeoutMs: 1000 });
          const a = await c.request('GET', '/api/health');
          c.close();
          probe.requests++;
          if (a.status === 200) probe.ok++;
        })(),
      );
      await sleep(100);
    }
    await Promise.all(probes);
  })();
  let found: Omit<KillResult, 'probe'>;
  for (;;) {
    const now = webPids(server);
    const replacement = now.find((p) => !before.includes(p));
    if (replacement || Date.now() - killedAt > 30_000) {
      const ms = Date.now() - killedAt;
      found = replacement
        ? { victim, before, killedAt, replacement, replacedAfterMs: ms, after: now }
        : { victim, before, killedAt, replacement: null, replacedAfterMs: null, after: now };
      break;
    }
    await sleep(50);
  }
  probeUntil = Math.min(probeUntil, Date.now() + 1000);
  await probing;
  return { ...found, probe };
}

export interface OutageResult {
  stoppedAt: number;
  backAt: number;
  /** The store as it came back (same folder, port and bucket). */
  s3: BenchS3;
}

/** Stops the object store for `seconds`, then starts it again over the same folder, port and bucket. */
export async function storeOutage(s3: BenchS3, directory: string, seconds: number): Promise<OutageResult> {
  await s3.stop();
  const stoppedAt = Date.now();
  await sleep(seconds * 1000);
  const again = await startBenchS3(directory, { port: s3.port, bucket: s3.bucket });
  return { stoppedAt, backAt: Date.now(), s3: again };
}

export interface CliRun {
  code: number;
  seconds: number;
  output: string;
}

/** `node --import tsx src/main.ts …args` with `env` only (and PATH, HOME), bounded by `timeoutS`. */
export function sinovikCli(args: string[], env: Record<string, string>, timeoutS: number): Promise<CliRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        seconds: Math.round((performance.now() - t0) / 100) / 10,
        output: output.trim(),
      });
    }),
  );
}

/** Every object a backup inventoried, read back from the bucket and re-hashed against the manifest. */
export async function rehashInventory(
  backupDir: string,
  storage: BlobStore,
): Promise<{ files: number; mismatched: number; missing: number }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8')) as {
    files: InventoriedFile[];
  };
  let mismatched = 0;
  let missing = 0;
  for (const f of manifest.files) {
    if (!(await storage.exists(f.key))) {
      missing++;
      continue;
    }
    const hash = crypto.createHash('sha256');
    let size = 0;
    for await (const chunk of await storage.openRead(f.key)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    if (hash.digest('hex') !== f.sha256 || size !== f.size) mismatched++;
  }
  return { files: manifest.files.length, mismatched, missing };
}
