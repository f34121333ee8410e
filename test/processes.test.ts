import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../src/config.js';
import { restartDelayMs } from '../src/platform/processes.js';
import { enqueueMail } from '../src/platform/mail/outbox.js';
import { RATING_ADDRESS_SWEEP_KIND } from '../src/modules/public-ratings/sweep.js';
import { Client, json, multipart } from '../scripts/bench/http.js';
import { pdfFile } from '../scripts/bench/content.js';
import { startS3, type S3Server } from './helpers/s3.js';
import { seedBench, BENCH_PASSWORD, type Seeded } from '../scripts/bench/seed.js';
import type { Server } from '../scripts/bench/server.js';
import { VERIFY_RATE_LIMIT } from '../src/modules/certificates/public-routes.js';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { startSmtpCapture } from './helpers/smtp.js';
import {
  answered,
  answeringPid,
  answeringPids,
  scrapeEach,
  waitForProcesses,
  childrenOf,
  processEnv,
  runMain,
  spawnMain,
  startServe,
} from './helpers/processes.js';

/*
 * Several app processes (issue 15 point 2) with REAL processes: `node --import tsx src/main.ts serve` with
 * WEB_PROCESSES=2 on PostgreSQL, and two `sinovik worker` processes on one database (in the PostgreSQL run).
 * On SQLite (one writer, the embedded mode is one process) the same command is refused with a clear message,
 * tested in every run.
 */

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-procs-'));

describe('restart backoff of the primary', () => {
  it('starts a process again at once after its first death, then waits longer while it keeps dying young', () => {
    expect([1, 2, 3, 4, 5, 20].map(restartDelayMs)).toEqual([0, 250, 500, 1000, 2000, 30_000]);
  });
});

describe('WEB_PROCESSES in the configuration', () => {
  const PG = 'postgres://sinovik@127.0.0.1:5432/sinovik';
  it('refuses several web processes on SQLite (the embedded mode is one process), naming PostgreSQL', () => {
    const dataDir = tmp();
    const attempt = (v: string) => () => loadConfig({ DATA_DIR: dataDir, WEB_PROCESSES: v });
    expect(attempt('2')).toThrow(ConfigError);
    expect(attempt('2')).toThrow(/WEB_PROCESSES: 2 needs PostgreSQL/);
    if (os.availableParallelism() > 1) expect(attempt('auto')).toThrow(/needs PostgreSQL/);
    expect(loadConfig({ DATA_DIR: dataDir, WEB_PROCESSES: '1' }).webProcesses).toBe(1);
    expect(loadConfig({ DATA_DIR: dataDir }).webProcesses).toBe(1);
    expect(() => loadConfig({ DATA_DIR: dataDir, WEB_PROCESSES: '0' })).toThrow(/WEB_PROCESSES: must be/);
    expect(() => loadConfig({ DATA_DIR: dataDir, WEB_PROCESSES: 'many' })).toThrow(/WEB_PROCESSES: must be/);
  });

  it('on PostgreSQL: a number, or auto = one per core; never with the demo clock', () => {
    const dataDir = tmp();
    const config = (env: Record<string, string>) =>
      loadConfig({ DATA_DIR: dataDir, DATABASE_URL: PG, ...env });
    expect(config({ WEB_PROCESSES: '3' }).webProcesses).toBe(3);
    expect(config({ WEB_PROCESSES: 'auto' }).webProcesses).toBe(os.availableParallelism());
    expect(() => config({ WEB_PROCESSES: '2', SINOVIK_CLOCK_CONTROL: '1' })).toThrow(
      /SINOVIK_CLOCK_CONTROL: the demo clock is moved in one process only/,
    );
  });

  it('`sinovik serve` with WEB_PROCESSES=2 on SQLite exits with code 2, says why, and touches no database', async () => {
    const dataDir = tmp();
    const r = await runMain(
      ['serve'],
      processEnv(`sqlite:${path.join(dataDir, 'db.sqlite')}`, dataDir, { PORT: '0', WEB_PROCESSES: '2' }),
    );
    expect(r.code).toBe(2);
    expect(r.output).toContain('WEB_PROCESSES: 2 needs PostgreSQL');
    expect(fs.existsSync(path.join(dataDir, 'db.sqlite'))).toBe(false);
  }, 60_000);
});

