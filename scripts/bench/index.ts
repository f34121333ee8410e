import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, json, Recorder, sleep, staleRetries } from './http.js';
import { openBenchDb, postgresUrl, type BenchDb } from './bench-db.js';
import { startBenchS3 } from './s3-server.js';
import { openStorage } from '../../src/platform/storage-create.js';
import { bigUploads, closing, startDraft, type BigUploadResult, type ClosingResult } from './phases.js';
import { ramp, type RampResult, type Target } from './saturation.js';
import { seedBench, type Seeded } from './seed.js';
import { repoRoot, startBaseline, startSinovik, type Server } from './server.js';
import { cpuSecondsOf, databaseCpuSeconds, fmt, machineCpu, memoryOf, summarize } from './stats.js';
import { runSurge, type SurgeResult } from './surge.js';
import { asBackgroundLoad, type LoadPriority } from './load-priority.js';
import { checkLostWrites, type Acknowledged, type LostWrites } from './verify.js';
import { exportPhase, seedExports, type ExportPhaseResult } from './exports.js';
import { listPhase, listTarget, type ListPhaseResult } from './list.js';
import { runAdminQueueOnly } from './admin-queue.js';
import { runSeasonReportOnly, SEASON_REPORT_GOAL } from './season-report.js';
import { NEAR_DUPLICATE_GOAL, runNearDuplicatesOnly } from './near-duplicates.js';
import { runResultsPageOnly } from './results-page.js';
import { runGalleryOnly } from './gallery.js';
import { runListOnly } from './list-only.js';
import { runReviewAutosaveOnly } from './review-autosave.js';
import { runCertificatesOnly } from './certificates.js';
import { runRatingsOnly } from './public-ratings.js';
import { runProcessesOnly } from './processes.js';
import { runFaultsOnly } from './faults.js';
import { runWebOnly, webPhase, type WebPhaseResult } from './web-phase.js';
import { runScoringOnly, scoringPhase, type ScoringPhaseResult } from './scoring.js';
import {
  ASSIGNMENT_SCALES,
  assignmentPhase,
  runAssignmentOnly,
  type AssignmentPhaseResult,
} from './assignment.js';

/** The seeding and the server key the audit chain alike. */
const BENCH_AUDIT_KEY = 'bench-audit-key-bench-audit-key-0123456789';
/** The administrative queue's size: a real year's 3,500 received proposals (the smoke run: 350). */
const ADMIN_QUEUE_SIZE = (quick: boolean) => ({ proposals: quick ? 350 : 3500, requests: quick ? 30 : 200 });
/** The evaluators' autosave: 300 evaluators on 3,500 × 2 assignments (the smoke run: 30 on 350 × 2). */
const REVIEW_AUTOSAVE_SIZE = (quick: boolean) => ({
  evaluators: quick ? 30 : 300,
  proposals: quick ? 350 : 3500,
  everyS: 5,
  durationS: quick ? 10 : 60,
  levels: quick ? [1, 4] : [1, 4, 16, 64],
  stepS: quick ? 2 : 5,
});

/*
 * `npm run bench`: the deadline-day surge of KIPP against a real Sinovik server process on 127.0.0.1 with a
 * fresh SQLite database (or, with --postgres, a new PostgreSQL database; with --s3, files in an S3 bucket),
 * load generated on the same machine. Phases: the reviewer assignment solver in
 * process (assignment.ts, before any server) → seed → surge (500 users, 5 minutes,
 * 3,500 proposals autosaved, uploaded, sent and forwarded; meanwhile 20 XLSX exports of 3,500 proposals and 20
 * proposal PDFs, with the autosave p99 during them) → the organizer's full list of the 3,500 (server CPU per
 * list, list.ts) → 50 concurrent 10 MB uploads (peak RSS) →
 * autosave saturation, then the same ramp against a bare Fastify + better-sqlite3 insert route → lost writes
 * (rows, answers, attachments and every stored file re-hashed) → closing (clock moved past the deadline,
 * time until every receipt is queued). Prints a table with PASS/FAIL per goal and writes the figures to
 * bench-results/<timestamp>.json. `--quick` is a small smoke run (< 60 s). Bounded in count and time.
 */

