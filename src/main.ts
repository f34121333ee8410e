import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError, type Config } from './config.js';
import { connect, migrateToLatest, type Db } from './db/connect.js';
import { buildApp } from './app.js';
import { AdjustableClock } from './platform/clock.js';
import { createMailTransport } from './platform/mail/delivery.js';
import { startWorker } from './platform/worker.js';
import { backgroundJobHandlers, ensureRecurringJobs } from './background-jobs.js';
import type { BlobStore } from './platform/storage.js';
import { createStorage, openStorage, StorageStartError } from './platform/storage-create.js';
import { seedReferenceData, seedDemo, DEMO_PASSWORD, type DemoAccount } from './seed/index.js';
import { GALLERY_OWNER_ACCOUNT } from './seed/demo-gallery.js';
import { createUserFromCli, CREATE_USER_USAGE } from './seed/create-user.js';
import { setAuditKey } from './platform/audit.js';
import { verifyAudit } from './platform/audit-verify.js';
import { backupCommand, restoreCommand, BACKUP_USAGE } from './platform/backup/cli.js';
import { forkedRole, superviseProcesses } from './platform/processes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `sinovik <command>

  start                 build the web app if missing or stale, migrate, seed the demo on an empty database, serve
  serve                 serve the API and web app on PORT (default 3000); WEB_PROCESSES=N|auto forks N processes
                        (PostgreSQL) and one job worker (none with SINOVIK_WORKER=none: run \`sinovik worker\`)
  worker                deliver mail and run timed events (when SINOVIK_WORKER=none on the web processes)
  migrate               apply pending database migrations
  seed --demo           load reference data (institutions) and the demo competition with demo accounts
  seed                  load reference data only
  create-user ...       create an account (see below)
  audit verify          check the audit log with AUDIT_KEY (chain, checkpoints); exits 1 when anything is off
${BACKUP_USAGE}

${CREATE_USER_USAGE}
`;

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/** The storage STORAGE names, its bucket checked (STORAGE=s3); a missing or unreachable one stops the start. */
async function openStorageOrExit(config: Config): Promise<BlobStore> {
  try {
    return await openStorage(config);
  } catch (err) {
    if (err instanceof StorageStartError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

async function openDb(config: Config, migrate = true): Promise<Db> {
  const db = connect(config.databaseUrl, config.dialect, { poolSize: config.databasePoolSize });
  setAuditKey(db, config.auditKey);
  // A process forked by `sinovik serve` finds the database migrated by its primary.
  if (!migrate) return db;
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
  return db;
}

/** The newest modification time under a folder (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const m = fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

/** Builds the web app when it is missing or older than its sources (the web app and the shared contracts). */
async function buildWebIfMissing(): Promise<void> {
  const index = path.join(root, 'dist/web/index.html');
  if (fs.existsSync(index)) {
    const built = fs.statSync(index).mtimeMs;
    const sources = ['src/web', 'src/contracts', 'src/domain'].map((d) => newestMtime(path.join(root, d)));
    if (Math.max(...sources) <= built) return;
    console.log('the web app changed since it was built: building it again...');
  } else console.log('building the web app (first start)...');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/** The demo's accounts and what each does in the demo competitions; last year's winners in the gallery. */
async function printDemo(config: Config, db: Db, accounts: DemoAccount[]) {
  printAccounts(config, accounts);
  const lastYear = await seedDemo.lastYear(db, new Date());
  if (lastYear)
    console.log(
      `Galeri inovasi: ${config.baseUrl}/galeri — finalis dan pemenang ${lastYear.name} (${lastYear.code}, hasil sudah diumumkan) / the innovation gallery: last year's finalists and winners (results published)\n` +
        `  Replikasi / replication: cari "pelayanan kependudukan desa", ajukan replikasi sebagai adminlokal.tangerang@demo.sinovik.id; pemiliknya ${GALLERY_OWNER_ACCOUNT} menjawab di /instansi/replikasi (kata sandi yang sama) / search it, ask as adminlokal.tangerang@, the owner answers (same password)\n`,
    );
}

function printAccounts(config: Config, accounts: DemoAccount[]) {
  console.log('\nSinovik demo — masuk di / log in at ' + config.baseUrl);
  console.log(`Kata sandi semua akun demo / password of every demo account: ${DEMO_PASSWORD}\n`);
  const roleWidth = Math.max(...accounts.map((a) => a.role.length));
  const emailWidth = Math.max(...accounts.map((a) => a.email.length));
  for (const a of accounts)
    console.log(`  ${a.role.padEnd(roleWidth)}  ${a.email.padEnd(emailWidth)}  ${a.scope}`);
  const selection = accounts.filter((a) => a.selection);
  if (selection.length) {
    console.log('\nDemo seleksi (KIPP-SELEKSI, pendaftaran sudah ditutup / submission closed):');
    for (const a of selection) console.log(`  ${a.email.padEnd(emailWidth)}  ${a.selection}`);
    console.log(
      config.clockControl
        ? '  Jam demo / demo clock: admin@demo.sinovik.id → /admin/jam-demo (uji publik dan penutupannya / the public review and its closing)'
        : '  Uji publik dibuka beberapa minggu lagi; untuk mencobanya sekarang jalankan dengan SINOVIK_CLOCK_CONTROL=1 (Jam demo) / the public review opens in weeks: start with SINOVIK_CLOCK_CONTROL=1 to move the clock',
    );
  }
  const panel = accounts.filter((a) => a.panel);
  if (panel.length) {
    console.log(
      '\nDemo panel (KIPP-PANEL, daftar finalis final sudah ditetapkan / final finalist list fixed):',
    );
    for (const a of panel) console.log(`  ${a.email.padEnd(emailWidth)}  ${a.panel}`);
    console.log(
      '  Presentasi terbuka sekarang; verifikasi lapangan, sidang dan pengumuman menyusul (Jam demo) / the presentation is open now; the field visits, final session and announcement follow (demo clock)',
    );
    console.log(
      "  Penilaian publik (kebermanfaatan finalis) terbuka sekarang di halaman publik KIPP Demo Panel, kode lewat e-mail (data/mail) / public rating open now on KIPP Demo Panel's public page, code by e-mail (data/mail)",
    );
  }
  console.log('');
}

async function serve(config: Config, db: Db, storage: BlobStore, withWorker: boolean) {
  const clock = new AdjustableClock();
  const app = await buildApp({ config, db, clock, storage, worker: withWorker && config.inProcessWorker });
  // Once: Ctrl-C reaches every process of the group, and the primary passes a SIGTERM on too.
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  if (!forkedRole()) console.log(running(config));
}

const running = (config: Config) =>
  `Sinovik berjalan di / is running at ${config.baseUrl} (API docs: ${config.baseUrl}/api/docs)`;

/**
 * One process (WEB_PROCESSES=1: the web app with its in-process worker), or this process as the primary of
 * several (platform/processes.ts): the database is migrated here once, before any process is forked.
 */
async function serveAll(config: Config, db: Db, storage: BlobStore) {
  if (config.webProcesses <= 1) return serve(config, db, storage, true);
  await storage.close();
  await db.destroy();
  const jobWorker = config.inProcessWorker;
  console.log(
    `${running(config)}\n${config.webProcesses} proses web / web processes` +
      (jobWorker
        ? ' + 1 proses pekerja (surel, tugas terjadwal) / job worker process (mail, timed events)'
        : '; SINOVIK_WORKER=none: jalankan / run `sinovik worker` (one or more, any machine) for mail and timed events'),
  );
  const code = await superviseProcesses({
    web: config.webProcesses,
    jobWorker,
    log: { info: console.log, error: console.error },
  });
  process.exit(code);
}

/** Delivers mail and runs timed events until stopped (`sinovik worker`, or the job worker process of serve). */
async function runJobWorker(config: Config, db: Db, storage: BlobStore) {
  const transport = createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir });
  const log = { info: console.log, error: console.error };
  const clock = new AdjustableClock();
  const recurringDeps = {
    storage,
    baseUrl: config.baseUrl,
    galleryStatusPrompt: config.galleryStatusPrompt,
  };
  const worker = startWorker({
    db,
    clock,
    transport,
    mailFrom: config.mailFrom,
    dataDir: config.dataDir,
    log,
    jobHandlers: backgroundJobHandlers(recurringDeps),
  });
  await ensureRecurringJobs(db, clock, recurringDeps);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    await storage.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!forkedRole()) console.log('worker running; Ctrl-C to stop');
  setInterval(() => undefined, 1 << 30);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const config = loadConfigOrExit();
      await buildWebIfMissing();
      const storage = await openStorageOrExit(config);
      const db = await openDb(config);
      const fresh = !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
      if (fresh) {
        console.log('empty database: loading reference data and the demo competition...');
        await seedReferenceData(db);
        const accounts = await seedDemo(db, new AdjustableClock(), {
          dataDir: config.dataDir,
          storage,
          baseUrl: config.baseUrl,
        });
        await printDemo(config, db, accounts);
      } else {
        const accounts = await seedDemo.accounts(db);
        if (accounts.length) await printDemo(config, db, accounts);
      }
      await serveAll(config, db, storage);
      return;
    }
    case 'serve': {
      const config = loadConfigOrExit();
      const role = forkedRole();
      // The primary checked the bucket when it started. A process it forks (again) does not: one restarted
      // while the object store is down must come up and answer (uploads 503 until the store is back), not
      // exit and wait behind the restart delay.
      const storage = role ? createStorage(config) : await openStorageOrExit(config);
      if (role === 'worker') return runJobWorker(config, await openDb(config, false), storage);
      if (role === 'web') return serve(config, await openDb(config, false), storage, false);
      await serveAll(config, await openDb(config), storage);
      return;
    }
    case 'worker': {
      const config = loadConfigOrExit();
      await runJobWorker(config, await openDb(config), await openStorageOrExit(config));
      return;
    }
    case 'migrate': {
      const config = loadConfigOrExit();
      const db = await openDb(config);
      console.log('database is up to date');
      await db.destroy();
      return;
    }
    case 'seed': {
      const config = loadConfigOrExit();
      const db = await openDb(config);
      await seedReferenceData(db);
      if (rest.includes('--demo')) {
        const storage = await openStorageOrExit(config);
        await printDemo(
          config,
          db,
          await seedDemo(db, new AdjustableClock(), {
            dataDir: config.dataDir,
            storage,
            baseUrl: config.baseUrl,
          }),
        );
        await storage.close();
      }
      await db.destroy();
      return;
    }
    case 'create-user': {
      const config = loadConfigOrExit();
      const db = await openDb(config);
      const code = await createUserFromCli(db, rest);
      await db.destroy();
      process.exit(code);
      return;
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        console.log(HELP);
        process.exit(1);
      }
      const config = loadConfigOrExit();
      const db = await openDb(config);
      const result = await verifyAudit(db, { dataDir: config.dataDir });
      await db.destroy();
      if (result.ok) console.log(`audit log OK: ${result.checked} events, checkpoints match`);
      else {
        console.error(`audit log NOT OK (${result.checked} events checked):`);
        for (const p of result.problems) console.error(`  - ${p}`);
      }
      if (result.unlinked > 0)
        console.log(
          `${result.unlinked} newest events not linked yet (the worker links them within seconds; if the number stays, no worker is running)`,
        );
      process.exit(result.ok ? 0 : 1);
      return;
    }
    case 'backup':
      process.exit(await backupCommand(loadConfigOrExit(), rest));
      return;
    case 'restore':
      process.exit(await restoreCommand(loadConfigOrExit(), rest));
      return;
    default:
      console.log(HELP);
      process.exit(command && command !== 'help' && command !== '--help' ? 1 : 0);
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
