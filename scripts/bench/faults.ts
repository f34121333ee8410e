import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openStorage } from '../../src/platform/storage-create.js';
import { STORAGE_RETRY_AFTER_S } from '../../src/platform/storage.js';
import { openBenchDb, postgresUrl, type BenchDb } from './bench-db.js';
import {
  killWebProcess,
  rehashInventory,
  sinovikCli,
  storeOutage,
  TimedRecorder,
  type CliRun,
  type KillResult,
  type OutageResult,
  type Timed,
} from './faults-steps.js';
import { sleep } from './http.js';
import { webPids } from './processes.js';
import { startBenchS3, type BenchS3 } from './s3-server.js';
import { seedBench } from './seed.js';
import { BENCH_SESSION_SECRET, repoRoot, startSinovik, type Server } from './server.js';
import { fmt } from './stats.js';
import { runSurge, type TrackedProposal } from './surge.js';
import { checkLostWrites, type Acknowledged } from './verify.js';

/*
 * `npm run bench -- --only faults` (issue 15, "Faults"): the UPPs' deadline surge (surge.ts) on PostgreSQL
 * (DATABASE_URL) with files in S3 (s3rver in its own process) and two web processes (WEB_PROCESSES=2), and
 * on a timer beside it:
 *  - at 20 % of the surge one web process is killed (SIGKILL): the other must keep answering, the primary
 *    must start another, and no acknowledged write may be lost;
 *  - at 35 % the object store is stopped for a minute (--quick: 10 s) and started again on the same port and
 *    folder: meanwhile uploads are refused 503 `storage_unavailable` with Retry-After 60 and the UPPs' pages
 *    send them again after it (surge.ts `storageRetry`); autosaves go on; afterwards every refused upload is
 *    stored;
 *  - at 50 % of the surge (or 5 s after the store is back, whichever is later) `sinovik backup`;
 * then every acknowledged write is checked (verify.ts) and the backup is restored into a new empty database
 * with `sinovik restore` (which verifies counts, file presence and the audit chain); every object the backup
 * inventoried is re-hashed from the bucket. Prints PASS/FAIL per goal, writes bench-results/<time>-faults.json.
 */

const SIZE = (quick: boolean) =>
  quick
    ? { institutions: 10, users: 20, perInstitution: 4, durationS: 40, outageS: 10, uploadKb: 256 }
    : { institutions: 150, users: 200, perInstitution: 4, durationS: 180, outageS: 60, uploadKb: 1024 };

/** Seconds after the kill in which requests cut with their connection are expected. */
const KILL_WINDOW_MS = 5000;

interface Goal {
  name: string;
  pass: boolean;
  detail: string;
}

const at = (t0: number, ms: number) => `${fmt((ms - t0) / 1000)} s`;