if (TEST_DIALECT === 'postgres') {
  describe('WEB_PROCESSES=2 on PostgreSQL: real processes', () => {
    let testDb: TestDb;
    let dataDir: string;
    let server: Server;
    let seeded: Seeded;

    beforeAll(async () => {
      testDb = await createTestDb();
      dataDir = tmp();
      seeded = await seedBench(testDb.db, { institutions: 20, users: 20, perInstitution: 10, maxFileMb: 1 });
      server = await startServe(testDb.url, dataDir, { WEB_PROCESSES: '2' });
      await waitForProcesses(server.port, 2);
    }, 180_000);
    afterAll(async () => {
      await server?.stop();
      await testDb?.drop();
    }, 60_000);

    it('forks two web processes and one job worker; a session works on both: 40 requests all 200, both pids answer', async () => {
      expect(childrenOf(server.pid)).toHaveLength(3);
      const pids = await answeringPids(server.port, 8);
      expect(pids.size).toBe(2);
      expect(pids.has(server.pid)).toBe(false);
      const c = new Client(server.port);
      const login = await c.request('POST', '/api/auth/login', {
        email: seeded.upps[0].email,
        password: BENCH_PASSWORD,
      });
      expect(login.status).toBe(200);
      const statuses: number[] = [];
      const emails = new Set<string>();
      for (let i = 0; i < 40; i++) {
        // A new connection each time: the primary hands connections round robin to the two processes.
        const a = await c.request('GET', '/api/auth/me', undefined, { connection: 'close' });
        statuses.push(a.status);
        if (a.status === 200) emails.add(json<{ user: { email: string } }>(a).user.email);
      }
      c.close();
      expect(statuses).toEqual(Array(40).fill(200));
      expect([...emails]).toEqual([seeded.upps[0].email]);
      // Each process answered some of them, signed in (what each counted, from its own /metrics).
      const each = [...(await scrapeEach(server.port, 2)).values()].map((t) =>
        answered(t, 'GET', '/api/auth/me', '2xx'),
      );
      expect(each).toHaveLength(2);
      expect(each.every((n) => n > 0)).toBe(true);
      expect(each[0] + each[1]).toBe(40);
    }, 60_000);

    it('a route limit holds across both processes: the N+1th verification is 429 whichever process answers', async () => {
      const c = new Client(server.port);
      const verify = () =>
        c.request('GET', '/api/public/certificates/PIAGAM-KIPP-2026-0001?k=0', undefined, {
          connection: 'close',
        });
      const statuses: number[] = [];
      for (let i = 0; i < VERIFY_RATE_LIMIT; i++) statuses.push((await verify()).status);
      expect(statuses).toEqual(Array(VERIFY_RATE_LIMIT).fill(200));
      // The next ones land on both processes (round robin): all refused.
      const over: Awaited<ReturnType<typeof verify>>[] = [];
      for (let i = 0; i < 6; i++) over.push(await verify());
      c.close();
      expect(over.map((a) => a.status)).toEqual(Array(6).fill(429));
      expect(Number(over[0].headers['retry-after'])).toBeGreaterThan(0);
      // Both processes counted allowed ones and refused some: the count is one, shared.
      const texts = [...(await scrapeEach(server.port, 2)).values()];
      const route = '/api/public/certificates/:slug';
      const ok = texts.map((t) => answered(t, 'GET', route, '2xx'));
      const refused = texts.map((t) => answered(t, 'GET', route, '4xx'));
      expect(ok.every((n) => n > 0) && refused.every((n) => n > 0)).toBe(true);
      expect([ok[0] + ok[1], refused[0] + refused[1]]).toEqual([VERIFY_RATE_LIMIT, 6]);
    }, 60_000);

    it('kill -9 of one web process during 200 concurrent autosaves: no acknowledged save lost, the other answers, the primary starts another', async () => {
      const before = await answeringPids(server.port, 6);
      expect(before.size).toBe(2);
      // 200 drafts: each of the 20 UPPs makes 10.
      const drafts: { cookie: string; id: number; version: number; title: string | null }[] = [];
      for (const upp of seeded.upps) {
        const c = new Client(server.port);
        expect(
          (await c.request('POST', '/api/auth/login', { email: upp.email, password: BENCH_PASSWORD })).status,
        ).toBe(200);
        for (let i = 0; i < 10; i++) {
          const r = await c.request('POST', `/api/competitions/${seeded.competitionId}/proposals`, {
            groupKey: seeded.groupKey,
            title: `Inovasi ${upp.userId}-${i}`,
          });
          expect(r.status).toBe(201);
          const d = json<{ id: number; version: number }>(r);
          drafts.push({ cookie: c.cookie!, id: d.id, version: d.version, title: null });
        }
        c.close();
      }
      expect(drafts).toHaveLength(200);

      const victim = [...before][0];
      let acknowledged = 0;
      let failed = 0;
      let okAfterKill = 0;
      let killedAt = 0;
      const SAVES = 3;
      // Each draft: SAVES acknowledged autosaves one after the other, on its own connection; all 200 at once.
      const chain = async (d: (typeof drafts)[number]) => {
        const c = new Client(server.port, { timeoutMs: 60_000 });
        c.cookie = d.cookie;
        for (let n = 1, tries = 0; n <= SAVES && tries < 40; tries++) {
          const title = `Judul ${d.id} simpanan ${n} percobaan ${tries}`;
          const r = await c.request('PATCH', `/api/proposals/${d.id}`, { version: d.version, title });
          if (r.status === 200) {
            d.version = json<{ version: number }>(r).version;
            d.title = title;
            acknowledged++;
            if (killedAt) okAfterKill++;
            if (acknowledged === 150 && !killedAt) {
              killedAt = Date.now();
              process.kill(victim, 'SIGKILL');
            }
            n++;
          } else {
            failed++;
            // Cut by the kill (no answer), or the save went through before the cut: read the version.
            const fresh = await c.request('GET', `/api/proposals/${d.id}`);
            if (fresh.status === 200) d.version = json<{ version: number }>(fresh).version;
          }
        }
        c.close();
      };
      await Promise.all(drafts.map(chain));
      expect(killedAt).toBeGreaterThan(0);
      expect(acknowledged).toBe(200 * SAVES);
      // The kill cut saves in flight (no answer), and the other process went on acknowledging.
      expect(failed).toBeGreaterThan(0);
      expect(okAfterKill).toBeGreaterThan(0);

      // Every acknowledged save is the stored one: the last acknowledged title and version of each draft.
      const rows = await testDb.db
        .selectFrom('proposals')
        .select(['id', 'title', 'version'])
        .where(
          'id',
          'in',
          drafts.map((d) => d.id),
        )
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const wrong = drafts.filter(
        (d) => byId.get(d.id)?.title !== d.title || byId.get(d.id)?.version !== d.version,
      );
      expect(wrong).toEqual([]);

      // The primary started another web process: two pids answer again, the victim is not one of them.
      let after = new Set<number>();
      for (let i = 0; i < 50 && (after.size < 2 || after.has(victim)); i++) {
        after = await answeringPids(server.port, 6);
        if (after.size < 2) await new Promise((r) => setTimeout(r, 200));
      }
      expect(after.size).toBe(2);
      expect(after.has(victim)).toBe(false);
      expect(childrenOf(server.pid)).toHaveLength(3);
      expect(fs.readFileSync(server.log, 'utf8')).toMatch(
        new RegExp(`web process \\d \\(pid ${victim}\\) exited \\(SIGKILL\\)`),
      );
      expect(await answeringPid(server.port)).toBeGreaterThan(0);
    }, 300_000);

    it('SIGTERM to the primary stops every process and the primary exits 0', async () => {
      const children = childrenOf(server.pid);
      expect(children).toHaveLength(3);
      await server.stop();
      expect(server.child.exitCode).toBe(0);
      expect(childrenOf(server.pid)).toEqual([]);
      const alive = children.filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
      expect(alive).toEqual([]);
    }, 60_000);

    it('a port already taken: the web processes cannot listen, the primary stops them and exits 1 (no restart loop)', async () => {
      const taken = net.createServer();
      await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
      const port = (taken.address() as net.AddressInfo).port;
      try {
        const r = await runMain(
          ['serve'],
          processEnv(testDb.url, tmp(), { PORT: String(port), WEB_PROCESSES: '2' }),
        );
        expect(r.code).toBe(1);
        expect(r.output).toContain('EADDRINUSE');
        expect(r.output).toMatch(
          /web process \d \(pid \d+\) exited \(code 1\) before any web process listened; stopping/,
        );
        expect(r.output).not.toContain('starting it again');
      } finally {
        taken.close();
      }
    }, 120_000);
  });

  describe('WEB_PROCESSES=2 on PostgreSQL with S3 storage: a web process dies while the object store is down', () => {
    let testDb: TestDb;
    let dataDir: string;
    let server: Server;
    let seeded: Seeded;
    let s3: S3Server;

    beforeAll(async () => {
      testDb = await createTestDb();
      dataDir = tmp();
      seeded = await seedBench(testDb.db, { institutions: 2, users: 2, perInstitution: 2, maxFileMb: 1 });
      s3 = await startS3();
      server = await startServe(testDb.url, dataDir, { WEB_PROCESSES: '2', ...s3.env });
      await waitForProcesses(server.port, 2);
    }, 180_000);
    afterAll(async () => {
      await server?.stop();
      await s3?.close({ removeFiles: true });
      await testDb?.drop();
    }, 60_000);

    it('the primary starts another at once, which answers (uploads 503 with Retry-After) until the store is back', async () => {
      const upp = seeded.upps[0]!;
      const c = new Client(server.port);
      expect(
        (await c.request('POST', '/api/auth/login', { email: upp.email, password: BENCH_PASSWORD })).status,
      ).toBe(200);
      const created = await c.request('POST', `/api/competitions/${seeded.competitionId}/proposals`, {
        groupKey: seeded.groupKey,
        title: 'Inovasi Saat Penyimpanan Mati',
      });
      expect(created.status).toBe(201);
      const proposalId = json<{ id: number }>(created).id;
      const file = pdfFile(20_000);
      const upload = () => {
        const form = multipart(
          { kind: 'evidence' },
          { field: 'file', name: 'surat.pdf', type: 'application/pdf', data: file.data },
        );
        return c.request('POST', `/api/proposals/${proposalId}/attachments`, form.body, {
          'content-type': form.contentType,
        });
      };

      const before = await answeringPids(server.port, 6);
      expect(before.size).toBe(2);
      const { port, directory, bucket } = s3;
      await s3.close();
      const victim = [...before][0]!;
      process.kill(victim, 'SIGKILL');
      // A first death is restarted at once; the new process must not need the store to start.
      let after = new Set<number>();
      for (let i = 0; i < 50 && (after.size < 2 || after.has(victim)); i++) {
        // A probe the kill cuts (no answer) is asked again.
        after = await answeringPids(server.port, 6).catch(() => new Set<number>());
        if (after.size < 2 || after.has(victim)) await new Promise((r) => setTimeout(r, 200));
      }
      expect(after.size).toBe(2);
      expect(after.has(victim)).toBe(false);

      // Whichever process answers, an upload is refused with the store's 503 and its retry time.
      for (let i = 0; i < 4; i++) {
        const refused = await upload();
        expect([refused.status, refused.headers['retry-after']]).toEqual([503, '60']);
        expect(json<{ error: { code: string } }>(refused).error.code).toBe('storage_unavailable');
      }

      s3 = await startS3({ directory, port, bucket });
      const stored = await upload();
      expect(stored.status).toBe(201);
      expect(json<{ sha256: string }>(stored).sha256).toBe(file.sha256);
      c.close();
    }, 300_000);
  });

  describe('two `sinovik worker` processes on one PostgreSQL database', () => {
    let testDb: TestDb;

    beforeAll(async () => {
      testDb = await createTestDb();
    }, 60_000);
    afterAll(async () => testDb?.drop(), 60_000);

    it('each due job and each outbox row is handled once', async () => {
      const dataDir = tmp();
      const now = new Date();
      const MAILS = 120;
      const JOBS = 40;
      for (let i = 0; i < MAILS; i++)
        await testDb.db.transaction().execute((tx) =>
          enqueueMail(tx, {
            to: `penerima${i}@uji.go.id`,
            template: 'password_reset',
            locale: 'id',
            vars: {
              name: `Penerima ${i}`,
              link: 'https://sinovik.test/reset',
              expires: '12 Mei 2026 16.00 WIB',
            },
            now,
          }),
        );
      await testDb.db
        .insertInto('jobs')
        .values(
          Array.from({ length: JOBS }, (_, i) => ({
            kind: RATING_ADDRESS_SWEEP_KIND,
            unique_key: `procs-test:${i}`,
            run_at: new Date(now.getTime() - 60_000).toISOString(),
            payload: '{}',
            status: 'pending' as const,
            attempts: 0,
            locked_until: null,
            last_error: null,
            created_at: now.toISOString(),
            finished_at: null,
          })),
        )
        .execute();

      const smtp = await startSmtpCapture();
      const env = processEnv(testDb.url, dataDir, { SMTP_URL: smtp.url });
      const workers = [0, 1].map((i) => spawnMain(['worker'], env, path.join(dataDir, `worker-${i}.log`)));
      try {
        const deadline = Date.now() + 120_000;
        for (;;) {
          const pendingMail = await testDb.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '!=', 'sent')
            .executeTakeFirstOrThrow();
          const pendingJobs = await testDb.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('unique_key', 'like', 'procs-test:%')
            .where('status', '!=', 'done')
            .executeTakeFirstOrThrow();
          if (Number(pendingMail.n) === 0 && Number(pendingJobs.n) === 0) break;
          if (Date.now() > deadline) throw new Error('the workers did not finish in 120 s');
          await new Promise((r) => setTimeout(r, 250));
        }
      } finally {
        for (const w of workers) w.kill('SIGTERM');
        await Promise.all(
          workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))),
        );
      }
      await smtp.close();
      const mails = await testDb.db.selectFrom('outbox').select(['attempts', 'status']).execute();
      expect(mails).toHaveLength(MAILS);
      expect(mails.every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
      // The relay received each message once: one per recipient, none twice.
      const recipients = smtp.messages.flatMap((m) => m.to).sort();
      expect(recipients).toEqual(Array.from({ length: MAILS }, (_, i) => `penerima${i}@uji.go.id`).sort());
      const jobs = await testDb.db
        .selectFrom('jobs')
        .select(['attempts', 'status'])
        .where('unique_key', 'like', 'procs-test:%')
        .execute();
      expect(jobs).toHaveLength(JOBS);
      expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
      // Both workers were running the whole time (neither died).
      expect(workers.map((w) => w.signalCode ?? w.exitCode)).toEqual([0, 0]);
    }, 180_000);
  });
}
