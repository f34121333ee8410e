import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseQuery } from '../../src/domain/search/query.js';
import { openBenchDb } from './bench-db.js';
import { GALLERY_QUERIES } from './gallery-corpus.js';
import { seedGallery } from './gallery-seed.js';
import { Client, sleep } from './http.js';
import { repoRoot, startBaseline, startSinovik } from './server.js';
import { cpuSecondsOf, memoryOf, summarize } from './stats.js';

/*
 * The gallery at 100,000 innovations (issue 14 "Speed": search p95 < 20 ms at 100 concurrent readers on
 * SQLite; the filtered lists p95 < 20 ms; the statistics < 200 ms; the open data CSV of every row timed).
 * The corpus is generated in Indonesian (gallery-corpus.ts) and written through the gallery's real indexing
 * path (gallery-seed.ts); Sinovik is started as in production and 100 readers, each its own visitor
 * (X-Forwarded-For from a trusted proxy, so each has the gallery's per-address rate limit), ask a page
 * about every second: a mix of searches (phrases, abbreviations, typos), then of filtered lists. The
 * statistics are asked by 10 readers at the same pace (a page visitors open far less often), and the
 * CSV and JSON of all rows are downloaded once each (time, size, the server's peak memory). The same
 * crowds ask a bare route over the same file (baseline-gallery-server.ts); the ratio of the p95s says what
 * the product adds. SQLite.
 */

export const GALLERY_GOAL = { readers: 100, searchP95Ms: 20, listP95Ms: 20, statsMs: 200 };
const PACE_MS = 1000;
const STATS_READERS = 10;
const r1 = (x: number) => Math.round(x * 10) / 10;

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(0.95 * s.length))) - 1] ?? NaN;
}

/** `readers` visitors, each asking the paths in turn (starting at its own), a page every `paceMs` ± half. */
async function crowd(
  port: number,
  paths: readonly string[],
  readers: number,
  rounds: number,
  paceMs: number,
) {
  const clients = Array.from({ length: readers }, () => new Client(port));
  const ms: number[] = [];
  const failures: string[] = [];
  try {
    await Promise.all(
      clients.map(async (c, i) => {
        const from = { 'x-forwarded-for': `10.14.${i >> 8}.${(i & 255) + 1}` };
        for (let k = 0; k < rounds; k++) {
          if (paceMs) await sleep(paceMs * (0.5 + Math.random()));
          const p = paths[(i + k) % paths.length]!;
          const a = await c.request('GET', p, undefined, from);
          if (a.status === 200) ms.push(a.ms);
          else if (failures.length < 10)
            failures.push(`${a.status} ${p}: ${a.body.toString('utf8', 0, 200)}`);
          else failures.push('');
        }
      }),
    );
  } finally {
    for (const c of clients) c.close();
  }
  return { ms, failures };
}

