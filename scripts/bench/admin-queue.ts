import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Dialect } from '../../src/db/connect.js';
import { openBenchDb, postgresUrl } from './bench-db.js';
import { Client, json } from './http.js';
import { seedListRows } from './list.js';
import { seedBench, BENCH_PASSWORD } from './seed.js';
import { repoRoot, startBaseline, startSinovik } from './server.js';
import { summarize, type LatencySummary } from './stats.js';
import type { WebRow } from './web.js';

/*
 * The administrative queue (issue 12 "Speed": "the administrative queue of 3,500 lists in p95 < 50 ms").
 * A KIPP with 3,500 received proposals (written straight into the tables as the closing leaves them, like
 * the list-only seed) and its organizer's secretariat; Sinovik started as in production. The secretariat
 * asks for the queue as the page does (GET /api/competitions/:id/admin-checks, 50 a page) in three shapes:
 * the first page, the "not yet checked" filter at page 20, and a search by a region's name. Each request
 * is followed by the same page from a bare route (baseline-query-server.ts: the same SQL straight through
 * the driver, no session, no validation, no counts, no presentation) over the same database, one at a
 * time, so both see the same background load; the ratio of the p95s says what the product adds.
 *
 * The first request makes the queue's 3,500 check rows (once per competition and process): reported apart.
 * Runs on SQLite, and on PostgreSQL too when DATABASE_URL=postgres://… is set.
 */

export const ADMIN_QUEUE_GOAL = { rows: 3500, p95Ms: 50 };

export interface QueueShape {
  name: string;
  path: string;
  items: number;
  total: number;
  sinovik: LatencySummary & { p95: number };
  bare: LatencySummary & { p95: number };
  /** Sinovik's p95 over the bare route's p95. */
  ratio: number | null;
}

export interface AdminQueueResult {
  dialect: Dialect;
  proposals: number;
  requestsPerShape: number;
  firstRequestMs: number;
  shapes: QueueShape[];
  failures: string[];
  worstP95Ms: number | null;
  ok: boolean;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

async function onDialect(
  dialect: Dialect,
  opts: { proposals: number; requests: number; auditKey: string; log: (line: string) => void },
): Promise<AdminQueueResult> {
  const { log } = opts;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `sinovik-bench-queue-${dialect}-`));
  const bench = await openBenchDb(dialect, tmp, opts.auditKey);
  const stops: (() => Promise<void>)[] = [];
  try {
    const t0 = performance.now();
    const institutions = Math.ceil(opts.proposals / 10);
    const seeded = await seedBench(bench.db, {
      institutions,
      users: institutions,
      perInstitution: 10,
      maxFileMb: 10,
    });
    const { secretariat } = await seedListRows(bench.db, seeded, opts.proposals);
    // As the closing leaves them: received (the list seed writes them forwarded).
    const stamp = new Date().toISOString();
    await bench.db
      .updateTable('proposals')
      .set({ state: 'received', received_at: stamp })
      .where('competition_id', '=', seeded.competitionId)
      .where('state', '=', 'forwarded')
      .execute();
    // A region a secretariat would search for: one of the participants' names, without "Pemerintah".
    const inst = await bench.db
      .selectFrom('institutions')
      .select('name')
      .where('id', '=', seeded.upps[Math.floor(seeded.upps.length / 3)]!.institutionId)
      .executeTakeFirstOrThrow();
    const search = inst.name.replace(/^Pemerintah\s+/i, '');
    // The seed writes in a second what the submission window writes over weeks, while PostgreSQL's
    // autovacuum keeps the planner's statistics current; without them it plans for empty tables.
    if (dialect === 'postgres') await sql`analyze`.execute(bench.db);
    await bench.db.destroy();
    log(
      `  ${dialect}: seeded KIPP ${seeded.competitionId} with ${opts.proposals} received proposals of ${institutions} regencies/cities in ${r1((performance.now() - t0) / 1000)} s`,
    );

    const server = await startSinovik({ tmp, databaseUrl: bench.serverUrl, auditKey: opts.auditKey });
    const port = server.port;
    stops.push(server.stop);
    const bare = await startBaseline({
      name: 'bare-query',
      script: 'scripts/bench/baseline-query-server.ts',
      db: bench.rawUrl,
      tmp,
    });
    const barePort = bare.port;
    stops.push(bare.stop);

    const c = new Client(port);
    const b = new Client(barePort);
    const failures: string[] = [];
    try {
      const login = await c.request('POST', '/api/auth/login', {
        email: secretariat,
        password: BENCH_PASSWORD,
      });
      if (login.status !== 200) throw new Error(`secretariat login failed: ${login.status}`);
      const id = seeded.competitionId;
      // Page 20 of the 70 a year has (the smoke run's 7 pages: page 4).
      const deep = Math.min(20, Math.ceil(opts.proposals / 50 / 2));
      const shapes = [
        { name: 'first page', query: 'page=1&pageSize=50' },
        { name: `not yet checked, page ${deep}`, query: `status=unchecked&page=${deep}&pageSize=50` },
        { name: `search "${search}"`, query: `q=${encodeURIComponent(search)}&page=1&pageSize=50` },
      ];
      const first = await c.request('GET', `/api/competitions/${id}/admin-checks?${shapes[0]!.query}`);
      if (first.status !== 200)
        throw new Error(`queue: ${first.status} ${first.body.toString('utf8', 0, 300)}`);
      const firstRequestMs = r1(first.ms);
      // Warm-up of both (JIT, page cache, prepared statements), not measured.
      for (let i = 0; i < 20; i++)
        for (const s of shapes) {
          await c.request('GET', `/api/competitions/${id}/admin-checks?${s.query}`);
          await b.request('GET', `/queue?competitionId=${id}&${s.query}`);
        }
      const lat = shapes.map(() => ({ sinovik: [] as number[], bare: [] as number[], items: 0, total: 0 }));
      for (let i = 0; i < opts.requests; i++)
        for (const [k, s] of shapes.entries()) {
          const a = await c.request('GET', `/api/competitions/${id}/admin-checks?${s.query}`);
          const r = await b.request('GET', `/queue?competitionId=${id}&${s.query}`);
          lat[k]!.sinovik.push(a.ms);
          lat[k]!.bare.push(r.ms);
          if (a.status !== 200 || r.status !== 200) {
            if (failures.length < 5)
              failures.push(
                `${s.name}: Sinovik ${a.status}, bare ${r.status} ${(a.status !== 200 ? a : r).body.toString('utf8', 0, 200)}`,
              );
            continue;
          }
          if (i === 0) {
            const sv = json<{ items: unknown[]; total: number }>(a);
            const bv = json<{ items: unknown[]; total: number }>(r);
            lat[k]!.items = sv.items.length;
            lat[k]!.total = sv.total;
            if (sv.items.length !== bv.items.length || sv.total !== bv.total)
              failures.push(
                `${s.name}: Sinovik ${sv.items.length} of ${sv.total}, bare ${bv.items.length} of ${bv.total}`,
              );
          }
        }
      const out: QueueShape[] = shapes.map((s, k) => {
        const sinovik = { ...summarize(lat[k]!.sinovik), p95: r1(p95(lat[k]!.sinovik)) };
        const bareS = { ...summarize(lat[k]!.bare), p95: r1(p95(lat[k]!.bare)) };
        return {
          name: s.name,
          path: `/api/competitions/${id}/admin-checks?${s.query}`,
          items: lat[k]!.items,
          total: lat[k]!.total,
          sinovik,
          bare: bareS,
          ratio: bareS.p95 > 0 ? Math.round((sinovik.p95 / bareS.p95) * 100) / 100 : null,
        };
      });
      for (const s of out)
        log(
          `  ${dialect} ${s.name} (${s.items} of ${s.total}): Sinovik p50 ${s.sinovik.p50} / p95 ${s.sinovik.p95} / p99 ${s.sinovik.p99} ms; bare route p50 ${s.bare.p50} / p95 ${s.bare.p95} ms; ${s.ratio}× the bare route`,
        );
      const worst = Math.max(...out.map((s) => s.sinovik.p95));
      return {
        dialect,
        proposals: opts.proposals,
        requestsPerShape: opts.requests,
        firstRequestMs,
        shapes: out,
        failures,
        worstP95Ms: r1(worst),
        ok: failures.length === 0 && out.every((s) => s.total > 0),
      };
    } finally {
      c.close();
      b.close();
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    await bench.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Nearest-rank 95th percentile (stats.ts summarizes p50/p90/p99; the goal is on p95). */
function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(0.95 * s.length))) - 1] ?? NaN;
}

