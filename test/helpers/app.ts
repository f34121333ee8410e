import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { connect, type Db } from '../../src/db/connect.js';
import { AdjustableClock } from '../../src/platform/clock.js';
import { createMailTransport } from '../../src/platform/mail/delivery.js';
import { runWorkerOnce } from '../../src/platform/worker.js';
import { startSmtpCapture } from './smtp.js';
import { createTestDb, type TestDb } from './db.js';
import { sharedS3Bucket } from './s3.js';
import { SCALED_MODE, startScaled, withProxyTrusted, type ScaledApps } from './scaled.js';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  testDb: TestDb;
  clock: AdjustableClock;
  config: Config;
  dataDir: string;
  /** Delivers every due outbox row now (tests drive the worker by hand). */
  deliverMail: () => Promise<{ sent: number; failed: number }>;
  /** In the scaled mode (scaled.ts): both instances, the proxy, `injectVia`; undefined otherwise. */
  scaled?: ScaledApps;
  close: () => Promise<void>;
}

/**
 * A real app on a real database of its own; mail goes to SMTP_URL when given, else to .eml files. Scaled
 * (SINOVIK_TEST_SCALED=1, or `scaled: true`): two instances behind a proxy, see scaled.ts.
 */
export async function createTestApp(
  opts: {
    smtpUrl?: string;
    env?: Record<string, string>;
    worker?: boolean;
    webRoot?: string;
    scaled?: boolean;
  } = {},
): Promise<TestContext> {
  const scaledMode = opts.scaled ?? SCALED_MODE;
  const testDb = await createTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-data-'));
  // SINOVIK_TEST_STORAGE=s3: files in a bucket of this app's own on the test file's s3rver (test/helpers/s3.ts),
  // unless the test chose its storage itself.
  const s3 = process.env.SINOVIK_TEST_STORAGE === 's3' && !opts.env?.STORAGE ? await sharedS3Bucket() : null;
  const config = loadConfig({
    ...s3?.env,
    DATA_DIR: dataDir,
    DATABASE_URL: testDb.dialect === 'postgres' ? testDb.url : `sqlite:${testDb.url}`,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...opts.env,
    ...(scaledMode ? { TRUSTED_PROXIES: withProxyTrusted(opts.env?.TRUSTED_PROXIES) } : {}),
  });
  const clock = new AdjustableClock();
  const transport = createMailTransport({ smtpUrl: config.smtpUrl, dataDir });
  const instance = async (db: Db, mail: typeof transport) => {
    const built = await buildApp({
      config,
      db,
      clock,
      transport: mail,
      logger: false,
      worker: opts.worker ?? false,
      ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
    });
    await built.ready();
    return built;
  };
  const a = await instance(testDb.db, transport);
  let scaled: ScaledApps | undefined;
  let closeB = async () => {};
  if (scaledMode) {
    // Instance B on a connection of its own, as a second process has. Not on SQLite: two connections
    // in one thread would wait on each other's locks (better-sqlite3 waits synchronously), so there
    // the instances share the one connection.
    const dbB = testDb.dialect === 'postgres' ? connect(testDb.url, 'postgres') : testDb.db;
    const transportB = createMailTransport({ smtpUrl: config.smtpUrl, dataDir });
    const b = await instance(dbB, transportB);
    scaled = await startScaled([a, b]);
    closeB = async () => {
      await scaled!.close();
      await b.close();
      transportB.close();
      if (dbB !== testDb.db) await dbB.destroy();
    };
  }
  const app = scaled?.app ?? a;
  return {
    app,
    scaled,
    db: testDb.db,
    testDb,
    clock,
    config,
    dataDir,
    deliverMail: () =>
      runWorkerOnce({
        db: testDb.db,
        clock,
        transport,
        mailFrom: config.mailFrom,
        dataDir,
        log: { info() {}, error() {} },
      }),
    close: async () => {
      await closeB();
      await a.close();
      transport.close();
      await testDb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await s3?.release();
    },
  };
}

/** The session cookie from a login response, ready for a `cookie` header. */
export function cookieOf(res: LightMyRequestResponse): string {
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [set] : [];
  const sid = list.find((c) => c.startsWith('sinovik_sid='));
  if (!sid) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return sid.split(';')[0];
}

/**
 * For a describe block: a test app whose mail goes to a real SMTP capture, started before its tests and
 * closed after them. Read `.ctx` and `.smtp` inside the tests.
 */
export function appWithSmtpCapture() {
  const suite = {} as { ctx: TestContext; smtp: Awaited<ReturnType<typeof startSmtpCapture>> };
  beforeAll(async () => {
    suite.smtp = await startSmtpCapture();
    suite.ctx = await createTestApp({ smtpUrl: suite.smtp.url });
  });
  afterAll(async () => {
    await suite.ctx?.close();
    await suite.smtp?.close();
  });
  return suite;
}