const HELP = `npm run bench -- [options]

  --quick                 small smoke run (20 users, 14 institutions, 30 s) in under a minute
  --users N               UPP virtual users (default 500; between institutions and twice that)
  --institutions N        participant institutions, 1–2 units each (default 350)
  --per-institution N     proposals each institution sends and forwards (default 10 = the umum quota)
  --duration S            surge length in seconds (default 300)
  --autosave-every S      autosave interval of every editor (default 5)
  --upload-mb N           the signed PDF each proposal uploads (default 1)
  --exports N             XLSX exports and as many proposal PDFs during the surge (default 20)
  --export-rows N         proposals in each XLSX export (default 3500)
  --big-uploads N         concurrent uploads for the RSS phase (default 50)
  --big-upload-mb N       size of each of them (default 10)
  --step S                seconds measured per saturation step (default 10)
  --levels a,b,c          saturation concurrency steps (default 1,2,4,8,16,32,64,128)
  --list-requests N       requests of the organizer's full list after the surge (default 20)
  --list-only             only the seed and the full list, the surge's proposals written straight in
  --postgres              the surge on PostgreSQL (a new database on DATABASE_URL's server) instead of SQLite
  --s3                    files in an S3 bucket (s3rver on 127.0.0.1, its own process) instead of on disk
  --cpu-prof              write a V8 CPU profile of the Sinovik server to the run's folder
  --load-nice N           the nice value of the load generator and the S3 stand-in during the surge
                          (default 10: they stand for browsers and a store on other machines; 0 = equal)
  --keep                  keep the temporary data folder (database, files, logs)
  --only web              only the web phase: the home page's first load in Chromium on a throttled
                          phone (Slow 4G goal, 3G reported) and its compressed JS, in under two minutes
  --url U                 with --only web: measure the server at U instead of starting one
  --runs N                with --only web: cold loads per profile (default 3)
  --only assignment       only the reviewer assignment solver (issue 12): 3,500 proposals × 2 from 40
                          reviewers and 30,000 × 2 from 300, verified, in about a minute
  --only scoring          only the scoring phase (no server, a few seconds): aggregation and normalization of
                          30,000 proposals × 2 evaluations, the finalists with 10 quotas over the 30,000
  --only admin-queue      only the administrative queue (issue 12): 3,500 received proposals, the queue's
                          first page, a filter and a search against a bare route, p95 goal 50 ms; SQLite,
                          and PostgreSQL too when DATABASE_URL=postgres://… is set
  --only results-page     only the public results page (issue 13): 129 published finalists, 100 concurrent
                          readers, p95 and the ratio to a bare route reading the published row
  --only ratings          only the public ratings (issue 13 point 8): verified sessions rating 12 finalists at
                          200 requests/s for 30 s (double taps, re-ratings, a second session of the same
                          person), then every row counted: none lost, none double-counted, means exact
  --only review-autosave  only the evaluators' score autosave (issue 12): 300 evaluators saving every 5 s,
                          p99 goal 100 ms, and a saturation ramp against the bare route
  --only certificates     only the certificates (issue 13): 300 finalists' certificates issued, made in the
                          export pool and stored (goal < 60 s) while 100 UPPs autosave every 2 s (p99 < 100 ms)
  --only gallery          only the gallery (issue 14): 100,000 innovations generated in Indonesian and indexed
                          through the real path, 100 readers: search and filtered lists p95 < 20 ms, the
                          statistics < 200 ms, the open data CSV of every row timed (--quick: 10,000)
  --only season-report    only the season report (issue 13): 30,000 proposals over every step, the report
                          as the route computes it, goal < 2 s, ratio to a raw grouped count, query plans;
                          SQLite, and PostgreSQL too when DATABASE_URL=postgres://… is set
  --only near-duplicates  only the near-duplicate check (issue 14): 3,500 new proposals against 30,000 past
                          ones with 400 planted copies, the real check path, goal < 30 s, all planted found
  --only processes        only one vs two web processes (issue 15, PostgreSQL: DATABASE_URL): autosave
                          saturation (p99 < 100 ms) beside the bare route, the organizer's full list of 3,500
                          by 4 sessions at once (goal ≥ 154,000 rows/s), the CPU of each web process
  --only faults           only the faults during the surge (issue 15, PostgreSQL + S3, two web processes):
                          a web process killed, the store down for a minute, a backup restored and verified
`;

/** The scoring phase's instance: Kemendagri's scale (28,539 regional innovations), 300 evaluators, worst of 3. */
const SCORING_SIZE = { proposals: 30000, evaluators: 300, runs: 3 };

const GOALS = { errors: 0, lost: 0, p99Ms: 100, ratio: 0.5, rssMb: 400, closingS: 10 };

interface Options {
  quick: boolean;
  users: number;
  institutions: number;
  perInstitution: number;
  durationS: number;
  autosaveEveryS: number;
  uploadMb: number;
  exports: number;
  exportRows: number;
  bigUploads: number;
  bigUploadMb: number;
  stepS: number;
  levels: number[];
  listRequests: number;
  listOnly: boolean;
  /** The surge on PostgreSQL (DATABASE_URL: a new database on that server) instead of a SQLite file. */
  postgres: boolean;
  /** Files in an S3 bucket (s3rver in a child process) instead of on disk. */
  s3: boolean;
  cpuProf: boolean;
  /** The surge's generator and S3 stand-in at this nice value (load-priority.ts). */
  loadNice: number;
  serverNodeArgs: string[];
  serverEnv: Record<string, string>;
  keep: boolean;
  only: OnlyPhase | null;
  url: string | undefined;
  runs: number;
}

const ONLY_PHASES = [
  'web',
  'assignment',
  'scoring',
  'admin-queue',
  'review-autosave',
  'certificates',
  'season-report',
  'results-page',
  'ratings',
  'near-duplicates',
  'gallery',
  'processes',
  'faults',
] as const;
type OnlyPhase = (typeof ONLY_PHASES)[number];