export async function adminQueuePhase(opts: {
  proposals: number;
  requests: number;
  auditKey: string;
  log: (line: string) => void;
}): Promise<{ results: AdminQueueResult[]; rows: WebRow[] }> {
  const dialects: Dialect[] = postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
  const results: AdminQueueResult[] = [];
  for (const d of dialects) results.push(await onDialect(d, opts));
  const rows = results.map((r) => ({
    target: `admin queue, ${r.proposals} received, ${r.dialect}`,
    figure: `p95 ${r.worstP95Ms} ms (worst of 3 shapes; ${r.shapes.map((s) => `${s.ratio}×`).join(' ')} bare)`,
    goal: `p95 < ${ADMIN_QUEUE_GOAL.p95Ms} ms`,
    // Judged at a year's size only; the smoke run (--quick, 350) is reported.
    pass:
      r.proposals < ADMIN_QUEUE_GOAL.rows
        ? null
        : r.ok && r.worstP95Ms !== null && r.worstP95Ms < ADMIN_QUEUE_GOAL.p95Ms,
  }));
  return { results, rows };
}

/** `npm run bench -- --only admin-queue`: the administrative queue alone; answers the exit code. */
export async function runAdminQueueOnly(opts: {
  proposals: number;
  requests: number;
  auditKey: string;
}): Promise<number> {
  const log = (line: string) => console.log(line);
  const started = new Date();
  log(`Sinovik benchmark — the administrative queue only (${started.toISOString()})`);
  log(
    `\n▶ admin queue: ${opts.proposals} received proposals, ${opts.requests} requests per shape, each followed by the bare route`,
  );
  const { results, rows } = await adminQueuePhase({ ...opts, log });
  for (const r of results) {
    log(`  ${r.dialect}: first request (makes the ${r.proposals} check rows) ${r.firstRequestMs} ms`);
    for (const f of r.failures) log(`  failure: ${f}`);
  }
  for (const row of rows)
    log(
      `${row.target}: ${row.figure} (goal ${row.goal}) ${row.pass === null ? 'INFO' : row.pass ? 'PASS' : 'FAIL'}`,
    );
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-admin-queue.json`);
  fs.writeFileSync(
    outFile,
    JSON.stringify({ startedAt: started.toISOString(), adminQueue: results, targets: rows }, null, 2) + '\n',
  );
  log(`figures written to ${path.relative(process.cwd(), outFile)}`);
  return rows.some((r) => r.pass === false) ? 1 : 0;
}
