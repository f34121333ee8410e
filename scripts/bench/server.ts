import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, HOST, sleep } from './http.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Server {
  name: string;
  pid: number;
  port: number;
  child: ChildProcess;
  log: string;
  /** SIGTERM, then SIGKILL after `graceMs` (default 10 s; a CPU profile of a long run takes longer to write). */
  stop: (graceMs?: number) => Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node --import tsx <script> ...args` as a child (node itself, not the tsx wrapper, so the pid is
 * the server's own and /proc tells its memory), its output to a log file, and waits until `readyPath`
 * answers 200. stop() sends SIGTERM and waits, then SIGKILL after its grace (10 s unless told).
 */
export async function startServer(opts: {
  name: string;
  script: string;
  args?: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
  logFile: string;
  nodeArgs?: string[];
}): Promise<Server> {
  const out = fs.openSync(opts.logFile, 'a');
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.script, ...(opts.args ?? [])],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...opts.env },
      stdio: ['ignore', out, out],
    },
  );
  fs.closeSync(out);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );
  const probe = new Client(opts.port, { timeoutMs: 2000 });
  const deadline = Date.now() + 90_000;
  try {
    for (;;) {
      if (exited !== null)
        throw new Error(`${opts.name} exited with ${exited} before it was ready; see ${opts.logFile}`);
      const a = await probe.request('GET', opts.readyPath);
      if (a.status === 200) break;
      if (Date.now() > deadline) throw new Error(`${opts.name} not ready after 90 s; see ${opts.logFile}`);
      await sleep(200);
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    probe.close();
  }
  return {
    name: opts.name,
    pid: child.pid!,
    port: opts.port,
    child,
    log: opts.logFile,
    stop: async (graceMs = 10_000) => {
      if (exited !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** The secret every benchmarked Sinovik signs its sessions with (a throw-away server). */
export const BENCH_SESSION_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

/**
 * Sinovik itself as production runs it (`node src/main.ts serve`, NODE_ENV=production, the in-process
 * worker) on a free port, over `databaseUrl`, its data folder and log in `tmp`; `env` adds or overrides.
 */
export async function startSinovik(opts: {
  tmp: string;
  databaseUrl: string;
  auditKey: string;
  nodeArgs?: string[];
  logLevel?: 'info' | 'warn';
  env?: Record<string, string>;
}): Promise<Server> {
  const port = await freePort();
  return startServer({
    name: 'sinovik',
    script: 'src/main.ts',
    args: ['serve'],
    port,
    readyPath: '/api/health',
    logFile: path.join(opts.tmp, 'sinovik.log'),
    ...(opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {}),
    env: {
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: path.join(opts.tmp, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      SINOVIK_WORKER: 'in-process',
      SESSION_SECRET: BENCH_SESSION_SECRET,
      AUDIT_KEY: opts.auditKey,
      LOG_LEVEL: opts.logLevel ?? 'warn',
      NODE_ENV: 'production',
      ...opts.env,
    },
  });
}

/** A raw baseline server (scripts/bench/baseline-*.ts) over `db`, on a free port, its log in `tmp`. */
export async function startBaseline(opts: {
  name: string;
  script: string;
  db: string;
  tmp: string;
}): Promise<Server> {
  const port = await freePort();
  return startServer({
    name: opts.name,
    script: opts.script,
    port,
    readyPath: '/health',
    logFile: path.join(opts.tmp, `${opts.name}.log`),
    env: { BASELINE_DB: opts.db, PORT: String(port) },
  });
}
