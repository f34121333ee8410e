import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBenchDb } from './bench-db.js';
import { autosaveBody, newDraft } from './content.js';
import { Client, json, Recorder, sleep } from './http.js';
import { seedListRows } from './list.js';
import { startDraft } from './phases.js';
import { BENCH_PASSWORD, seedBench } from './seed.js';
import { repoRoot, startSinovik } from './server.js';
import { summarize, type LatencySummary } from './stats.js';

/*
 * Certificates (issue 13 "Speed": "certificates for 300 finalists generated and stored in < 60 s off the
 * event loop while autosaves keep p99 < 100 ms"). A KIPP with 300 finalists (written straight in), its
 * certificate signer set; `autosavers` UPPs each autosave a draft every `everyS` seconds (the proposal
 * editor's PATCH, as the surge does) from before the issue until after the last PDF is stored. The
 * organizer's secretariat presses "Terbitkan piagam" (POST …/certificates/issue: 300 rows, numbers,
 * notices, audit in one transaction) and the page's poll (GET …/certificates) is followed until every
 * certificate has its stored PDF. Figures: issue → all stored, in seconds (goal < 60), and the autosave
 * p99 while the PDFs were made (goal < 100 ms). Run alone: npm run bench -- --only certificates.
 */

export const CERTIFICATES_GOAL = { certificates: 300, seconds: 60, p99Ms: 100 };

