import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { materialiseRubric } from '../../src/modules/review/rubric.js';
import { openBenchDb } from './bench-db.js';
import { Client, json, sleep } from './http.js';
import { seedListRows } from './list.js';
import { seedBench, BENCH_PASSWORD } from './seed.js';
import { repoRoot, startBaseline, startSinovik } from './server.js';
import { cpuSecondsOf, summarize, type LatencySummary } from './stats.js';
import type { WebRow } from './web.js';

/*
 * The evaluators' score autosave (issue 12 "Speed": "score autosave p99 < 100 ms with 300 evaluators
 * active"). A KIPP whose 3,500 proposals passed the administrative check, its first evaluation stage open
 * with the rubric, 300 Tim Evaluasi accounts with 7,000 assignments (each proposal × 2, written straight in:
 * the solver has its own phase). Each evaluator signs in, opens one of their assignments (GET, as the
 * scoring page does) and autosaves it as the web app does (useScoreAutosave.ts): PUT
 * /api/review/assignments/:id/evaluation with every criterion (value, comment, evidence) and the version of
 * the last answer.
 *
 * Design load: all 300 at once, each saving every 5 s (the rate the editor's autosave is measured at: the
 * form saves 1.2 s after typing stops, and an evaluator scoring eight criteria with a comment each pauses
 * every few seconds), starts spread over the first 5 s, each evaluator's comment growing as it is typed:
 * 60 saves/s. Goal: p99 < 100 ms, no error. Then a saturation ramp: closed loops back to back at rising
 * concurrency on Sinovik's PUT and on the bare route of baseline-server.ts (one row inserted per request,
 * no session, no validation, no transaction of reads) with a body of the same size, interleaved per
 * level so both see the same background load; the ratio of their best throughputs under the p99 goal is
 * reported beside the saturation phase's 0.5 for the proposal editor.
 */

export const REVIEW_AUTOSAVE_GOAL = { evaluators: 300, everyS: 5, p99Ms: 100 };

export interface RampStep {
  target: 'sinovik' | 'bare';
  concurrency: number;
  requests: number;
  errors: number;
  rps: number;
  latency: LatencySummary;
  serverCpuMsPerRequest: number | null;
}

export interface ReviewAutosaveResult {
  evaluators: number;
  assignments: number;
  criteria: number;
  bodyBytes: number;
  everyS: number;
  durationS: number;
  loginS: number;
  designLoad: {
    saves: number;
    errors: number;
    conflicts: number;
    ratePerS: number;
    latency: LatencySummary;
    serverCpuMsPerSave: number | null;
  };
  ramp: RampStep[];
  sustained: { sinovik: RampStep | null; bare: RampStep | null; ratio: number | null };
  failures: string[];
}

