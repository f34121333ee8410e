/*
 * A second worker as a real OS process, for the tests of several workers (test/scaled-mode.test.ts):
 * `node --import tsx test/helpers/worker-process.ts '<json>'`. It opens its own connection to the test's
 * database, says "ready", waits for a line on stdin, then runs worker passes (due jobs — the closing and
 * the reminders — then due mail) as `sinovik worker` does, and prints their results as one JSON line. The
 * clock is frozen at the test's instant (a process cannot share the test's AdjustableClock).
 */
import { connect, type Dialect } from '../../src/db/connect.js';
import { submissionJobHandlers } from '../../src/modules/deadlines/jobs.js';
import { setAuditKey } from '../../src/platform/audit.js';
import { AdjustableClock } from '../../src/platform/clock.js';
import { createMailTransport } from '../../src/platform/mail/delivery.js';
import { runWorkerOnce } from '../../src/platform/worker.js';

export interface WorkerProcessArgs {
  databaseUrl: string;
  dialect: Dialect;
  auditKey: string;
  now: string;
  smtpUrl: string;
  mailFrom: string;
  dataDir: string;
  passes: number;
}

const args = JSON.parse(process.argv[2]) as WorkerProcessArgs;
const db = connect(args.databaseUrl, args.dialect);
setAuditKey(db, args.auditKey);
const clock = new AdjustableClock();
clock.freeze(new Date(args.now));
const transport = createMailTransport({ smtpUrl: args.smtpUrl, dataDir: args.dataDir });
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const results = [];
for (let i = 0; i < args.passes; i++)
  results.push(
    await runWorkerOnce({
      db,
      clock,
      transport,
      mailFrom: args.mailFrom,
      log: { info() {}, error: (obj) => console.error(obj) },
      jobHandlers: submissionJobHandlers,
    }),
  );
process.stdout.write(`${JSON.stringify(results)}\n`);
transport.close();
await db.destroy();
process.stdin.destroy();
