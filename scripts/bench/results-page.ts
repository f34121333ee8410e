import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_AWARDS } from '../../src/domain/final-panel-settings.js';
import { publishResults } from '../../src/modules/results/commands/publish-results.js';
import { openBenchDb } from './bench-db.js';
import { Client, sleep } from './http.js';
import { seedListRows } from './list.js';
import { seedBench } from './seed.js';
import { repoRoot, startBaseline, startSinovik } from './server.js';
import { summarize } from './stats.js';

/*
 * The public results page (issue 13 "Speed": "the public results page at p95 < 20 ms with 100 concurrent
 * readers"). A KIPP whose results are published (129 finalists: written straight into the tables as the
 * final list leaves them, a presentation score and a decision each, 45 Top 45; then the product's own
 * publishResults), Sinovik started as in production, and 100 readers (one connection each) asking
 * GET /api/competitions/:id/results at once, round after round. Then the same readers on a bare route
 * (baseline-results-server.ts: the published row straight through the driver, no cache) over the same
 * database; the ratio of the p95s says what the product adds (or saves). SQLite.
 */

export const RESULTS_PAGE_GOAL = { readers: 100, p95Ms: 20 };
const FINALISTS = 129;
/** A reader's pace: a page about every second. */
const PACE_MS = 1000;
const r1 = (x: number) => Math.round(x * 10) / 10;

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(0.95 * s.length))) - 1] ?? NaN;
}

/**
 * `readers` clients asking `path`, `rounds` times each: back to back (`paceMs` 0: a burst, each reader's
 * next request as soon as the last answered) or as readers do, a page every `paceMs` (± half of it at
 * random, so they do not march in step). Every latency and every non-200.
 */
async function crowd(port: number, p: string, readers: number, rounds: number, paceMs = 0) {
  const clients = Array.from({ length: readers }, () => new Client(port));
  const ms: number[] = [];
  let failures = 0;
  try {
    await Promise.all(
      clients.map(async (c) => {
        for (let i = 0; i < rounds; i++) {
          if (paceMs) await sleep(paceMs * (0.5 + Math.random()));
          const a = await c.request('GET', p);
          if (a.status === 200) ms.push(a.ms);
          else failures++;
        }
      }),
    );
  } finally {
    for (const c of clients) c.close();
  }
  return { ms, failures };
}

