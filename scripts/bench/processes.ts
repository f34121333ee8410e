import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROLE_VARIABLE } from '../../src/platform/processes.js';
import { openBenchDb, postgresUrl } from './bench-db.js';
import { Client, json, Recorder, sleep } from './http.js';
import { LIST_GOAL, seedListRows } from './list.js';
import { startDraft } from './phases.js';
import { ramp, type RampResult, type Target } from './saturation.js';
import { BENCH_PASSWORD, seedBench } from './seed.js';
import { repoRoot, startBaseline, startSinovik, type Server } from './server.js';
import { cpuSecondsOf, fmt } from './stats.js';

/*
 * `npm run bench -- --only processes` (issue 15 point 2, "Speed"): on PostgreSQL (DATABASE_URL), Sinovik with
 * one web process and with two (WEB_PROCESSES=2: a primary and two forked processes sharing the port), side
 * by side over one database, both with SINOVIK_WORKER=none (web only):
 *  - autosave saturation: the closed-loop autosave ramp of the main run (saturation.ts), the two servers and
 *    the bare route (baseline-server.ts: one insert per request through a pg pool, no session, no checks)
 *    interleaved level by level so they share the machine's background load; req/s at p99 < 100 ms;
 *  - the organizer's full list of `rows` forwarded proposals (GET /api/proposals?competitionId=…, as the list
 *    phase), asked by `clients` secretariat sessions at once for `listS` seconds: rows delivered per second
 *    of wall time (the issue's goal with every core: ≥ 2 × HotCRP's 77,000 = 154,000 rows/s), and the rows per
 *    server CPU second;
 * and, for each, the CPU each web process used (from /proc), to show the second process on the second core.
 */

export const PROCESSES_GOAL = { listRowsPerS: 2 * LIST_GOAL.rowsPerS, p99Ms: 100 };

interface ProcessCpu {
  pid: number;
  /** Cores this process kept busy over the measured interval. */
  cores: number;
}

export interface ListThroughput {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  rows: number;
  rowsPerS: number;
  rowsPerCpuS: number;
  cpu: ProcessCpu[];
}

interface ServerResult {
  processes: number;
  saturation: RampResult;
  saturationCpu: ProcessCpu[];
  list: ListThroughput;
}

export interface ProcessesResult {
  cores: number;
  rows: number;
  one: ServerResult;
  two: ServerResult;
  baseline: RampResult;
  listGoalPass: boolean | null;
}