export async function runFaultsOnly(o: {
  quick: boolean;
  auditKey: string;
  command: string;
}): Promise<number> {
  const log = (line: string) => console.log(line);
  if (!postgresUrl()) {
    log('--only faults runs on PostgreSQL: set DATABASE_URL=postgres://… (several web processes need it)');
    return 1;
  }
  const size = SIZE(o.quick);
  const started = new Date();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-faults-'));
  const s3Dir = path.join(tmp, 's3');
  const dataDir = path.join(tmp, 'data');
  const backupDir = path.join(tmp, 'backup');
  log(
    `Sinovik benchmark — faults during the deadline surge, PostgreSQL + S3, two web processes (${started.toISOString()}), work folder ${tmp}`,
  );
  let s3: BenchS3 | null = null;
  let server: Server | null = null;
  const dbs: BenchDb[] = [];
  let failed = true;
  const boundS = size.durationS * 2 + 600;
  const watchdog = setTimeout(() => {
    console.error(`bench faults: still running after ${boundS} s; stopping`);
    server?.child.kill('SIGKILL');
    process.exit(3);
  }, boundS * 1000);
  try {
    const bench = await openBenchDb('postgres', tmp, o.auditKey);
    dbs.push(bench);
    const seeded = await seedBench(bench.db, {
      institutions: size.institutions,
      users: size.users,
      perInstitution: size.perInstitution,
      maxFileMb: 2,
    });
    s3 = await startBenchS3(s3Dir);
    server = await startSinovik({
      tmp,
      databaseUrl: bench.serverUrl,
      auditKey: o.auditKey,
      env: { DATA_DIR: dataDir, WEB_PROCESSES: '2', ...s3.env },
    });
    await sleep(3000); // each web process listening
    const pidsAtStart = webPids(server);
    log(
      `  ${seeded.upps.length} UPPs in ${seeded.admins.length} institutions, ${seeded.upps.reduce((s, u) => s + u.proposals, 0)} proposals to write; ` +
        `web processes ${pidsAtStart.join(', ')} (primary ${server.pid}); S3 on port ${s3.port}`,
    );

    // ── The surge, and the faults on a timer beside it ─────────────────────────────────────────────
    const D = size.durationS * 1000;
    log(
      `\n▶ surge of ${size.durationS} s; kill -9 of a web process at ${fmt(D * 0.0002)} s, the store down for ${size.outageS} s from ${fmt(D * 0.00035)} s, a backup after it`,
    );
    const rec = new TimedRecorder();
    const t0 = Date.now();
    const done: { kill?: KillResult; outage?: OutageResult; backup?: CliRun; backupAt: number } = {
      backupAt: 0,
    };
    const srv = server;
    // Its failure is kept until the surge is over (a store that does not come back fails the phase then).
    const faults = (async () => {
      await sleep(t0 + D * 0.2 - Date.now());
      const kill = await killWebProcess(srv);
      done.kill = kill;
      log(
        `  ${at(t0, kill.killedAt)}: killed web process ${kill.victim}; ${kill.replacement ? `the primary started ${kill.replacement} ${kill.replacedAfterMs} ms later` : 'no new web process within 30 s'}; ${kill.probe.ok}/${kill.probe.requests} health probes answered meanwhile`,
      );
      await sleep(t0 + D * 0.35 - Date.now());
      log(`  ${at(t0, Date.now())}: object store stopped for ${size.outageS} s`);
      const outage = await storeOutage(s3!, s3Dir, size.outageS);
      done.outage = outage;
      s3 = outage.s3;
      log(`  ${at(t0, outage.backAt)}: object store back on port ${s3.port}`);
      await sleep(Math.max(t0 + D * 0.5, outage.backAt + 5000) - Date.now());
      done.backupAt = Date.now();
      log(`  ${at(t0, done.backupAt)}: sinovik backup --out ${backupDir}`);
      done.backup = await sinovikCli(['backup', '--out', backupDir], cliEnv(bench.serverUrl, dataDir), 300);
      log(`  backup exit ${done.backup.code} after ${fmt(done.backup.seconds)} s`);
    })().then(
      () => null,
      (err: unknown) => err,
    );
    const surge = await runSurge({
      port: server.port,
      seeded,
      durationS: size.durationS,
      autosaveEveryS: 5,
      uploadBytes: size.uploadKb * 1024,
      uploads: true,
      rampS: Math.min(20, size.durationS * 0.15),
      log,
      rec,
      storageRetry: { maxWaitS: o.quick ? size.outageS : STORAGE_RETRY_AFTER_S },
    });
    const fault = await faults;
    if (fault) throw fault;
    const pidsAfter = webPids(server);
    log(
      `  surge done in ${fmt(surge.wallS)} s: ${rec.requests} requests, ${rec.errors} not 2xx; web processes now ${pidsAfter.join(', ')}`,
    );
    const { kill: k, outage: out, backup: bk, backupAt } = done;
    if (!k || !out || !bk) throw new Error('a fault did not run');

    // ── What the answers say around each fault ──────────────────────────────────────────────────────
    const inKill = (t: Timed) => t.at >= k.killedAt && t.at <= k.killedAt + KILL_WINDOW_MS;
    const ok = (t: Timed) => t.status >= 200 && t.status < 300;
    const refused = rec.timeline.filter((t) => t.name === 'upload' && t.status === 503);
    const refusedRight = refused.filter(
      (t) => t.code === 'storage_unavailable' && t.retryAfter === String(STORAGE_RETRY_AFTER_S),
    );
    const refusedLate = refused.filter((t) => t.at > out.backAt + 2000).length;
    const cutByKill = rec.timeline.filter((t) => inKill(t) && t.status === 0);
    // Until the new process could serve (it is only forked then; starting takes it well over a second), every
    // 2xx after the kill came from the other one.
    const survivorUntil = k.killedAt + (k.replacedAfterMs ?? KILL_WINDOW_MS) + 1000;
    const survivorAnswers = rec.timeline.filter(
      (t) => ok(t) && t.at > k.killedAt && t.at <= survivorUntil,
    ).length;
    const answersAfterKill = rec.timeline.filter((t) => ok(t) && inKill(t) && t.at > k.killedAt).length;
    const autosaveErrors = rec.timeline.filter((t) => t.name === 'autosave' && !ok(t) && !inKill(t));
    const duringOutage = (t: Timed) => t.at >= out.stoppedAt && t.at <= out.backAt;
    const autosavesDuringOutage = rec.timeline.filter((t) => t.name === 'autosave' && duringOutage(t));
    const unexpected = rec.timeline.filter(
      (t) => !ok(t) && !inKill(t) && !(t.name === 'upload' && t.status === 503),
    );
    const byKind = (ts: Timed[]) => {
      const m = new Map<string, number>();
      for (const t of ts) m.set(`${t.name} ${t.status}`, (m.get(`${t.name} ${t.status}`) ?? 0) + 1);
      return Object.fromEntries(m);
    };
    const everRefused = surge.proposals.filter((p) => p.refusedUploads > 0);
    const storedAfter = everRefused.filter((p) => p.uploads.length > 0);
    log(
      `  kill: ${cutByKill.length} requests cut in the ${KILL_WINDOW_MS / 1000} s after it (${JSON.stringify(byKind(cutByKill))}); ` +
        `${answersAfterKill} 2xx in those seconds, ${survivorAnswers} before the new process could serve`,
    );
    log(
      `  store down: ${refused.length} uploads refused (${refusedRight.length} with 503 storage_unavailable + Retry-After ${STORAGE_RETRY_AFTER_S}, ${refusedLate} more than 2 s after it was back); ` +
        `${everRefused.length} proposals refused, ${storedAfter.length} stored after the store came back; ` +
        `${autosavesDuringOutage.filter(ok).length}/${autosavesDuringOutage.length} autosaves answered 2xx meanwhile`,
    );
    log(`  other answers not 2xx (outside the kill's seconds): ${JSON.stringify(byKind(unexpected))}`);

    // ── Lost writes ─────────────────────────────────────────────────────────────────────────────────
    log('\n▶ lost writes: every acknowledged write in the database, every stored object re-hashed');
    // A proposal whose last write went unanswered (cut by the kill) may hold that write: checked apart.
    const acked = (p: TrackedProposal): Acknowledged => ({
      id: p.id,
      unitId: p.upp.unitId,
      version: p.version,
      state: p.forwarded ? 'forwarded' : p.sent ? 'sent_to_local_admin' : 'draft',
      lastBody: p.lastBody,
      uploads: p.uploads,
    });
    const sure = surge.proposals.filter((p) => !p.unanswered);
    const unsure = surge.proposals.filter((p) => p.unanswered);
    const storage = await openStorage({ dataDir, storage: s3.storage });
    const lost = await checkLostWrites({
      db: bench.db,
      storage,
      dataDir,
      competitionId: seeded.competitionId,
      acknowledged: sure.map(acked),
      expectRows: surge.proposals.length,
    });
    let unsureBehind = 0;
    for (const p of unsure) {
      const row = await bench.db
        .selectFrom('proposals')
        .select('version')
        .where('id', '=', p.id)
        .executeTakeFirst();
      if (!row || row.version < p.version) unsureBehind++;
    }
    const uploadsCut = cutByKill.filter((t) => t.name === 'upload').length;
    // Attachment rows beyond the acknowledged uploads: only an upload cut by the kill may have made one.
    const extraAttachments = lost.attachmentRows - surge.proposals.reduce((n, p) => n + p.uploads.length, 0);
    log(
      `  ${lost.proposalsChecked} proposals, ${lost.answersChecked} answers, ${lost.attachmentsChecked} attachments checked; ` +
        `${lost.files.rehashed} objects re-hashed: ${lost.lost} lost; ${lost.files.tmpLeft} staged files left (${uploadsCut} uploads cut by the kill); ` +
        `${unsure.length} proposals whose last write was cut by the kill: ${unsureBehind} behind what was acknowledged`,
    );
    for (const e of lost.examples) log(`    ${e}`);

    // ── Restore the backup into a new installation ──────────────────────────────────────────────────
    log(
      '\n▶ restore: the backup into a new empty PostgreSQL database, the same bucket (S3 keeps the objects)',
    );
    const target = await openBenchDb('postgres', tmp, o.auditKey);
    dbs.push(target);
    const restoreDir = path.join(tmp, 'restored-data');
    const restore =
      bk.code === 0
        ? await sinovikCli(['restore', '--from', backupDir], cliEnv(target.serverUrl, restoreDir), 300)
        : { code: -1, seconds: 0, output: 'no backup to restore' };
    const summary = restore.output.split('\n').filter((l) => /rows|files|audit|cocok|match/i.test(l));
    log(`  restore exit ${restore.code} after ${fmt(restore.seconds)} s`);
    for (const l of summary) log(`    ${l.trim()}`);
    const inventory = bk.code === 0 ? await rehashInventory(backupDir, storage) : null;
    const restoredRows = await sql<{ n: string }>`select count(*) as n from proposals`.execute(target.db);
    log(
      `  ${inventory ? `${inventory.files} inventoried objects re-hashed from the bucket: ${inventory.mismatched} differ, ${inventory.missing} missing` : ''}; ` +
        `${restoredRows.rows[0].n} proposals restored (of ${surge.proposals.length} at the end of the surge)`,
    );
    await storage.close();

    // ── Results ─────────────────────────────────────────────────────────────────────────────────────
    const goals: Goal[] = [
      {
        name: 'lost writes',
        pass: lost.lost === 0 && unsureBehind === 0,
        detail: `${lost.lost} lost of ${lost.proposalsChecked} proposals, ${lost.files.rehashed} objects re-hashed`,
      },
      {
        name: 'nothing half-written',
        pass:
          lost.files.tmpLeft <= uploadsCut &&
          lost.files.missing === 0 &&
          extraAttachments >= 0 &&
          extraAttachments <= uploadsCut,
        detail: `${lost.files.tmpLeft} staged files left, ${extraAttachments} attachment rows not acknowledged (${uploadsCut} uploads cut by the kill), ${lost.files.missing} objects missing, ${lost.files.orphans} unreferenced`,
      },
      {
        name: 'autosave errors outside the kill',
        pass: autosaveErrors.length === 0,
        detail: `${autosaveErrors.length}; ${autosavesDuringOutage.filter(ok).length}/${autosavesDuringOutage.length} 2xx while the store was down`,
      },
      {
        name: 'other web process answered',
        pass: k.probe.ok > 0,
        detail: `${k.probe.ok}/${k.probe.requests} health probes 200 before the new process could serve; surge: ${survivorAnswers} 2xx then, ${answersAfterKill} in ${KILL_WINDOW_MS / 1000} s, ${cutByKill.length} requests cut`,
      },
      {
        name: 'new web process after the kill',
        pass: k.replacement !== null && pidsAfter.length === 2 && !pidsAfter.includes(k.victim),
        detail: `killed ${k.victim}, new ${k.replacement ?? 'none'} after ${k.replacedAfterMs ?? '-'} ms; now ${pidsAfter.join(', ')}`,
      },
      {
        name: 'refused uploads: 503 + Retry-After',
        pass: refused.length > 0 && refusedRight.length === refused.length && refusedLate === 0,
        detail: `${refusedRight.length}/${refused.length} 503 storage_unavailable with Retry-After ${STORAGE_RETRY_AFTER_S}, ${refusedLate} after the store was back`,
      },
      {
        name: 'refused uploads stored after',
        pass: everRefused.length > 0 && storedAfter.length === everRefused.length,
        detail: `${storedAfter.length}/${everRefused.length} proposals`,
      },
      {
        name: 'no other error',
        pass: Object.keys(byKind(unexpected)).length === 0,
        detail: JSON.stringify(byKind(unexpected)),
      },
      { name: 'backup exit 0', pass: bk.code === 0, detail: `exit ${bk.code}, ${fmt(bk.seconds)} s` },
      {
        name: 'restore exit 0, verified',
        pass:
          restore.code === 0 && inventory !== null && inventory.mismatched === 0 && inventory.missing === 0,
        detail: `exit ${restore.code}, ${fmt(restore.seconds)} s; ${inventory?.files ?? 0} objects re-hashed`,
      },
    ];
    log('\nresults:');
    for (const g of goals) log(`  ${g.name.padEnd(36)} ${g.pass ? 'PASS' : 'FAIL'}  ${g.detail}`);
    log(`  machine: ${os.availableParallelism()} cores, shared with whatever else runs`);

    const figures = {
      size,
      surge: {
        wallS: surge.wallS,
        requests: rec.requests,
        notOk: rec.errors,
        proposals: surge.proposals.length,
        sent: surge.proposals.filter((p) => p.sent).length,
        forwarded: surge.proposals.filter((p) => p.forwarded).length,
        unfinished: surge.unfinished,
        statuses: Object.fromEntries([...rec.statuses].map(([name, m]) => [name, Object.fromEntries(m)])),
      },
      kill: {
        ...k,
        atS: (k.killedAt - t0) / 1000,
        cut: byKind(cutByKill),
        answersAfterKill,
        survivorAnswers,
      },
      outage: {
        fromS: (out.stoppedAt - t0) / 1000,
        toS: (out.backAt - t0) / 1000,
        refused: refused.length,
        refusedWith503RetryAfter: refusedRight.length,
        refusedAfterBack: refusedLate,
        proposalsRefused: everRefused.length,
        storedAfter: storedAfter.length,
        autosavesDuring: autosavesDuringOutage.length,
        autosavesOkDuring: autosavesDuringOutage.filter(ok).length,
      },
      unexpected: byKind(unexpected),
      // Every answer not 2xx, when (s after the surge's start) and what it said; the first 20 with detail.
      notOk: rec.timeline.filter((t) => !ok(t)).map((t) => ({ ...t, at: Math.round(t.at - t0) / 1000 })),
      failures: rec.failures,
      lost: { ...lost, unanswered: unsure.length, unansweredBehind: unsureBehind, extraAttachments },
      backup: { atS: (backupAt - t0) / 1000, code: bk.code, seconds: bk.seconds, output: bk.output },
      restore: { ...restore, inventory, restoredProposals: Number(restoredRows.rows[0].n) },
      goals,
    };
    const outDir = path.join(repoRoot, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-faults.json`);
    fs.writeFileSync(
      outFile,
      JSON.stringify({ startedAt: started.toISOString(), command: o.command, faults: figures }, null, 2) +
        '\n',
    );
    log(`figures written to ${path.relative(process.cwd(), outFile)}`);
    failed = !goals.every((g) => g.pass);
    return failed ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    await server?.stop();
    await s3?.stop();
    for (const d of dbs) await d.drop();
    // A failed run keeps its folder (the server's log, the backup) to look at.
    if (failed) log(`work folder kept: ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }

  /** The environment of `sinovik backup` / `restore`: the server's, over `databaseUrl` and `dataDir`. */
  function cliEnv(databaseUrl: string, dir: string): Record<string, string> {
    return {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      AUDIT_KEY: o.auditKey,
      SESSION_SECRET: BENCH_SESSION_SECRET,
      LOG_LEVEL: 'warn',
      ...s3!.env,
    };
  }
}