interface Criterion {
  id: number;
  key: string;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

const COMMENT =
  'Bukti dukung berupa SK, laporan capaian dan foto kegiatan relevan dengan klaim pada bagian ini; data sebelum dan ' +
  'sesudah inovasi menunjukkan penurunan waktu layanan dari 14 hari menjadi 3 hari, tetapi sumber anggaran ' +
  'keberlanjutan belum dijelaskan rinci. ';

/** The body the scoring form sends on its n-th save: every criterion, the comments growing as typed. */
function scoreBody(criteria: Criterion[], version: number, n: number, seed: number) {
  return {
    version,
    scores: criteria.map((c, i) => {
      const typed = Math.max(0, Math.min(COMMENT.length, (n - i) * 40));
      return {
        criterionId: c.id,
        // The criteria are scored one after the other, then revised.
        value: i < n ? 60 + ((seed * 7 + i * 13 + n) % 36) : null,
        comment: typed > 0 ? COMMENT.slice(0, typed) : null,
        evidenceSupports: typed > 80 ? (seed + i) % 4 !== 0 : null,
      };
    }),
  };
}

export async function reviewAutosavePhase(opts: {
  evaluators: number;
  proposals: number;
  everyS: number;
  durationS: number;
  levels: number[];
  stepS: number;
  auditKey: string;
  serverNodeArgs?: string[];
  log: (line: string) => void;
}): Promise<ReviewAutosaveResult> {
  const { log } = opts;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-review-'));
  const bench = await openBenchDb('sqlite', tmp, opts.auditKey);
  const stops: (() => Promise<void>)[] = [];
  const failures: string[] = [];
  try {
    const t0 = performance.now();
    const institutions = Math.ceil(opts.proposals / 10);
    const seeded = await seedBench(bench.db, {
      institutions,
      users: institutions,
      perInstitution: 10,
      maxFileMb: 10,
    });
    await seedListRows(bench.db, seeded, opts.proposals);
    const db = bench.db;
    const now = new Date();
    const stamp = now.toISOString();
    const kipp = seeded.competitionId;
    // As the administrative results leave them: passed, in judging.
    await db
      .updateTable('proposals')
      .set({ state: 'passed_admin', received_at: stamp })
      .where('competition_id', '=', kipp)
      .execute();
    // The first evaluation stage open for two more weeks, its rubric prepared.
    await db
      .updateTable('stages')
      .set({
        opens_at: new Date(now.getTime() - 86400_000).toISOString(),
        closes_at: new Date(now.getTime() + 14 * 86400_000).toISOString(),
      })
      .where('competition_id', '=', kipp)
      .where('kind', '=', 'evaluation_1')
      .execute();
    const stage = await db
      .selectFrom('stages')
      .selectAll()
      .where('competition_id', '=', kipp)
      .where('kind', '=', 'evaluation_1')
      .executeTakeFirstOrThrow();
    await db.transaction().execute((tx) => materialiseRubric(tx, stage));
    const group = await db
      .selectFrom('competition_groups')
      .select('id')
      .where('competition_id', '=', kipp)
      .where('key', '=', seeded.groupKey)
      .executeTakeFirstOrThrow();
    const criteria: Criterion[] = (
      await db
        .selectFrom('rubric_criteria')
        .select(['id', 'key'])
        .where('stage_id', '=', stage.id)
        .where('group_id', '=', group.id)
        .orderBy('position')
        .execute()
    ).map((c) => ({ id: c.id, key: c.key }));
    if (!criteria.length) throw new Error('the evaluation stage has no rubric for the umum group');
    const hash = (
      await db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', seeded.systemAdmin)
        .executeTakeFirstOrThrow()
    ).password_hash;
    const proposals = (
      await db.selectFrom('proposals').select('id').where('competition_id', '=', kipp).orderBy('id').execute()
    ).map((p) => p.id);
    const evaluators: { email: string; userId: number; assignments: number[] }[] = [];
    await db.transaction().execute(async (tx) => {
      for (let e = 0; e < opts.evaluators; e++) {
        const email = `evaluator.${e + 1}@bench.sinovik.local`;
        const user = await tx
          .insertInto('users')
          .values({
            email,
            name: `Penilai ${e + 1}`,
            position: 'Tim Evaluasi KIPP',
            phone: '081200000000',
            password_hash: hash,
            locale: 'id',
            must_complete_profile: 0,
            is_active: 1,
            created_at: stamp,
            updated_at: stamp,
            last_login_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('role_grants')
          .values({
            user_id: user.id,
            role: 'evaluator',
            institution_id: null,
            unit_id: null,
            competition_id: kipp,
            granted_by: null,
            created_at: stamp,
          })
          .execute();
        await tx
          .insertInto('reviewer_profiles')
          .values({
            competition_id: kipp,
            user_id: user.id,
            team: 'evaluation',
            affiliation_name: 'Universitas Bench',
            affiliation_institution_id: null,
            region_code: null,
            expertise: '[]',
            capacity: null,
            completed_at: stamp,
            created_at: stamp,
            updated_at: stamp,
          })
          .execute();
        evaluators.push({ email, userId: user.id, assignments: [] });
      }
      // Each proposal × 2, round robin: evaluator i and i + n/2 never share a proposal twice.
      const rows = proposals.flatMap((p, i) =>
        [0, 1].map((k) => {
          const ev = evaluators[(i + k * Math.floor(opts.evaluators / 2)) % opts.evaluators]!;
          return { p, ev };
        }),
      );
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500);
        const ids = await tx
          .insertInto('review_assignments')
          .values(
            batch.map(({ p, ev }) => ({
              stage_id: stage.id,
              proposal_id: p,
              reviewer_id: ev.userId,
              origin: 'solver' as const,
              status: 'active' as const,
              withdrawn_reason: null,
              withdrawn_at: null,
              withdrawn_by: null,
              created_by: null,
              created_at: stamp,
            })),
          )
          .returning('id')
          .execute();
        batch.forEach(({ ev }, k) => ev.assignments.push(ids[k]!.id));
      }
    });
    await db.destroy();
    log(
      `  seeded KIPP ${kipp}: ${proposals.length} proposals passed, ${opts.evaluators} evaluators, ${proposals.length * 2} assignments, ${criteria.length} criteria, in ${r1((performance.now() - t0) / 1000)} s`,
    );

    const server = await startSinovik({
      tmp,
      databaseUrl: bench.serverUrl,
      auditKey: opts.auditKey,
      nodeArgs: opts.serverNodeArgs,
    });
    const port = server.port;
    stops.push(server.stop);
    const bare = await startBaseline({
      name: 'baseline',
      script: 'scripts/bench/baseline-server.ts',
      db: path.join(tmp, 'baseline.sqlite'),
      tmp,
    });
    const barePort = bare.port;
    stops.push(bare.stop);

    // Every evaluator signs in and opens their first assignment, 10 at a time.
    const tl = performance.now();
    const sessions: { client: Client; assignmentId: number; version: number; n: number; seed: number }[] = [];
    for (let i = 0; i < evaluators.length; i += 10)
      await Promise.all(
        evaluators.slice(i, i + 10).map(async (ev, k) => {
          const client = new Client(port);
          const a = await client.request('POST', '/api/auth/login', {
            email: ev.email,
            password: BENCH_PASSWORD,
          });
          if (a.status !== 200)
            throw new Error(`evaluator login: ${a.status} ${a.body.toString('utf8', 0, 200)}`);
          const assignmentId = ev.assignments[0]!;
          const view = await client.request('GET', `/api/review/assignments/${assignmentId}`);
          if (view.status !== 200)
            throw new Error(`scoring view: ${view.status} ${view.body.toString('utf8', 0, 300)}`);
          const v = json<{ evaluation: { version: number } }>(view).evaluation.version;
          sessions.push({ client, assignmentId, version: v, n: 0, seed: i + k });
        }),
      );
    const loginS = r1((performance.now() - tl) / 1000);
    const bodyBytes = Buffer.byteLength(JSON.stringify(scoreBody(criteria, 1, 40, 1)));
    log(
      `  ${sessions.length} evaluators signed in and opened an assignment in ${loginS} s; a full save is ${bodyBytes} bytes`,
    );

    const save = async (s: (typeof sessions)[number]) => {
      s.n++;
      const a = await s.client.request(
        'PUT',
        `/api/review/assignments/${s.assignmentId}/evaluation`,
        scoreBody(criteria, s.version, s.n, s.seed),
      );
      if (a.status === 200) s.version = json<{ version: number }>(a).version;
      return a;
    };

    // Design load: every evaluator saves every `everyS` seconds, starts spread over the first period.
    log(
      `\n  design load: ${sessions.length} evaluators, one save each every ${opts.everyS} s, ${opts.durationS} s`,
    );
    const latencies: number[] = [];
    let errors = 0;
    let conflicts = 0;
    const slow: number[] = [];
    const start = performance.now();
    const measureFrom = start + opts.everyS * 1000;
    const end = start + (opts.durationS + opts.everyS) * 1000;
    let cpu0: number | null = null;
    const mark = setTimeout(() => (cpu0 = cpuSecondsOf(server.pid)), opts.everyS * 1000);
    await Promise.all(
      sessions.map(async (s, i) => {
        let next = start + (i / sessions.length) * opts.everyS * 1000;
        for (;;) {
          await sleep(next - performance.now());
          if (performance.now() >= end) return;
          const sentAt = performance.now();
          const a = await save(s);
          if (sentAt >= measureFrom) {
            latencies.push(a.ms);
            if (a.ms > 200) slow.push(Math.round(sentAt - start));
            if (a.status !== 200) {
              errors++;
              if (a.status === 409) conflicts++;
              if (failures.length < 5) failures.push(`${a.status} ${a.body.toString('utf8', 0, 200)}`);
            }
          }
          next += opts.everyS * 1000;
        }
      }),
    );
    clearTimeout(mark);
    if (slow.length)
      log(
        `  ${slow.length} saves over 200 ms, sent at ${[...new Set(slow.map((t) => r1(t / 1000)))].slice(0, 12).join(', ')} s of the run`,
      );
    const serverCpuS = cpu0 === null ? null : (cpuSecondsOf(server.pid) ?? 0) - cpu0;
    const latency = summarize(latencies);
    const designLoad = {
      saves: latencies.length,
      errors,
      conflicts,
      ratePerS: r1(latencies.length / opts.durationS),
      latency,
      serverCpuMsPerSave:
        serverCpuS === null || !latencies.length ? null : r1((serverCpuS * 1000) / latencies.length),
    };
    log(
      `  ${designLoad.saves} saves (${designLoad.ratePerS}/s), p50 ${latency.p50} / p90 ${latency.p90} / p99 ${latency.p99} / max ${latency.max} ms, ${errors} errors, server ${designLoad.serverCpuMsPerSave} CPU-ms per save`,
    );

    // Saturation: closed loops back to back, Sinovik and the bare route interleaved per level.
    log(
      `\n  saturation: ${opts.stepS} s per step, concurrency ${opts.levels.join(', ')}, Sinovik and the bare route`,
    );
    const ramp: RampStep[] = [];
    const bareClients = opts.levels.length
      ? Array.from({ length: Math.max(...opts.levels) }, () => new Client(barePort))
      : [];
    const bareVersions = bareClients.map(() => 0);
    const over = { sinovik: 0, bare: 0 };
    for (const c of opts.levels) {
      for (const target of ['sinovik', 'bare'] as const) {
        if (over[target] >= 2 || c > sessions.length) continue;
        const lat: number[] = [];
        let errs = 0;
        const warmUntil = performance.now() + 1000;
        const stopAt = warmUntil + opts.stepS * 1000;
        const pid = target === 'sinovik' ? server.pid : bare.pid;
        let c0: number | null = null;
        const m = setTimeout(() => (c0 = cpuSecondsOf(pid)), 1000);
        await Promise.all(
          Array.from({ length: c }, async (_, w) => {
            const s = sessions[w]!;
            while (performance.now() < stopAt) {
              const sentAt = performance.now();
              let a;
              if (target === 'sinovik') a = await save(s);
              else {
                s.n++;
                a = await bareClients[w]!.request(
                  'PATCH',
                  `/api/proposals/${w + 1}`,
                  scoreBody(criteria, bareVersions[w]!, s.n, s.seed),
                );
                if (a.status === 200) bareVersions[w] = json<{ version: number }>(a).version;
              }
              if (sentAt >= warmUntil && performance.now() <= stopAt) {
                lat.push(a.ms);
                if (a.status !== 200) errs++;
              }
            }
          }),
        );
        clearTimeout(m);
        const cpuS = c0 === null ? null : (cpuSecondsOf(pid) ?? 0) - c0;
        const step: RampStep = {
          target,
          concurrency: c,
          requests: lat.length,
          errors: errs,
          rps: r1(lat.length / opts.stepS),
          latency: summarize(lat),
          serverCpuMsPerRequest:
            cpuS === null || !lat.length ? null : Math.round((cpuS * 1e6) / lat.length) / 1000,
        };
        ramp.push(step);
        const ok = errs === 0 && step.latency.p99 !== null && step.latency.p99 < REVIEW_AUTOSAVE_GOAL.p99Ms;
        over[target] = ok ? 0 : over[target] + 1;
        log(
          `  ${target.padEnd(8)} c=${String(c).padStart(3)}: ${String(Math.round(step.rps)).padStart(6)} req/s, p50 ${step.latency.p50} ms, p99 ${step.latency.p99} ms, ${errs} errors, server ${step.serverCpuMsPerRequest ?? '-'} CPU-ms/req${ok ? '' : '  (over goal)'}`,
        );
      }
    }
    for (const b of bareClients) b.close();
    for (const s of sessions) s.client.close();
    const best = (t: 'sinovik' | 'bare') =>
      ramp
        .filter(
          (s) =>
            s.target === t &&
            s.errors === 0 &&
            s.latency.p99 !== null &&
            s.latency.p99 < REVIEW_AUTOSAVE_GOAL.p99Ms,
        )
        .reduce<RampStep | null>((a, b) => (a && a.rps >= b.rps ? a : b), null);
    const sinovikBest = best('sinovik');
    const bareBest = best('bare');
    return {
      evaluators: sessions.length,
      assignments: proposals.length * 2,
      criteria: criteria.length,
      bodyBytes,
      everyS: opts.everyS,
      durationS: opts.durationS,
      loginS,
      designLoad,
      ramp,
      sustained: {
        sinovik: sinovikBest,
        bare: bareBest,
        ratio: sinovikBest && bareBest ? Math.round((sinovikBest.rps / bareBest.rps) * 100) / 100 : null,
      },
      failures,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    await bench.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function reviewAutosaveRows(r: ReviewAutosaveResult): WebRow[] {
  const d = r.designLoad;
  return [
    {
      target: `score autosave, ${r.evaluators} evaluators every ${r.everyS} s`,
      figure: `p50 ${d.latency.p50} / p99 ${d.latency.p99} ms, ${d.saves} saves, ${d.errors} errors`,
      goal: `p99 < ${REVIEW_AUTOSAVE_GOAL.p99Ms} ms`,
      // Judged at the design load only; the smoke run's 30 evaluators are reported.
      pass:
        r.evaluators < REVIEW_AUTOSAVE_GOAL.evaluators
          ? null
          : d.errors === 0 && d.latency.p99 !== null && d.latency.p99 < REVIEW_AUTOSAVE_GOAL.p99Ms,
    },
    {
      target: 'score autosave saturation vs bare route',
      figure:
        r.sustained.ratio === null
          ? '-'
          : `${r.sustained.ratio} (${r.sustained.sinovik!.rps} / ${r.sustained.bare!.rps} req/s)`,
      goal: 'reference',
      pass: null,
    },
  ];
}

/** `npm run bench -- --only review-autosave`: the evaluators' autosave alone; answers the exit code. */
export async function runReviewAutosaveOnly(opts: {
  evaluators: number;
  proposals: number;
  everyS: number;
  durationS: number;
  levels: number[];
  stepS: number;
  auditKey: string;
}): Promise<number> {
  const log = (line: string) => console.log(line);
  const started = new Date();
  log(
    `Sinovik benchmark — the evaluators' score autosave only (${started.toISOString()}), load average ${os.loadavg().map(r1).join(' ')}`,
  );
  log(`\n▶ review autosave: ${opts.evaluators} evaluators, ${opts.proposals} proposals × 2`);
  const result = await reviewAutosavePhase({ ...opts, log });
  for (const f of result.failures) log(`  failure: ${f}`);
  const rows = reviewAutosaveRows(result);
  log('');
  for (const row of rows)
    log(
      `${row.target}: ${row.figure} (goal ${row.goal}) ${row.pass === null ? 'INFO' : row.pass ? 'PASS' : 'FAIL'}`,
    );
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-review-autosave.json`);
  fs.writeFileSync(
    outFile,
    JSON.stringify(
      { startedAt: started.toISOString(), loadAverage: os.loadavg(), reviewAutosave: result, targets: rows },
      null,
      2,
    ) + '\n',
  );
  log(`figures written to ${path.relative(process.cwd(), outFile)}`);
  return rows.some((r) => r.pass === false) ? 1 : 0;
}