export async function runGalleryOnly(opts: {
  auditKey: string;
  entries: number;
  rounds: number;
}): Promise<number> {
  const log = (line: string) => console.log(line);
  const started = new Date();
  log(`Sinovik benchmark — the gallery at ${opts.entries} innovations (${started.toISOString()})`);
  log(
    `  machine load at start: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (${os.cpus().length} cores)`,
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-gallery-'));
  const bench = await openBenchDb('sqlite', tmp, opts.auditKey);
  const stops: (() => Promise<void>)[] = [];
  try {
    const seeded = await seedGallery(bench.db, { entries: opts.entries, log });
    await bench.db.destroy();
    const size = fs.statSync(path.join(tmp, 'sinovik.sqlite')).size;
    log(
      `  seeded ${seeded.entries} entries, ${seeded.postings} postings, ${seeded.words} written words in ` +
        `${seeded.seconds} s (database ${Math.round(size / 1e6)} MB)`,
    );

    const server = await startSinovik({
      tmp,
      databaseUrl: bench.serverUrl,
      auditKey: opts.auditKey,
      env: { TRUSTED_PROXIES: '127.0.0.1' },
    });
    stops.push(server.stop);
    const bare = await startBaseline({
      name: 'bare-gallery',
      script: 'scripts/bench/baseline-gallery-server.ts',
      db: bench.rawUrl,
      tmp,
    });
    stops.push(bare.stop);

    const facets = (await (
      await fetch(`http://127.0.0.1:${server.port}/api/public/gallery/facets`)
    ).json()) as {
      categories: { key: string }[];
    };
    const category = facets.categories[0]?.key ?? 'kesehatan';
    const filters: Record<string, string>[] = [
      {},
      { year: '2024' },
      { province: '36' },
      { province: '32', sort: 'award' },
      { category },
      { award: 'TOP45' },
      { participantType: 'pemerintah_kota' },
      { regency: '36.03' },
      { year: '2026', province: '35' },
      { group: 'replikasi', year: '2021' },
      { page: '50' },
    ];
    const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();
    const sinovik = {
      search: GALLERY_QUERIES.map((q) => `/api/public/gallery?${qs({ q })}`),
      list: filters.map((f) => `/api/public/gallery?${qs(f)}`),
      stats: ([{}, { year: '2025' }, { province: '36' }] as Record<string, string>[]).map(
        (f) => `/api/public/gallery/stats?${qs(f)}`,
      ),
    };
    const baseline = {
      search: GALLERY_QUERIES.map((q) => `/search?${qs({ terms: parseQuery(q).terms.join(',') })}`),
      list: filters.map((f) => `/list?${qs(f)}`),
      stats: ['/stats'],
    };
    const readers = GALLERY_GOAL.readers;
    // Warm-up (JIT, the typo vocabulary's one build, the page cache), not measured.
    for (const kind of ['search', 'list', 'stats'] as const) {
      await crowd(server.port, sinovik[kind], 20, 3, 0);
      await crowd(bare.port, baseline[kind], 20, 3, 0);
    }

    const figures: Record<
      string,
      {
        p95: number;
        bareP95: number;
        ratio: number | null;
        failures: number;
        summary: unknown;
        cpuMsPerRequest: number | null;
        bareCpuMsPerRequest: number | null;
      }
    > = {};
    const measure = async (kind: 'search' | 'list' | 'stats', n: number, label: string = kind) => {
      const cpu0 = cpuSecondsOf(server.pid);
      const s = await crowd(server.port, sinovik[kind], n, opts.rounds, PACE_MS);
      const cpu1 = cpuSecondsOf(server.pid);
      const bareCpu0 = cpuSecondsOf(bare.pid);
      const b = await crowd(bare.port, baseline[kind], n, opts.rounds, PACE_MS);
      const bareCpu1 = cpuSecondsOf(bare.pid);
      // The server's CPU per request: what a request costs whatever the machine's load.
      const perRequest = (a: number | null, z: number | null, count: number) =>
        a === null || z === null || !count ? null : r1(((z - a) * 1000) / count);
      const cpuMs = perRequest(cpu0, cpu1, s.ms.length + s.failures.length);
      const bareCpuMs = perRequest(bareCpu0, bareCpu1, b.ms.length + b.failures.length);
      const sp = r1(p95(s.ms));
      const bp = r1(p95(b.ms));
      figures[label] = {
        p95: sp,
        bareP95: bp,
        ratio: bp > 0 ? Math.round((sp / bp) * 100) / 100 : null,
        failures: s.failures.length,
        summary: summarize(s.ms),
        cpuMsPerRequest: cpuMs,
        bareCpuMsPerRequest: bareCpuMs,
      };
      const sum = summarize(s.ms);
      log(
        `  ${label}: ${n} readers × ${opts.rounds}: p50 ${sum.p50} / p95 ${sp} / p99 ${sum.p99} / max ${sum.max} ms ` +
          `(${s.failures.length} failed${s.failures[0] ? `: ${s.failures[0]}` : ''}); bare route p95 ${bp} ms; ` +
          `${figures[label]!.ratio}×; server CPU ${cpuMs} ms per request (bare ${bareCpuMs}) (load ${os.loadavg()[0]!.toFixed(2)})`,
      );
    };
    await measure('search', readers);
    await measure('list', readers);
    await measure('stats', STATS_READERS);
    // One reader alone: the page's own time, the goal's figure.
    await measure('stats', 1, 'statsAlone');

    // The open data: every row once as CSV and once as JSON, timed, with the server's peak memory.
    const downloads: Record<string, { seconds: number; mb: number; rows: number; peakRssMb: number | null }> =
      {};
    for (const format of ['csv', 'json'] as const) {
      const before = memoryOf(server.pid);
      const c = new Client(server.port, { timeoutMs: 300_000 });
      const a = await c.request('GET', `/api/public/gallery/data.${format}`, undefined, {
        'x-forwarded-for': '10.15.0.1',
      });
      c.close();
      const after = memoryOf(server.pid);
      const text = a.body.toString('utf8');
      const rows =
        format === 'csv'
          ? text.split('\r\n').length - 2
          : (JSON.parse(text) as { items: unknown[] }).items.length;
      downloads[format] = {
        seconds: r1(a.ms / 1000),
        mb: r1(a.body.length / 1e6),
        rows,
        peakRssMb: after ? r1(after.hwmMb) : null,
      };
      log(
        `  open data ${format.toUpperCase()}: ${rows} rows, ${downloads[format]!.mb} MB in ${downloads[format]!.seconds} s ` +
          `(status ${a.status}; server RSS ${before ? r1(before.rssMb) : '-'} → ${after ? r1(after.rssMb) : '-'} MB, peak ${downloads[format]!.peakRssMb} MB)`,
      );
    }

    const rows = [
      {
        target: `gallery search, ${seeded.entries} innovations, ${readers} concurrent readers, sqlite`,
        figure: `p95 ${figures.search!.p95} ms (${figures.search!.ratio}× the bare route's ${figures.search!.bareP95} ms)`,
        goal: `p95 < ${GALLERY_GOAL.searchP95Ms} ms`,
        pass: figures.search!.failures === 0 && figures.search!.p95 < GALLERY_GOAL.searchP95Ms,
      },
      {
        target: `gallery filtered lists, ${seeded.entries} innovations, ${readers} concurrent readers, sqlite`,
        figure: `p95 ${figures.list!.p95} ms (${figures.list!.ratio}× the bare route's ${figures.list!.bareP95} ms)`,
        goal: `p95 < ${GALLERY_GOAL.listP95Ms} ms`,
        pass: figures.list!.failures === 0 && figures.list!.p95 < GALLERY_GOAL.listP95Ms,
      },
      {
        target: `gallery statistics, ${seeded.entries} innovations, one reader (10 readers: p95 ${figures.stats!.p95} ms), sqlite`,
        figure: `p95 ${figures.statsAlone!.p95} ms (${figures.statsAlone!.ratio}× the bare route's ${figures.statsAlone!.bareP95} ms)`,
        goal: `< ${GALLERY_GOAL.statsMs} ms`,
        pass: figures.statsAlone!.failures === 0 && figures.statsAlone!.p95 < GALLERY_GOAL.statsMs,
      },
      {
        target: `gallery open data CSV, every row (${downloads.csv!.rows})`,
        figure: `${downloads.csv!.seconds} s, ${downloads.csv!.mb} MB, server peak RSS ${downloads.csv!.peakRssMb} MB`,
        goal: 'reported',
        pass: downloads.csv!.rows === seeded.entries,
      },
    ];
    for (const row of rows)
      log(`${row.target}: ${row.figure} (goal ${row.goal}) ${row.pass ? 'PASS' : 'FAIL'}`);
    log(
      `  machine load at end: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    const outDir = path.join(repoRoot, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-gallery.json`);
    fs.writeFileSync(
      outFile,
      JSON.stringify(
        { startedAt: started.toISOString(), seeded, figures, downloads, targets: rows },
        null,
        2,
      ) + '\n',
    );
    log(`figures written to ${path.relative(process.cwd(), outFile)}`);
    return rows.every((r) => r.pass) ? 0 : 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await bench.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