export interface CertificatesResult {
  certificates: number;
  issueMs: number;
  allStoredS: number | null;
  autosavers: number;
  everyS: number;
  autosaveBefore: LatencySummary;
  autosaveDuring: LatencySummary;
  autosaveErrors: number;
  failures: string[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export async function certificatesPhase(opts: {
  certificates: number;
  autosavers: number;
  everyS: number;
  auditKey: string;
  log: (line: string) => void;
}): Promise<CertificatesResult> {
  const { log } = opts;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-certificates-'));
  const bench = await openBenchDb('sqlite', tmp, opts.auditKey);
  const failures: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  try {
    const institutions = Math.max(opts.autosavers, Math.ceil(opts.certificates / 10));
    const seeded = await seedBench(bench.db, {
      institutions,
      users: institutions,
      perInstitution: 10,
      maxFileMb: 10,
    });
    const { secretariat } = await seedListRows(bench.db, seeded, opts.certificates);
    const db = bench.db;
    const stamp = new Date().toISOString();
    await db
      .updateTable('proposals')
      .set({ state: 'finalist', received_at: stamp })
      .where('competition_id', '=', seeded.competitionId)
      .execute();
    const competition = await db
      .selectFrom('competitions')
      .select(['code', 'year'])
      .where('id', '=', seeded.competitionId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('certificate_settings')
      .values({
        competition_id: seeded.competitionId,
        number_prefix: `PIAGAM/${competition.code}/${competition.year}`,
        signer_name: 'Penanda Tangan Bench',
        signer_position: 'Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
        updated_by: null,
        updated_at: stamp,
      })
      .execute();
    await db.destroy();
    log(
      `  seeded KIPP ${seeded.competitionId}: ${opts.certificates} finalists, ${seeded.upps.length} UPP accounts`,
    );

    const server = await startSinovik({ tmp, databaseUrl: bench.serverUrl, auditKey: opts.auditKey });
    const port = server.port;
    stops.push(server.stop);

    // The autosavers: each signs in, starts a draft, then autosaves it every `everyS` seconds.
    const rec = new Recorder();
    const drafts: { cookie: string; id: number; version: number }[] = [];
    for (const upp of seeded.upps.slice(0, opts.autosavers)) {
      const d = await startDraft(port, seeded, upp, `Inovasi Piagam Bench ${upp.userId}`, rec);
      if (d) drafts.push(d);
    }
    const samples: { at: number; ms: number; ok: boolean }[] = [];
    let stop = false;
    const loops = drafts.map(async (d, i) => {
      const c = new Client(port);
      c.cookie = d.cookie;
      const draft = newDraft(d.id, seeded.sectionKeys, `Inovasi Piagam Bench ${d.id}`);
      await sleep((i / drafts.length) * opts.everyS * 1000);
      for (let n = 1; !stop; n++) {
        const body = autosaveBody(draft, Math.min(1, n / 40), d.version, d.id * 1000 + n, {
          categoryKey: seeded.categoryKey,
          contactEmail: `narahubung.${d.id}@bench.sinovik.local`,
          complete: false,
        });
        const t = Date.now();
        const res = await c.request('PATCH', `/api/proposals/${d.id}`, body);
        samples.push({ at: t, ms: res.ms, ok: res.status === 200 });
        if (res.status === 200) d.version = json<{ version: number }>(res).version;
        await sleep(t + opts.everyS * 1000 - Date.now());
      }
      c.close();
    });
    log(`  ${drafts.length} UPPs autosaving every ${opts.everyS} s; 10 s of them alone first`);
    await sleep(10_000);

    const sec = new Client(port, { timeoutMs: 120_000 });
    const login = await sec.request('POST', '/api/auth/login', {
      email: secretariat,
      password: BENCH_PASSWORD,
    });
    if (login.status !== 200) throw new Error(`secretariat login: ${login.status}`);
    const started = Date.now();
    const issued = await sec.request('POST', `/api/competitions/${seeded.competitionId}/certificates/issue`);
    const issueMs = issued.ms;
    if (issued.status !== 200)
      failures.push(`issue: ${issued.status} ${issued.body.toString('utf8', 0, 300)}`);
    else log(`  issued: ${issued.body.toString('utf8')} in ${r1(issueMs)} ms`);
    let allStoredS: number | null = null;
    while (issued.status === 200 && Date.now() - started < 180_000) {
      await sleep(500);
      const p = await sec.request('GET', `/api/competitions/${seeded.competitionId}/certificates`);
      const counts = json<{ counts: { all: number; ready: number } }>(p).counts;
      if (counts.all > 0 && counts.ready === counts.all) {
        allStoredS = r1((Date.now() - started) / 1000);
        break;
      }
    }
    const ended = Date.now();
    await sleep(2000);
    stop = true;
    await Promise.all(loops);
    sec.close();
    if (allStoredS === null) failures.push('the certificates were not all stored within 180 s');
    const before = samples.filter((s) => s.at < started).map((s) => s.ms);
    const during = samples.filter((s) => s.at >= started && s.at <= ended).map((s) => s.ms);
    return {
      certificates: opts.certificates,
      issueMs: r1(issueMs),
      allStoredS,
      autosavers: drafts.length,
      everyS: opts.everyS,
      autosaveBefore: summarize(before),
      autosaveDuring: summarize(during),
      autosaveErrors: samples.filter((s) => !s.ok).length,
      failures,
    };
  } finally {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    await bench.drop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function certificatesRows(r: CertificatesResult) {
  return [
    {
      target: `certificates: ${r.certificates} issued, made and stored`,
      figure:
        r.allStoredS === null ? 'not all stored' : `${r.allStoredS} s (the issue itself ${r.issueMs} ms)`,
      goal: `< ${CERTIFICATES_GOAL.seconds} s`,
      pass: r.allStoredS !== null && r.allStoredS < CERTIFICATES_GOAL.seconds,
    },
    {
      target: `certificates: autosave p99 while they are made (${r.autosavers} UPPs every ${r.everyS} s)`,
      figure: `${r.autosaveDuring.p99} ms (p50 ${r.autosaveDuring.p50}, ${r.autosaveDuring.count} saves, ${r.autosaveErrors} errors; before: p99 ${r.autosaveBefore.p99} ms)`,
      goal: `< ${CERTIFICATES_GOAL.p99Ms} ms, no error`,
      pass:
        r.autosaveDuring.p99 !== null &&
        r.autosaveDuring.p99 < CERTIFICATES_GOAL.p99Ms &&
        r.autosaveErrors === 0,
    },
  ];
}

export async function runCertificatesOnly(opts: { quick: boolean; auditKey: string }): Promise<number> {
  const log = (line: string) => console.log(line);
  const started = new Date();
  log(
    `Sinovik benchmark — certificates only (${started.toISOString()}), load average ${os.loadavg().map(r1).join(' ')}`,
  );
  const size = opts.quick
    ? { certificates: 60, autosavers: 20, everyS: 2 }
    : { certificates: CERTIFICATES_GOAL.certificates, autosavers: 100, everyS: 2 };
  log(
    `\n▶ certificates: ${size.certificates} finalists, ${size.autosavers} UPPs autosaving every ${size.everyS} s`,
  );
  const result = await certificatesPhase({ ...size, auditKey: opts.auditKey, log });
  for (const f of result.failures) log(`  failure: ${f}`);
  const rows = certificatesRows(result);
  log('');
  for (const row of rows)
    log(`${row.target}: ${row.figure} (goal ${row.goal}) ${row.pass ? 'PASS' : 'FAIL'}`);
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-certificates.json`);
  fs.writeFileSync(
    outFile,
    JSON.stringify(
      { startedAt: started.toISOString(), loadAverage: os.loadavg(), certificates: result, targets: rows },
      null,
      2,
    ) + '\n',
  );
  log(`figures written to ${path.relative(process.cwd(), outFile)}`);
  return rows.some((r) => !r.pass) ? 1 : 0;
}