/** Whether a forked process is the job worker (its environment says so; src/platform/processes.ts). */
function isJobWorker(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${ROLE_VARIABLE}=worker`);
  } catch {
    return false;
  }
}

/**
 * The web processes of a server: its forked children running src/main.ts but the job worker, or itself when
 * it has none.
 */
export function webPids(server: Server): number[] {
  let kids: number[] = [];
  try {
    kids = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('src/main.ts'))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0 && !isJobWorker(n));
  } catch {
    // no children: one process
  }
  return kids.length ? kids : [server.pid];
}

/** Runs `work` and answers the cores each of `pids` kept busy meanwhile. */
async function cpuDuring(pids: number[], work: () => Promise<void>): Promise<ProcessCpu[]> {
  const before = pids.map((p) => cpuSecondsOf(p) ?? 0);
  const t0 = performance.now();
  await work();
  const wall = (performance.now() - t0) / 1000;
  return pids.map((pid, i) => ({
    pid,
    cores: Math.round((((cpuSecondsOf(pid) ?? 0) - before[i]) / wall) * 100) / 100,
  }));
}

async function listThroughput(
  server: Server,
  o: { competitionId: number; secretariat: string; rows: number; clients: number; seconds: number },
): Promise<ListThroughput> {
  const listPath = `/api/proposals?competitionId=${o.competitionId}`;
  const clients: Client[] = [];
  for (let i = 0; i < o.clients; i++) {
    const c = new Client(server.port, { timeoutMs: 60_000 });
    const login = await c.request('POST', '/api/auth/login', {
      email: o.secretariat,
      password: BENCH_PASSWORD,
    });
    if (login.status !== 200) throw new Error(`secretariat login failed: ${login.status}`);
    // Warm up each process this connection reaches (JIT, caches).
    for (let k = 0; k < 3; k++) await c.request('GET', listPath);
    clients.push(c);
  }
  let requests = 0;
  let errors = 0;
  let rows = 0;
  const pids = webPids(server);
  let seconds = 0;
  // Every answer is checked, cheaply: the list does not change while it is measured, so an answer byte for byte
  // equal to one parsed and counted before is that list again (a memcmp, where parsing 3 MB of JSON on the
  // generator would take the server's cores); any other answer is parsed and counted.
  const checked: Buffer[] = [];
  const cpu = await cpuDuring(pids, async () => {
    const t0 = performance.now();
    const end = Date.now() + o.seconds * 1000;
    await Promise.all(
      clients.map(async (c) => {
        while (Date.now() < end) {
          const a = await c.request('GET', listPath);
          requests++;
          if (a.status === 200 && checked.some((b) => b.equals(a.body))) {
            rows += o.rows;
            continue;
          }
          const n = a.status === 200 ? json<{ items: unknown[] }>(a).items.length : -1;
          if (n !== o.rows) errors++;
          else {
            rows += n;
            checked.push(a.body);
          }
        }
      }),
    );
    seconds = (performance.now() - t0) / 1000;
  });
  for (const c of clients) c.close();
  const cpuS = cpu.reduce((s, p) => s + p.cores, 0) * seconds;
  return {
    clients: o.clients,
    seconds: Math.round(seconds * 10) / 10,
    requests,
    errors,
    rows: o.rows,
    rowsPerS: Math.round(rows / seconds),
    rowsPerCpuS: cpuS > 0 ? Math.round(rows / cpuS) : 0,
    cpu,
  };
}

export async function runProcessesOnly(o: {
  quick: boolean;
  auditKey: string;
  command: string;
}): Promise<number> {
  const log = (line: string) => console.log(line);
  if (!postgresUrl()) {
    log('--only processes runs on PostgreSQL: set DATABASE_URL=postgres://… (several web processes need it)');
    return 1;
  }
  const started = new Date();
  const size = o.quick
    ? { institutions: 40, rows: 350, levels: [1, 4, 16], stepS: 2, listS: 3, clients: 4 }
    : {
        institutions: 350,
        rows: LIST_GOAL.rows,
        levels: [1, 2, 4, 8, 16, 32, 64],
        stepS: 5,
        listS: 10,
        clients: 4,
      };
  const maxLevel = Math.max(...size.levels);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-procs-'));
  log(
    `Sinovik benchmark — one vs two web processes on PostgreSQL (${started.toISOString()}), work folder ${tmp}`,
  );
  for (const d of ['one', 'two']) fs.mkdirSync(path.join(tmp, d));
  const bench = await openBenchDb('postgres', tmp, o.auditKey);
  const servers: Server[] = [];
  try {
    const seeded = await seedBench(bench.db, {
      institutions: size.institutions,
      users: size.institutions,
      perInstitution: 10,
      maxFileMb: 1,
    });
    const env = { SINOVIK_WORKER: 'none' };
    const one = await startSinovik({
      tmp: path.join(tmp, 'one'),
      databaseUrl: bench.serverUrl,
      auditKey: o.auditKey,
      env,
    });
    servers.push(one);
    // The autosave drafts first (the list's rows fill the institutions' quota), one per worker and server.
    const rec = new Recorder();
    const drafts: Target['workers'] = [];
    for (let i = 0; i < 2 * maxLevel; i++) {
      const upp = seeded.upps[i % seeded.upps.length];
      const d = await startDraft(one.port, seeded, upp, `Inovasi Proses ${i + 1}`, rec);
      if (!d) throw new Error('could not start a draft for the saturation');
      drafts.push({ cookie: d.cookie, proposalId: d.id, version: d.version });
    }
    const { secretariat } = await seedListRows(bench.db, seeded, size.rows);
    const two = await startSinovik({
      tmp: path.join(tmp, 'two'),
      databaseUrl: bench.serverUrl,
      auditKey: o.auditKey,
      env: { ...env, WEB_PROCESSES: '2' },
    });
    servers.push(two);
    // The second server is ready when each of its processes is (they start listening one after the other).
    await sleep(3000);
    const baseline = await startBaseline({
      name: 'baseline',
      script: 'scripts/bench/baseline-server.ts',
      db: bench.rawUrl,
      tmp,
    });
    servers.push(baseline);
    log(
      `  seeded: ${size.rows} forwarded proposals, ${drafts.length} drafts; web processes: one ${webPids(one).join(', ')}, two ${webPids(two).join(', ')}`,
    );

    log(
      `\n▶ autosave saturation, ${size.stepS} s per step, concurrency ${size.levels.join(', ')}: 1 process, 2 processes, the bare route`,
    );
    const targets: Target[] = [
      {
        name: '1 proc',
        port: one.port,
        pid: one.pid,
        pids: () => webPids(one),
        workers: drafts.slice(0, maxLevel),
      },
      {
        name: '2 procs',
        port: two.port,
        pid: two.pid,
        pids: () => webPids(two),
        workers: drafts.slice(maxLevel),
      },
      {
        name: 'bare',
        port: baseline.port,
        pid: baseline.pid,
        workers: drafts
          .slice(0, maxLevel)
          .map((w) => ({ cookie: null, proposalId: w.proposalId, version: 1 })),
      },
    ];
    const rampOpts = {
      levels: size.levels,
      stepS: size.stepS,
      warmupS: o.quick ? 0.5 : 2,
      p99GoalMs: PROCESSES_GOAL.p99Ms,
      sectionKeys: seeded.sectionKeys,
      categoryKey: seeded.categoryKey,
      log,
    };
    const ramps = await ramp(targets, rampOpts);
    // Each web process's CPU at the highest level: is the second core used?
    const cpuAtTop = async (t: Target, server: Server) =>
      cpuDuring(
        webPids(server),
        async () => void (await ramp([t], { ...rampOpts, levels: [maxLevel], log: () => undefined })),
      );
    const satCpu1 = await cpuAtTop(targets[0], one);
    const satCpu2 = await cpuAtTop(targets[1], two);
    log(
      `  CPU per web process at c=${maxLevel}: 1 proc ${satCpu1.map((p) => `${p.pid} ${fmt(p.cores, 2)}`).join(', ')} cores; 2 procs ${satCpu2.map((p) => `${p.pid} ${fmt(p.cores, 2)}`).join(', ')} cores`,
    );

    log(
      `\n▶ the organizer's full list of ${size.rows}: ${size.clients} sessions at once for ${size.listS} s`,
    );
    const listOpts = {
      competitionId: seeded.competitionId,
      secretariat,
      rows: size.rows,
      clients: size.clients,
      seconds: size.listS,
    };
    const list1 = await listThroughput(one, listOpts);
    const list2 = await listThroughput(two, listOpts);
    for (const [name, l] of [
      ['1 proc', list1],
      ['2 procs', list2],
    ] as const)
      log(
        `  ${name.padEnd(8)} ${l.rowsPerS.toLocaleString('en')} rows/s (${l.requests} lists, ${l.errors} errors), ${l.rowsPerCpuS.toLocaleString('en')} rows per CPU-s; CPU ${l.cpu.map((p) => `${p.pid} ${fmt(p.cores, 2)}`).join(', ')} cores`,
      );

    const judged = size.rows >= LIST_GOAL.rows * 0.9;
    const listGoalPass = judged ? list2.errors === 0 && list2.rowsPerS >= PROCESSES_GOAL.listRowsPerS : null;
    const sat = (r: RampResult) =>
      r.sustained ? `${r.sustained.rps.toFixed(0)} req/s at c=${r.sustained.concurrency}` : 'none';
    log('\nresults (req/s at p99 < 100 ms, no error; rows/s of wall time):');
    log(
      `  autosave saturation   1 proc ${sat(ramps['1 proc'])} · 2 procs ${sat(ramps['2 procs'])} · bare route ${sat(ramps.bare)}`,
    );
    log(
      `  full list of ${size.rows}   1 proc ${list1.rowsPerS.toLocaleString('en')} · 2 procs ${list2.rowsPerS.toLocaleString('en')} rows/s (goal ≥ ${PROCESSES_GOAL.listRowsPerS.toLocaleString('en')} with every core) ${listGoalPass === null ? `SKIP (judged from ${LIST_GOAL.rows * 0.9} rows)` : listGoalPass ? 'PASS' : 'FAIL'}`,
    );
    log(`  machine: ${os.availableParallelism()} cores, shared with whatever else runs`);
    const result: ProcessesResult = {
      cores: os.availableParallelism(),
      rows: size.rows,
      one: { processes: 1, saturation: ramps['1 proc'], saturationCpu: satCpu1, list: list1 },
      two: { processes: 2, saturation: ramps['2 procs'], saturationCpu: satCpu2, list: list2 },
      baseline: ramps.bare,
      listGoalPass,
    };
    const outDir = path.join(repoRoot, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-processes.json`);
    fs.writeFileSync(
      outFile,
      JSON.stringify({ startedAt: started.toISOString(), command: o.command, processes: result }, null, 2) +
        '\n',
    );
    log(`figures written to ${path.relative(process.cwd(), outFile)}`);
    return listGoalPass === false || list1.errors || list2.errors ? 1 : 0;
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await bench.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