function options(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      users: { type: 'string' },
      institutions: { type: 'string' },
      'per-institution': { type: 'string' },
      duration: { type: 'string' },
      'autosave-every': { type: 'string' },
      'upload-mb': { type: 'string' },
      exports: { type: 'string' },
      'export-rows': { type: 'string' },
      'big-uploads': { type: 'string' },
      'big-upload-mb': { type: 'string' },
      step: { type: 'string' },
      levels: { type: 'string' },
      'list-requests': { type: 'string' },
      'list-only': { type: 'boolean', default: false },
      postgres: { type: 'boolean', default: false },
      s3: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'load-nice': { type: 'string' },
      'server-node-args': { type: 'string' },
      'server-env': { type: 'string' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
      url: { type: 'string' },
      runs: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const q = values.quick;
  const loadNiceOf = (v: string | undefined) => {
    const n = Number(v ?? 10);
    if (!Number.isInteger(n) || n < 0 || n > 19) throw new Error('--load-nice takes a whole number 0–19');
    return n;
  };
  const num = (v: string | undefined, dflt: number, name: string) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    quick: q,
    users: num(values.users, q ? 20 : 500, 'users'),
    institutions: num(values.institutions, q ? 14 : 350, 'institutions'),
    perInstitution: num(values['per-institution'], q ? 2 : 10, 'per-institution'),
    durationS: num(values.duration, q ? 20 : 300, 'duration'),
    autosaveEveryS: num(values['autosave-every'], q ? 2 : 5, 'autosave-every'),
    uploadMb: num(values['upload-mb'], 1, 'upload-mb'),
    exports: num(values.exports, q ? 4 : 20, 'exports'),
    exportRows: num(values['export-rows'], q ? 500 : 3500, 'export-rows'),
    bigUploads: num(values['big-uploads'], q ? 10 : 50, 'big-uploads'),
    bigUploadMb: num(values['big-upload-mb'], 10, 'big-upload-mb'),
    stepS: num(values.step, q ? 2 : 10, 'step'),
    levels: (values.levels ?? (q ? '1,4,16' : '1,2,4,8,16,32,64,128')).split(',').map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n <= 0) throw new Error('--levels takes positive whole numbers');
      return n;
    }),
    listRequests: num(values['list-requests'], 20, 'list-requests'),
    listOnly: values['list-only'],
    postgres: values.postgres,
    s3: values.s3,
    cpuProf: values['cpu-prof'],
    loadNice: loadNiceOf(values['load-nice']),
    serverNodeArgs: (values['server-node-args'] ?? '').split(' ').filter(Boolean),
    serverEnv: Object.fromEntries(
      (values['server-env'] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const i = kv.indexOf('=');
          if (i < 1) throw new Error('--server-env takes KEY=VALUE[,KEY=VALUE...]');
          return [kv.slice(0, i), kv.slice(i + 1)];
        }),
    ),
    keep: values.keep,
    only:
      values.only === undefined
        ? null
        : (ONLY_PHASES as readonly string[]).includes(values.only)
          ? (values.only as OnlyPhase)
          : badOnly(values.only),
    url: values.url,
    runs: num(values.runs, 3, 'runs'),
  };
}

function badOnly(phase: string): never {
  throw new Error(`--only ${phase}: the phases that run alone are: ${ONLY_PHASES.join(', ')}`);
}

/** CPU seconds of the machine, the servers and this generator over one phase, to tell the other load. */
/**
 * CPU seconds over a phase: the machine's, the server's (`pids`), the generator's, and beside them the
 * database server's (every `postgres` process: its pooled backends live through the phase) and the S3 store's
 * (`storePid`), when they run on this machine; "other" is what is left.
 */
function cpuMeter(pids: () => number[], storePid: number | null = null) {
  const m0 = machineCpu();
  const g0 = process.cpuUsage();
  const s0 = pids().map((p) => cpuSecondsOf(p) ?? 0);
  const d0 = databaseCpuSeconds();
  const t0Store = storePid ? (cpuSecondsOf(storePid) ?? 0) : 0;
  const t0 = performance.now();
  return () => {
    const m1 = machineCpu();
    const g1 = process.cpuUsage(g0);
    const s1 = pids().map((p) => cpuSecondsOf(p) ?? 0);
    const database = databaseCpuSeconds() - d0;
    const wall = (performance.now() - t0) / 1000;
    const hz = (m1.total - m0.total) / wall / os.cpus().length;
    const machine = (m1.busy - m0.busy) / hz;
    const server = s1.reduce((s, v, i) => s + v - (s0[i] ?? 0), 0);
    const generator = (g1.user + g1.system) / 1e6;
    const store = storePid ? (cpuSecondsOf(storePid) ?? t0Store) - t0Store : 0;
    const r = (v: number) => Math.round(v * 10) / 10;
    return {
      wallS: r(wall),
      cores: os.cpus().length,
      machineCpuS: r(machine),
      serverCpuS: r(server),
      generatorCpuS: r(generator),
      databaseCpuS: r(database),
      storeCpuS: r(store),
      otherCpuS: r(Math.max(0, machine - server - generator - database - store)),
    };
  };
}
type CpuUse = ReturnType<ReturnType<typeof cpuMeter>>;