export async function runResultsPageOnly(opts: { auditKey: string; rounds: number }): Promise<number> {
  const log = (line: string) => console.log(line);
  const started = new Date();
  log(`Sinovik benchmark — the public results page only (${started.toISOString()})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-results-'));
  const bench = await openBenchDb('sqlite', tmp, opts.auditKey);
  const stops: (() => Promise<void>)[] = [];
  try {
    const db = bench.db;
    const seeded = await seedBench(db, { institutions: 30, users: 30, perInstitution: 10, maxFileMb: 10 });
    const { secretariat } = await seedListRows(db, seeded, 200);
    const id = seeded.competitionId;
    const finalists = await db
      .selectFrom('proposals')
      .select('id')
      .where('competition_id', '=', id)
      .orderBy('id')
      .limit(FINALISTS)
      .execute();
    const ids = finalists.map((f) => f.id);
    await db.updateTable('proposals').set({ state: 'finalist' }).where('id', 'in', ids).execute();
    const stage = (kind: string) =>
      db
        .selectFrom('stages')
        .selectAll()
        .where('competition_id', '=', id)
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow();
    const presentation = await stage('presentation');
    const finalPanel = await stage('final_panel');
    const sec = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', secretariat)
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await db
      .insertInto('stage_results')
      .values(
        ids.map((p, i) => ({
          stage_id: presentation.id,
          proposal_id: p,
          raw_score: 95 - i * 0.1,
          normalized_score: null,
          score: 95 - i * 0.1,
          basis: 'raw' as const,
          outcome: 'advanced' as const,
          explanation_id: 'Rata-rata panel',
          explanation_en: 'Panel mean',
          decided_by: sec.id,
          decided_at: at,
        })),
      )
      .execute();
    const awards = DEFAULT_AWARDS.filter((a) => a.groupKey === seeded.groupKey);
    await db
      .insertInto('panel_decisions')
      .values(
        ids.map((p, i) => ({
          competition_id: id,
          stage_id: finalPanel.id,
          proposal_id: p,
          award_key: i < 45 && awards[0] ? awards[0].key : null,
          reason: 'Keputusan sidang pleno.',
          decided_by: sec.id,
          decided_at: at,
        })),
      )
      .execute();
    await db
      .updateTable('stages')
      .set({
        settings: JSON.stringify({
          finalPanel: {
            awards,
            ceremony: { startsAt: '2026-10-15T02:00:00.000Z', place: 'Jakarta', notesId: '', notesEn: '' },
          },
        }),
      })
      .where('id', '=', finalPanel.id)
      .execute();
    const competition = await db
      .selectFrom('competitions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const published = await publishResults(db, {
      competition,
      decreeNumber: 'Keputusan Menteri PANRB Nomor 45 Tahun 2026',
      actorUserId: sec.id,
      ip: null,
      now: new Date(),
      baseUrl: 'http://127.0.0.1',
    });
    await db.destroy();
    log(`  published KIPP ${id}: ${published.finalists} finalists, ${published.awarded} awarded`);

    const server = await startSinovik({ tmp, databaseUrl: bench.serverUrl, auditKey: opts.auditKey });
    const port = server.port;
    stops.push(server.stop);
    const bare = await startBaseline({
      name: 'bare-results',
      script: 'scripts/bench/baseline-results-server.ts',
      db: bench.rawUrl,
      tmp,
    });
    const barePort = bare.port;
    stops.push(bare.stop);

    const readers = RESULTS_PAGE_GOAL.readers;
    // Warm-up of both (JIT, the cache's one build, page cache), not measured.
    await crowd(port, `/api/competitions/${id}/results`, readers, 3);
    await crowd(barePort, `/results/${id}`, readers, 3);
    // The goal's figure: 100 readers at once, each reloading the page about every second (100 requests a
    // second). Then the same readers back to back (a burst: latency = the queue of 100), reported as info.
    const s = await crowd(port, `/api/competitions/${id}/results`, readers, opts.rounds, PACE_MS);
    const b = await crowd(barePort, `/results/${id}`, readers, opts.rounds, PACE_MS);
    const burst = await crowd(port, `/api/competitions/${id}/results`, readers, opts.rounds);
    const burstBare = await crowd(barePort, `/results/${id}`, readers, opts.rounds);
    log(
      `  burst (back to back, info): Sinovik p95 ${r1(p95(burst.ms))} ms, bare route p95 ${r1(p95(burstBare.ms))} ms`,
    );
    const sp95 = r1(p95(s.ms));
    const bp95 = r1(p95(b.ms));
    const ratio = bp95 > 0 ? Math.round((sp95 / bp95) * 100) / 100 : null;
    const sum = summarize(s.ms);
    log(
      `  ${readers} readers × ${opts.rounds}: Sinovik p50 ${sum.p50} / p95 ${sp95} / p99 ${sum.p99} ms (${s.failures} failed); ` +
        `bare route p95 ${bp95} ms (${b.failures} failed); ${ratio}× the bare route`,
    );
    const pass = s.failures === 0 && sp95 < RESULTS_PAGE_GOAL.p95Ms;
    const row = {
      target: `public results page, ${published.finalists} finalists, ${readers} concurrent readers, sqlite`,
      figure: `p95 ${sp95} ms (${ratio}× the bare route's ${bp95} ms)`,
      goal: `p95 < ${RESULTS_PAGE_GOAL.p95Ms} ms`,
      pass,
    };
    log(`${row.target}: ${row.figure} (goal ${row.goal}) ${pass ? 'PASS' : 'FAIL'}`);
    const outDir = path.join(repoRoot, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-results-page.json`);
    fs.writeFileSync(
      outFile,
      JSON.stringify(
        {
          startedAt: started.toISOString(),
          resultsPage: { sinovik: sum, sinovikP95: sp95, bareP95: bp95, ratio },
          targets: [row],
        },
        null,
        2,
      ) + '\n',
    );
    log(`figures written to ${path.relative(process.cwd(), outFile)}`);
    return pass ? 0 : 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await bench.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
