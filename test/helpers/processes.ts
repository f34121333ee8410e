import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '../../scripts/bench/http.js';
import { freePort, repoRoot, startServer, type Server } from '../../scripts/bench/server.js';

/** The token the test servers' /metrics answer to. */
export const METRICS_TOKEN = 'processes-test-metrics-token-0123';
const SESSION_SECRET = 'processes-secret-processes-secret-0123456789';
const AUDIT_KEY = 'processes-audit-key-processes-audit-0123456789';

/** The environment of a real `src/main.ts` process over `databaseUrl`, its data in `dataDir`. */
export function processEnv(databaseUrl: string, dataDir: string, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    SESSION_SECRET,
    AUDIT_KEY,
    METRICS_TOKEN,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...extra,
  };
}

/** `sinovik serve` as a real process tree (node --import tsx src/main.ts serve) on a free port. */
export async function startServe(
  databaseUrl: string,
  dataDir: string,
  env: Record<string, string>,
): Promise<Server> {
  const port = await freePort();
  return startServer({
    name: 'sinovik serve',
    script: 'src/main.ts',
    args: ['serve'],
    port,
    readyPath: '/api/health',
    logFile: path.join(dataDir, 'serve.log'),
    env: processEnv(databaseUrl, dataDir, {
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      ...env,
    }),
  });
}

/** Runs `src/main.ts <args>` to its end; its exit code and output. */
export function runMain(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** A long-running `src/main.ts <args>` process (a `sinovik worker`), its output to `logFile`. */
export function spawnMain(args: string[], env: Record<string, string>, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  return child;
}

/** One /metrics scrape on a new connection: the pid of the process that answered, and the text. */
export async function scrape(port: number): Promise<{ pid: number; text: string }> {
  const c = new Client(port, { timeoutMs: 10_000 });
  try {
    const a = await c.request('GET', '/metrics', undefined, {
      authorization: `Bearer ${METRICS_TOKEN}`,
      connection: 'close',
    });
    const text = a.body.toString();
    const m = /sinovik_process_info\{pid="(\d+)"\} 1/.exec(text);
    if (a.status !== 200 || !m) throw new Error(`metrics answered ${a.status}`);
    return { pid: Number(m[1]), text };
  } finally {
    c.close();
  }
}

/** The pid of the process that answered one /metrics scrape (on a new connection each time). */
export const answeringPid = async (port: number) => (await scrape(port)).pid;

/** The latest scrape of each of `n` processes (scraping until each answered, up to 60 scrapes). */
export async function scrapeEach(port: number, n: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < 60 && out.size < n; i++) {
    const s = await scrape(port);
    out.set(s.pid, s.text);
  }
  return out;
}

/** A process's count of answered requests of a route pattern with a status class (2xx, 4xx). */
export function answered(text: string, method: string, route: string, status: string): number {
  const head = `sinovik_http_requests_total{method="${method}",route="${route}",status="${status}"`;
  // A forked web process adds its pid label after these.
  const line = text.split('\n').find((l) => l.startsWith(head + '}') || l.startsWith(head + ','));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Waits until `n` processes answer on `port` (the web processes start listening one after the other). */
export async function waitForProcesses(port: number, n: number, timeoutMs = 60_000): Promise<Set<number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = await answeringPids(port, 2 * n);
    if (pids.size >= n) return pids;
    if (Date.now() > deadline) throw new Error(`only ${pids.size} of ${n} processes answer on ${port}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The pids answering /metrics over `tries` new connections. */
export async function answeringPids(port: number, tries: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < tries; i++) pids.add(await answeringPid(port));
  return pids;
}

/** The child processes of `pid` that run src/main.ts (ps; not tsx's esbuild service). */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('src/main.ts'))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}