async function main() {
  const o = options();
  if (o.listOnly) {
    const pass = await runListOnly({
      ...o,
      requests: o.listRequests,
      auditKey: BENCH_AUDIT_KEY,
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    });
    process.exit(pass ? 0 : 1);
  }
  if (o.only === 'web') process.exit(await runWebOnly({ url: o.url, runs: o.runs, keep: o.keep }));
  if (o.only === 'assignment') process.exit(runAssignmentOnly());
  if (o.only === 'scoring') process.exit(await runScoringOnly(SCORING_SIZE));
  if (o.only === 'review-autosave')
    process.exit(
      await runReviewAutosaveOnly({ ...REVIEW_AUTOSAVE_SIZE(o.quick), auditKey: BENCH_AUDIT_KEY }),
    );
  if (o.only === 'certificates')
    process.exit(await runCertificatesOnly({ quick: o.quick, auditKey: BENCH_AUDIT_KEY }));
  if (o.only === 'season-report')
    process.exit(await runSeasonReportOnly({ proposals: o.quick ? 3000 : SEASON_REPORT_GOAL.proposals }));
  if (o.only === 'near-duplicates')
    process.exit(
      await runNearDuplicatesOnly(
        o.quick
          ? { past: 3000, current: 350 }
          : { past: NEAR_DUPLICATE_GOAL.past, current: NEAR_DUPLICATE_GOAL.current },
      ),
    );
  if (o.only === 'gallery')
    process.exit(
      await runGalleryOnly({
        auditKey: BENCH_AUDIT_KEY,
        entries: o.quick ? 10_000 : 100_000,
        rounds: o.quick ? 5 : 20,
      }),
    );
  if (o.only === 'results-page')
    process.exit(await runResultsPageOnly({ auditKey: BENCH_AUDIT_KEY, rounds: o.quick ? 5 : 20 }));
  if (o.only === 'ratings')
    process.exit(
      await runRatingsOnly({
        target: 200,
        durationS: o.quick ? 10 : 30,
        people: o.quick ? 300 : 1000,
        finalists: 12,
        auditKey: BENCH_AUDIT_KEY,
      }),
    );
  if (o.only === 'processes')
    process.exit(
      await runProcessesOnly({
        quick: o.quick,
        auditKey: BENCH_AUDIT_KEY,
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
      }),
    );
  if (o.only === 'faults')
    process.exit(
      await runFaultsOnly({
        quick: o.quick,
        auditKey: BENCH_AUDIT_KEY,
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
      }),
    );
  if (o.only === 'admin-queue')
    process.exit(await runAdminQueueOnly({ ...ADMIN_QUEUE_SIZE(o.quick), auditKey: BENCH_AUDIT_KEY }));
  const started = new Date();
  const log = (line: string) => console.log(line);
  // The run stops itself whatever happens: surge, the other phases and their setup, with room to spare.
  const boundS = o.durationS * 1.5 + 1200;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-'));
  const dataDir = path.join(tmp, 'data');
  if (o.postgres && !postgresUrl())
    throw new Error('--postgres needs DATABASE_URL=postgres://… (a server to make the database on)');
  let bench: BenchDb | null = null;
  const s3 = o.s3 ? await startBenchS3(path.join(tmp, 's3')) : null;
  const servers: Server[] = [];
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${boundS} s; stopping`);
    for (const s of servers) s.child.kill('SIGKILL');
    process.exit(3);
  }, boundS * 1000);

  log(
    `Sinovik benchmark — ${o.quick ? 'quick smoke run' : 'deadline-day surge'} on ${o.postgres ? 'PostgreSQL' : 'SQLite'} with files ${o.s3 ? 'in an S3 bucket' : 'on disk'} (${started.toISOString()})`,
  );
  log(
    `machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')} before the run; node ${process.version}; work folder ${tmp}`,
  );

  const loadBefore = os.loadavg();
  const result: Record<string, unknown> = {
    startedAt: started.toISOString(),
    command: `npm run bench${process.argv.slice(2).length ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    options: o,
    database: o.postgres ? 'postgresql' : 'sqlite',
    storage: o.s3 ? 's3' : 'disk',
    machine: {
      cores: os.cpus().length,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      loadBefore,
      node: process.version,
    },
  };
  let surge: SurgeResult | null = null;
  let exported: ExportPhaseResult | null = null;
  let loadPriority: LoadPriority | null = null;
  let listed: ListPhaseResult | null = null;
  const exportRec = new Recorder();
  let big: BigUploadResult | { skipped: string } | null = null;
  let sat: RampResult | null = null;
  let base: RampResult | null = null;
  let session: RampResult | null = null;
  let lost: LostWrites | null = null;
  let close: ClosingResult | null = null;
  const cpu: Record<string, CpuUse> = {};
  let uploadRoute = false;
  let web: WebPhaseResult | null = null;
  let assignment: AssignmentPhaseResult | null = null;

  try {
    // ── Assignment (in process, before any server runs) ───────────────────────────────────────────
    log('\n▶ assignment: the reviewer assignment solver on realistic instances, verified');
    // The quick smoke run solves the KIPP scale only.
    assignment = assignmentPhase(log, o.quick ? ASSIGNMENT_SCALES.slice(0, 1) : ASSIGNMENT_SCALES);

    // ── Seed ────────────────────────────────────────────────────────────────────────────────────────
    log('\n▶ seed');
    bench = await openBenchDb(o.postgres ? 'postgres' : 'sqlite', tmp, BENCH_AUDIT_KEY);
    const db = bench.db;
    const seeded: Seeded = await seedBench(db, {
      institutions: o.institutions,
      users: o.users,
      perInstitution: o.perInstitution,
      maxFileMb: Math.max(10, Math.ceil(o.bigUploadMb) + 2),
    });
    const exportSeed = await seedExports(db, {
      rows: o.exportRows,
      pdfs: o.exports,
      secretariats: Math.ceil(o.exports / 2),
      year: new Date().getUTCFullYear() + 1,
    });
    log(
      `  ${seeded.upps.length} UPP + ${seeded.admins.length} admin lokal accounts in ${seeded.admins.length} institutions; ` +
        `KIPP ${seeded.competitionId} closes ${seeded.closesAt}; maxFileMb ${seeded.maxFileMb} ` +
        `(reference ${fmt(seeded.timings.referenceMs / 1000)} s, competition ${fmt(seeded.timings.competitionMs / 1000)} s, accounts ${fmt(seeded.timings.accountsMs / 1000)} s)`,
    );

    log(
      `  for the exports: KIPP ${exportSeed.competitionId} (draft) with ${exportSeed.rows} forwarded proposals, ${exportSeed.proposalIds.length} of them with full answers, ${exportSeed.secretariats.length} secretariat accounts`,
    );

    // ── Server under test ───────────────────────────────────────────────────────────────────────────
    // The web app as it is now, for the web phase (the server lists its files when it starts).
    await (
      await import('vite')
    ).build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
    const profDir = path.join(tmp, 'cpu-profile');
    const sinovik = await startSinovik({
      tmp,
      databaseUrl: bench.serverUrl,
      auditKey: BENCH_AUDIT_KEY,
      nodeArgs: [...(o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), ...o.serverNodeArgs],
      logLevel: 'info',
      env: { DATA_DIR: dataDir, SINOVIK_CLOCK_CONTROL: '1', ...(s3?.env ?? {}), ...o.serverEnv },
    });
    const port = sinovik.port;
    servers.push(sinovik);
    log(
      `  sinovik serving on 127.0.0.1:${port} (pid ${sinovik.pid}), RSS ${fmt(memoryOf(sinovik.pid)?.rssMb)} MB`,
    );
    const probe = new Client(port);
    const docs = await probe.request('GET', '/api/docs/json');
    probe.close();
    uploadRoute =
      docs.status === 200 &&
      Boolean(
        json<{ paths?: Record<string, Record<string, unknown>> }>(docs).paths?.[
          '/api/proposals/{id}/attachments'
        ]?.post,
      );
    log(`  attachment upload route: ${uploadRoute ? 'present' : 'missing (upload phases skipped)'}`);
    const serverPids = () => servers.filter((s) => s.child.exitCode === null).map((s) => s.pid);

    // ── Web ─────────────────────────────────────────────────────────────────────────────────────────
    log("\n▶ web: the home page's first load in Chromium on a throttled phone (before the load)");
    web = await webPhase({ url: `http://127.0.0.1:${port}/`, runs: o.quick ? 1 : 3, log });

    // ── Surge ───────────────────────────────────────────────────────────────────────────────────────
    log(
      `\n▶ surge: ${seeded.upps.length} users for ${o.durationS} s, autosave every ${o.autosaveEveryS} s, ` +
        `${uploadRoute ? `one ${o.uploadMb} MB PDF each` : 'no upload (route missing)'}, ${seeded.upps.reduce((s, u) => s + u.proposals, 0)} proposals to send and forward`,
    );
    log(
      `  meanwhile, from 40% of the surge: ${o.exports} XLSX exports of ${o.exportRows} proposals and ${o.exports} proposal PDFs by ${exportSeed.secretariats.length} secretariat accounts (two at a time each)`,
    );
    log(
      o.loadNice
        ? `  the load generator (this process) and the S3 stand-in give way to the server and PostgreSQL: nice ${o.loadNice} during the surge (--load-nice 0: all equal)`
        : '  the load generator and the S3 stand-in at the same priority as the server (--load-nice 0)',
    );
    let meter = cpuMeter(serverPids, s3?.pid ?? null);
    const exporting = sleep(o.durationS * 400).then(() =>
      exportPhase({ port, seeded: exportSeed, count: o.exports, rec: exportRec }),
    );
    const surging = await asBackgroundLoad(o.loadNice, s3 ? [s3.pid] : [], async () => {
      const done = await runSurge({
        port,
        seeded,
        durationS: o.durationS,
        autosaveEveryS: o.autosaveEveryS,
        uploadBytes: Math.round(o.uploadMb * 1024 * 1024),
        uploads: uploadRoute,
        rampS: Math.min(45, o.durationS * 0.15),
        log,
      });
      return { done, exported: await exporting };
    });
    surge = surging.value.done;
    exported = surging.value.exported;
    loadPriority = surging.priority;
    if (loadPriority.note) log(`  ${loadPriority.note}`);
    cpu.surge = meter();
    log(
      `  done in ${fmt(surge.wallS)} s: ${surge.rec.requests} requests, ${surge.rec.errors} errors, ${staleRetries.count} GETs resent after a closed keep-alive; ` +
        `server RSS ${fmt(memoryOf(sinovik.pid)?.rssMb)} MB (peak so far ${fmt(memoryOf(sinovik.pid)?.hwmMb)} MB)`,
    );

    log(
      `  exports: ${exported.ok}/${exported.xlsx + exported.pdfs} made in ${fmt((exported.endedAt - exported.startedAt) / 1000)} s ` +
        `(XLSX p50 ${fmt(exported.xlsxMs.p50)} ms, max ${fmt(exported.xlsxMs.max)} ms, ${fmt(exported.xlsxBytes ? exported.xlsxBytes / 1024 : null, 0)} KB; ` +
        `PDF p50 ${fmt(exported.pdfMs.p50)} ms, max ${fmt(exported.pdfMs.max)} ms; ${exported.busy} answers 429 export_busy, retried)`,
    );

    // ── The organizer's full list, after the surge ────────────────────────────────────────────────
    const forwardedIds = surge.proposals.filter((p) => p.forwarded).length;
    log(`\n▶ organizer's full list: ${o.listRequests} requests of ${forwardedIds} rows, one at a time`);
    listed = await listPhase({
      port,
      pid: sinovik.pid,
      competitionId: seeded.competitionId,
      secretariat: exportSeed.secretariats[0],
      expectedRows: forwardedIds,
      requests: o.listRequests,
    });
    log(
      `  ${listed.cpuMsPerRequest} server CPU-ms per list (${listed.rowsPerS} rows/s, ${Math.round(listed.bytes / 1024)} KB); wall p50 ${listed.wallMs.p50} ms`,
    );

    // ── Big uploads: peak RSS ───────────────────────────────────────────────────────────────────────
    const setup = new Recorder();
    const bigDrafts: { cookie: string; id: number; version: number; unitId: number }[] = [];
    if (uploadRoute) {
      log(`\n▶ peak RSS: ${o.bigUploads} concurrent ${o.bigUploadMb} MB uploads`);
      for (let i = 0; i < o.bigUploads; i++) {
        const upp = seeded.upps[i % seeded.upps.length];
        const d = await startDraft(port, seeded, upp, `Inovasi Unggah Besar ${i + 1}`, setup);
        if (d) bigDrafts.push({ ...d, unitId: upp.unitId });
      }
      meter = cpuMeter(serverPids, s3?.pid ?? null);
      big = await bigUploads({
        port,
        pid: sinovik.pid,
        drafts: bigDrafts,
        bytes: Math.round(o.bigUploadMb * 1024 * 1024),
      });
      cpu.bigUploads = meter();
      log(
        `  ${big.ok}/${big.uploads} stored in ${fmt(big.wallS)} s; RSS ${fmt(big.rssBeforeMb)} MB before, peak ${fmt(big.peakRssMb)} MB`,
      );
    } else {
      big = { skipped: 'upload route missing' };
      log(`\n▶ peak RSS: skipped: upload route missing`);
    }

    // ── Saturation ──────────────────────────────────────────────────────────────────────────────────
    const maxLevel = Math.max(...o.levels);
    log(
      `\n▶ saturation: closed-loop autosave, ${o.stepS} s per step, concurrency ${o.levels.join(', ')}, Sinovik, the bare route and a session-only read interleaved`,
    );
    const satWorkers: Target['workers'] = [];
    const satUnits: number[] = [];
    for (let i = 0; i < maxLevel; i++) {
      const upp = seeded.upps[(i * 7) % seeded.upps.length];
      const d = await startDraft(port, seeded, upp, `Inovasi Saturasi ${i + 1}`, setup);
      if (d) {
        satWorkers.push({ cookie: d.cookie, proposalId: d.id, version: d.version });
        satUnits.push(upp.unitId);
      }
    }
    const baseline = await startBaseline({
      name: 'baseline',
      script: 'scripts/bench/baseline-server.ts',
      db: o.postgres ? bench.rawUrl : path.join(tmp, 'baseline.sqlite'),
      tmp,
    });
    const basePort = baseline.port;
    servers.push(baseline);
    meter = cpuMeter(() => [sinovik.pid, baseline.pid]);
    const ramps = await ramp(
      [
        { name: 'sinovik', port, pid: sinovik.pid, workers: satWorkers },
        {
          name: 'baseline',
          port: basePort,
          pid: baseline.pid,
          workers: satWorkers.map((w) => ({ cookie: null, proposalId: w.proposalId, version: 1 })),
        },
        // A reference, not a goal: the same sessions reading GET /api/auth/me (the session lookup alone).
        {
          name: 'session',
          request: 'me',
          port,
          pid: sinovik.pid,
          workers: satWorkers.map((w) => ({ cookie: w.cookie, proposalId: w.proposalId, version: 0 })),
        },
      ],
      {
        levels: o.levels,
        stepS: o.stepS,
        warmupS: o.quick ? 0.5 : 2,
        p99GoalMs: GOALS.p99Ms,
        sectionKeys: seeded.sectionKeys,
        categoryKey: seeded.categoryKey,
        log,
      },
    );
    sat = ramps.sinovik;
    base = ramps.baseline;
    session = ramps.session;
    cpu.saturation = meter();
    await baseline.stop();

    // ── Lost writes ─────────────────────────────────────────────────────────────────────────────────
    log('\n▶ lost writes: acknowledged rows, answers and attachments; every stored file re-hashed');
    const acknowledged: Acknowledged[] = [
      ...surge.proposals.map((p) => ({
        id: p.id,
        unitId: p.upp.unitId,
        version: p.version,
        state: p.forwarded ? 'forwarded' : p.sent ? 'sent_to_local_admin' : 'draft',
        lastBody: p.lastBody,
        uploads: p.uploads,
      })),
      ...satWorkers.map((w, i) => ({
        id: w.proposalId,
        unitId: satUnits[i],
        version: w.version,
        state: 'draft',
        lastBody: w.lastBody ?? null,
        uploads: [],
      })),
      ...bigDrafts.map((d) => ({
        id: d.id,
        unitId: d.unitId,
        version: d.version,
        state: 'draft',
        lastBody: null,
        uploads: big && 'acknowledged' in big ? big.acknowledged.filter((a) => a.proposalId === d.id) : [],
      })),
    ];
    const storage = await openStorage({ dataDir, storage: s3?.storage ?? { kind: 'disk' } });
    lost = await checkLostWrites({
      db: bench.db,
      storage,
      dataDir,
      competitionId: seeded.competitionId,
      acknowledged,
      expectRows: surge.proposals.length + satWorkers.length + bigDrafts.length,
    });
    log(
      `  ${lost.proposalsChecked} proposals, ${lost.answersChecked} answers, ${lost.attachmentsChecked} attachments checked; ` +
        `${lost.files.rehashed} files (${fmt(lost.files.bytes / 2 ** 20, 0)} MB) re-hashed in ${fmt(lost.files.seconds)} s: ${lost.lost} lost`,
    );
    for (const e of lost.examples) log(`    ${e}`);

    // ── Closing ─────────────────────────────────────────────────────────────────────────────────────
    log('\n▶ closing: clock moved a minute past the deadline; waiting for every receipt in the outbox');
    meter = cpuMeter(serverPids, s3?.pid ?? null);
    await storage.close();
    close = await closing({ port, seeded, db: bench.db, timeoutS: 120 });
    cpu.closing = meter();
    log(
      `  ${close.receipts}/${close.expectedReceipts} receipts after ${fmt(close.seconds, 2)} s; ` +
        `${close.received} received, ${close.frozen} frozen; closing job ${close.jobStatus}`,
    );
    result.serverPeakRssWholeRunMb = memoryOf(sinovik.pid)?.hwmMb ?? null;
    await sinovik.stop(o.cpuProf ? 180_000 : undefined);
    result.setupErrors = setup.errors;
    if (setup.errors) log(`  setup errors: ${JSON.stringify(setup.failures.slice(0, 3))}`);
  } finally {
    for (const s of servers) await s.stop();
    await s3?.stop();
    if (bench) await (o.keep ? bench.db.destroy() : bench.drop());
    clearTimeout(watchdog);
  }

  // ── Scoring: pure computations (aggregation, normalization, the finalists), after the servers stopped ──
  log('\n▶ scoring: aggregation, normalization and the finalists with quotas (no server)');
  let scoring: ScoringPhaseResult | null = null;
  try {
    scoring = await scoringPhase({ ...SCORING_SIZE, log });
  } catch (err) {
    log(`  scoring phase failed: ${err instanceof Error ? err.message : String(err)}`);
  }

  // ── Report ────────────────────────────────────────────────────────────────────────────────────────
  const endpoints = surge
    ? [...surge.rec.samples.entries()].map(([name, ms]) => ({
        name,
        ...summarize(ms),
        statuses: Object.fromEntries(surge!.rec.statuses.get(name) ?? []),
      }))
    : [];
  const autosave = endpoints.find((e) => e.name === 'autosave');
  // The autosaves sent while the exports were being made.
  const duringExports =
    surge && exported
      ? summarize(
          surge.autosaves
            .filter(
              (a) =>
                a.at >= exported!.startedAt - surge!.startedAt &&
                a.at <= exported!.endedAt - surge!.startedAt,
            )
            .map((a) => a.ms),
        )
      : null;
  const sent = surge?.proposals.filter((p) => p.sent).length ?? 0;
  const forwarded = surge?.proposals.filter((p) => p.forwarded).length ?? 0;
  const ratio = sat?.sustained && base?.sustained ? sat.sustained.rps / base.sustained.rps : null;
  const bigDone = big && 'peakRssMb' in big ? big : null;

  const rows: { target: string; figure: string; goal: string; pass: boolean | null }[] = [
    {
      target: 'surge errors (non-2xx or network)',
      figure: String(surge?.rec.errors ?? '-'),
      goal: '= 0',
      pass: surge ? surge.rec.errors === 0 : false,
    },
    {
      target: 'proposals sent / forwarded',
      figure: `${sent} / ${forwarded} of ${surge?.expected.sent ?? '-'}`,
      goal: `= ${surge?.expected.sent ?? '-'}`,
      pass: surge ? sent === surge.expected.sent && forwarded === surge.expected.sent : false,
    },
    {
      target: 'lost writes (rows, answers, files)',
      figure: String(lost?.lost ?? '-'),
      goal: '= 0',
      pass: lost ? lost.lost === 0 : false,
    },
    {
      target: 'autosave latency p50 / p99 (surge)',
      figure: `${fmt(autosave?.p50)} / ${fmt(autosave?.p99)} ms`,
      goal: `p99 < ${GOALS.p99Ms} ms`,
      pass: autosave?.p99 !== null && autosave?.p99 !== undefined ? autosave.p99 < GOALS.p99Ms : false,
    },
    {
      target: 'autosave p99 during the exports',
      figure: duringExports ? `${fmt(duringExports.p99)} ms (${duringExports.count} autosaves)` : '-',
      goal: `p99 < ${GOALS.p99Ms} ms`,
      pass:
        duringExports?.p99 !== null && duringExports?.p99 !== undefined && exported
          ? duringExports.p99 < GOALS.p99Ms && exported.errors === 0
          : false,
    },
    {
      target: `exports: ${o.exports} XLSX × ${o.exportRows} + ${o.exports} PDFs`,
      figure: exported
        ? `${exported.ok} made; XLSX p50 ${fmt(exported.xlsxMs.p50 === null ? null : exported.xlsxMs.p50 / 1000)} s, PDF p50 ${fmt(exported.pdfMs.p50 === null ? null : exported.pdfMs.p50 / 1000)} s`
        : '-',
      goal: 'all made',
      pass: exported ? exported.errors === 0 : false,
    },
    {
      target: 'autosave saturation vs bare route',
      figure:
        ratio !== null
          ? `${ratio.toFixed(2)} (${sat!.sustained!.rps.toFixed(0)} / ${base!.sustained!.rps.toFixed(0)} req/s)`
          : `- (${sat?.sustained ? sat.sustained.rps.toFixed(0) : 'none'} / ${base?.sustained ? base.sustained.rps.toFixed(0) : 'none'} req/s)`,
      goal: `≥ ${GOALS.ratio}`,
      pass: ratio !== null ? ratio >= GOALS.ratio : false,
    },
    {
      target: `peak RSS, ${o.bigUploads} × ${o.bigUploadMb} MB uploads`,
      figure: bigDone
        ? `${fmt(bigDone.peakRssMb, 0)} MB (${bigDone.ok}/${bigDone.uploads} stored)`
        : 'skipped: upload route missing',
      goal: `< ${GOALS.rssMb} MB`,
      pass: bigDone
        ? bigDone.peakRssMb !== null && bigDone.peakRssMb < GOALS.rssMb && bigDone.errors === 0
        : null,
    },
    {
      target: `closing: ${close?.expectedReceipts ?? '-'} receipts queued`,
      figure: close
        ? close.seconds !== null
          ? `${close.seconds.toFixed(2)} s`
          : `not all within 120 s (${close.receipts})`
        : '-',
      goal: `≤ ${GOALS.closingS} s`,
      pass: close ? close.seconds !== null && close.seconds <= GOALS.closingS : false,
    },
  ];
  rows.splice(6, 0, listTarget(listed));
  rows.push(
    ...(scoring?.rows ?? [
      {
        target: 'scoring: finalists and normalization',
        figure: 'not measured',
        goal: '< 1000 ms',
        pass: false,
      },
    ]),
  );
  rows.push(
    ...(web?.rows ?? [
      { target: 'web: home page first load', figure: 'not measured', goal: '< 1.50 s', pass: false },
    ]),
  );
  rows.push(
    ...(assignment?.rows ?? [
      { target: 'assignment', figure: 'not measured', goal: '< 2 s / < 30 s', pass: false },
    ]),
  );
  if (!uploadRoute)
    rows.splice(3, 0, {
      target: 'surge uploads',
      figure: 'skipped: upload route missing',
      goal: '1 per proposal',
      pass: null,
    });

  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  log('\n══ Sinovik benchmark ' + '═'.repeat(90));
  log(`${pad('target', 40)} ${pad('figure', 40)} ${pad('goal', 14)} result`);
  for (const r of rows)
    log(
      `${pad(r.target, 40)} ${pad(r.figure, 40)} ${pad(r.goal, 14)} ${r.pass === null ? 'SKIP' : r.pass ? 'PASS' : 'FAIL'}`,
    );
  if (endpoints.length) {
    log(`\nsurge requests by endpoint (ms)`);
    log(
      `${pad('endpoint', 12)} ${pad('count', 7)} ${pad('p50', 8)} ${pad('p90', 8)} ${pad('p99', 8)} ${pad('max', 8)} statuses`,
    );
    for (const e of endpoints)
      log(
        `${pad(e.name, 12)} ${pad(String(e.count), 7)} ${pad(fmt(e.p50), 8)} ${pad(fmt(e.p90), 8)} ${pad(fmt(e.p99), 8)} ${pad(fmt(e.max), 8)} ${JSON.stringify(e.statuses)}`,
      );
    if (surge!.rec.failures.length) log(`first failures: ${JSON.stringify(surge!.rec.failures.slice(0, 5))}`);
    const worst = [...surge!.autosaveTimeline].sort((a, b) => b.p99 - a.p99).slice(0, 3);
    log(`slowest 10 s of autosaves (p99 ms; the other requests answered in the same 10 s):`);
    for (const w of worst)
      log(
        `  ${pad(`${w.second}–${w.second + 10} s`, 12)} p99 ${pad(String(w.p99), 6)} ${JSON.stringify(w.others)}`,
      );
  }
  if (sat && base) {
    log(
      `\nsaturation (req/s at p99 < ${GOALS.p99Ms} ms, no error): sinovik ${sat.sustained ? `${sat.sustained.rps.toFixed(0)} at c=${sat.sustained.concurrency}` : 'none'}, baseline ${base.sustained ? `${base.sustained.rps.toFixed(0)} at c=${base.sustained.concurrency}` : 'none'}`,
    );
    if (session?.sustained && base.sustained)
      log(
        `reference, not a goal: GET /api/auth/me (session lookup only) ${session.sustained.rps.toFixed(0)} req/s at c=${session.sustained.concurrency} = ${(session.sustained.rps / base.sustained.rps).toFixed(2)} of the bare route`,
      );
  }
  log(
    `\nCPU seconds by phase (${os.cpus().length} cores; "database": every postgres process, "store": the S3 server; "other" = processes outside this benchmark)`,
  );
  for (const [phase, c] of Object.entries(cpu))
    log(
      `  ${pad(phase, 11)} wall ${pad(fmt(c.wallS) + ' s', 8)} machine ${pad(fmt(c.machineCpuS), 6)} server ${pad(fmt(c.serverCpuS), 6)} generator ${pad(fmt(c.generatorCpuS), 6)} database ${pad(fmt(c.databaseCpuS), 6)} store ${pad(fmt(c.storeCpuS), 6)} other ${fmt(c.otherCpuS)}`,
    );

  Object.assign(result, {
    finishedAt: new Date().toISOString(),
    loadAfter: os.loadavg(),
    targets: rows,
    surge: surge && {
      wallS: surge.wallS,
      requests: surge.rec.requests,
      errors: surge.rec.errors,
      failures: surge.rec.failures,
      created: surge.proposals.length,
      sent,
      forwarded,
      expected: surge.expected,
      unfinished: surge.unfinished,
      staleKeepAliveRetries: staleRetries.count,
      uploads: uploadRoute ? 'measured' : 'skipped: upload route missing',
      loadPriority,
      endpoints,
      autosaveTimeline: surge.autosaveTimeline,
    },
    exports: exported && {
      ...exported,
      rows: o.exportRows,
      autosaveDuring: duringExports,
      requests: [...exportRec.samples.entries()].map(([name, ms]) => ({ name, ...summarize(ms) })),
    },
    list: listed,
    bigUploads: bigDone
      ? { ...bigDone, latency: summarize(bigDone.latency), acknowledged: bigDone.acknowledged.length }
      : big,
    saturation: { sinovik: sat, baseline: base, ratio, sessionReference: session },
    lostWrites: lost,
    closing: close,
    web,
    assignment,
    scoring,
    cpu,
  });
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(
    outDir,
    `${started.toISOString().replace(/[:.]/g, '-')}${o.quick ? '-quick' : ''}.json`,
  );
  fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
  log(`\nfigures written to ${path.relative(process.cwd(), outFile)}`);
  if (o.keep || o.cpuProf) log(`work folder kept: ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  const failed = rows.some((r) => r.pass === false);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
