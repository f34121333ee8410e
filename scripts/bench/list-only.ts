import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, migrateToLatest } from '../../src/db/connect.js';
import { setAuditKey } from '../../src/platform/audit.js';
import { LIST_GOAL, listPhase, listTarget, seedListRows } from './list.js';
import { seedBench } from './seed.js';
import { repoRoot, startSinovik } from './server.js';

/*
 * `npm run bench -- --list-only`: only the seed and the organizer's full list, with the surge's outcome
 * (`institutions` × `perInstitution` forwarded proposals, a category and one PDF each) written straight
 * into the tables instead of the five-minute surge. For working on the list; the full run measures the
 * same phase after the real surge.
 */
export async function runListOnly(o: {
  institutions: number;
  users: number;
  perInstitution: number;
  requests: number;
  auditKey: string;
  keep: boolean;
  serverNodeArgs: string[];
  command: string;
}): Promise<boolean> {
  const started = new Date();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-list-'));
  const dbFile = path.join(tmp, 'sinovik.sqlite');
  const rows = o.institutions * o.perInstitution;
  console.log(
    `Sinovik benchmark — the organizer's full list only (${started.toISOString()}), work folder ${tmp}`,
  );
  const db = connect(dbFile, 'sqlite');
  setAuditKey(db, o.auditKey);
  await migrateToLatest(db);
  const seeded = await seedBench(db, {
    institutions: o.institutions,
    users: o.users,
    perInstitution: o.perInstitution,
    maxFileMb: 10,
  });
  const { secretariat } = await seedListRows(db, seeded, rows);
  await db.destroy();
  console.log(`  seeded KIPP ${seeded.competitionId} with ${rows} forwarded proposals`);
  const server = await startSinovik({
    tmp,
    databaseUrl: `sqlite:${dbFile}`,
    auditKey: o.auditKey,
    nodeArgs: o.serverNodeArgs,
    logLevel: 'info',
  });
  const port = server.port;
  let result;
  try {
    console.log(`\n▶ organizer's full list: ${o.requests} requests of ${rows} rows, one at a time`);
    result = await listPhase({
      port,
      pid: server.pid,
      competitionId: seeded.competitionId,
      secretariat,
      expectedRows: rows,
      requests: o.requests,
    });
  } finally {
    await server.stop();
  }
  const row = listTarget(result);
  console.log(
    `  wall per request p50 ${result.wallMs.p50} ms (min ${result.wallMs.min}, max ${result.wallMs.max}); idle server ${result.idleCpuMsPerS} CPU-ms/s subtracted`,
  );
  for (const f of result.failures) console.log(`  failure: ${f}`);
  const verdict =
    row.pass === null ? `SKIP (judged from ${LIST_GOAL.rows * 0.9} rows)` : row.pass ? 'PASS' : 'FAIL';
  console.log(`\n${row.target}: ${row.figure} (goal ${row.goal}, ≥ ${LIST_GOAL.rowsPerS} rows/s) ${verdict}`);
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-list.json`);
  fs.writeFileSync(
    outFile,
    JSON.stringify(
      { startedAt: started.toISOString(), command: o.command, list: result, targets: [row] },
      null,
      2,
    ) + '\n',
  );
  console.log(`figures written to ${path.relative(process.cwd(), outFile)}`);
  if (!o.keep) fs.rmSync(tmp, { recursive: true, force: true });
  return row.pass !== false;
}
