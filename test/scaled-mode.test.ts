import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { submissionJobHandlers } from '../src/modules/deadlines/jobs.js';
import { verifyAudit } from '../src/platform/audit-verify.js';
import { runWorkerOnce } from '../src/platform/worker.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import {
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
  TEST_PASSWORD,
} from './helpers/fixtures.js';
import { receivedProposals } from './helpers/selection.js';
import { startSmtpCapture } from './helpers/smtp.js';
import type { WorkerProcessArgs } from './helpers/worker-process.js';

/*
 * What the scaled mode is for (scaled.ts), in every mode of the suite: the app on several processes over
 * one database. The quota's last slot raced through two app instances (each on a connection of its own
 * on PostgreSQL) behind the round-robin proxy; the closing raced by two workers, one of them a real
 * second OS process with its own connection: every receipt is mailed exactly once.
 */

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const AFTER_CLOSING = new Date('2026-05-02T17:00:00.000Z');
const UMUM_SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];

describe('scaled mode: two app instances behind a proxy', () => {
  let ctx: TestContext;
  const cookie: Record<string, string> = {};
  let competitionId: number;
  let institutionId: number;

  beforeAll(async () => {
    ctx = await createTestApp({ scaled: true });
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Skala', now: NOW });
    competitionId = kipp.competitionId;
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Skala' });
    institutionId = inst.id;
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const admin = await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id });
    cookie.upp = await sessionCookie(ctx, upp.id);
    cookie.admin = await sessionCookie(ctx, admin.id);
  });
  afterAll(async () => ctx.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });

  const sentProposal = async (title: string): Promise<ProposalDetail> => {
    const draft = await call('upp', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(draft.statusCode).toBe(201);
    const p = draft.json() as ProposalDetail;
    await uploadRequiredEvidence(ctx.app, cookie.upp, p.id);
    const saved = await call('upp', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'SKALA',
      categoryKey: 'tata_kelola_pemerintahan',
      implementationStart: '2022-01-10',
      innovatorKind: 'team',
      innovatorNames: 'Tim Skala',
      contactName: 'Sari Wulandari',
      contactPhone: '081234567890',
      contactEmail: 'sari@skala.go.id',
      links: [],
      declarationAccepted: true,
      answers: UMUM_SECTIONS.map((sectionKey) => ({
        sectionKey,
        text: `Jawaban bagian ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
      })),
    });
    expect(saved.statusCode).toBe(200);
    const sent = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(sent.statusCode).toBe(200);
    return sent.json() as ProposalDetail;
  };

  it('sends consecutive requests to the instances in turn, with the client address forwarded', async () => {
    const user = await makeUser(ctx.db, { role: 'upp', email: 'masuk@skala.go.id' });
    const before = [...ctx.scaled!.proxy.served];
    const answers = await Promise.all(
      ['192.0.2.61', '192.0.2.62'].map((ip) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: TEST_PASSWORD },
          remoteAddress: ip,
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(ctx.scaled!.proxy.served.map((n, i) => n - before[i])).toEqual([1, 1]);
    // Each instance saw the client's address (X-Forwarded-For from its trusted proxy), not the proxy's.
    const ips = await ctx.db
      .selectFrom('audit_events')
      .select('ip')
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(user.id))
      .execute();
    expect(ips.map((r) => r.ip).sort()).toEqual(['192.0.2.61', '192.0.2.62']);
    // Two instances, each on its own connection on PostgreSQL (SQLite: one connection, see app.ts).
    const [a, b] = ctx.scaled!.instances;
    expect(a).not.toBe(b);
    expect(a.deps.db === b.deps.db).toBe(ctx.testDb.dialect === 'sqlite');
  });

  it('gives the last quota slot to exactly one of two forwards sent one to each instance', async () => {
    await ctx.db
      .updateTable('competition_groups')
      .set({ quota_per_institution: 1 })
      .where('competition_id', '=', competitionId)
      .where('key', '=', 'umum')
      .execute();
    const x = await sentProposal('Inovasi Skala X');
    const y = await sentProposal('Inovasi Skala Y');
    const before = [...ctx.scaled!.proxy.served];
    const results = await Promise.all(
      [x, y].map((p, instance) =>
        ctx.scaled!.injectVia(instance, {
          method: 'POST',
          url: `/api/proposals/${p.id}/forward`,
          headers: { cookie: cookie.admin },
        }),
      ),
    );
    expect(ctx.scaled!.proxy.served.map((n, i) => n - before[i])).toEqual([1, 1]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.code).toBe('quota_full');
    expect(refused.json().error.message.en).toContain('(1/1)');
    const forwarded = await ctx.db
      .selectFrom('proposals')
      .select('id')
      .where('institution_id', '=', institutionId)
      .where('state', '=', 'forwarded')
      .execute();
    expect(forwarded).toHaveLength(1);
  });
});

describe('scaled mode: the closing with two workers, one a separate process', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let competitionId: number;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    ctx = await createTestApp({ smtpUrl: smtp.url });
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Dua Pekerja', now: NOW });
    competitionId = kipp.competitionId;
    // Two institutions, forwarded proposals (inserted as the setup), two admins lokal at the first.
    for (const [i, admins] of [2, 1].entries()) {
      const inst = await makeInstitution(ctx.db, { name: `Pemerintah Kota Pekerja ${i + 1}` });
      const unit = await makeUnit(ctx.db, inst.id);
      const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
      for (let k = 0; k < admins; k++)
        await makeUser(ctx.db, {
          role: 'local_admin',
          institutionId: inst.id,
          email: `admin${k + 1}.kota${i + 1}@pekerja.go.id`,
        });
      await receivedProposals(ctx.db, {
        competitionId,
        institutionId: inst.id,
        unitId: unit.id,
        createdBy: upp.id,
        n: 3,
        state: 'forwarded',
        titlePrefix: 'Inovasi Pekerja',
      });
    }
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  /** The worker process, ready (connected) and waiting for the go. */
  const startWorkerProcess = async (passes: number) => {
    const args: WorkerProcessArgs = {
      databaseUrl: ctx.testDb.url,
      dialect: ctx.testDb.dialect,
      auditKey: ctx.config.auditKey,
      now: ctx.clock.now().toISOString(),
      smtpUrl: smtp.url,
      mailFrom: ctx.config.mailFrom,
      dataDir: ctx.dataDir,
      passes,
    };
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/worker-process.ts', JSON.stringify(args)],
      { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = readline.createInterface({ input: child.stdout });
    const next = () =>
      new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
      });
    expect(await next()).toBe('ready');
    return {
      go: async () => {
        const done = next();
        child.stdin.write('go\n');
        return JSON.parse(await done) as { sent: number; failed: number }[];
      },
    };
  };

  it('runs the closing once and mails every receipt exactly once when two workers race', async () => {
    ctx.clock.freeze(AFTER_CLOSING);
    const other = await startWorkerProcess(2);
    // This process's worker: its own passes (jobs, then mail through the same real SMTP server).
    const pass = () =>
      runWorkerOnce({
        db: ctx.db,
        clock: ctx.clock,
        transport: ctx.app.deps.mail.transport,
        mailFrom: ctx.config.mailFrom,
        log: { info() {}, error() {} },
        jobHandlers: submissionJobHandlers,
      });
    const [theirs, ours] = await Promise.all([other.go(), (async () => [await pass(), await pass()])()]);
    // Between them, the two workers sent the nine receipts (and the reminders due before the closing).
    const sent = [...theirs, ...ours].reduce((n, r) => n + r.sent, 0);
    expect([...theirs, ...ours].every((r) => r.failed === 0)).toBe(true);
    expect(theirs).toHaveLength(2);
    // Nothing left for anyone: one more pass here sends nothing.
    expect(await pass()).toEqual({ sent: 0, failed: 0 });

    const job = await ctx.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('unique_key', '=', `closing:${competitionId}`)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'done', attempts: 1 });
    const receipts = await ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'status'])
      .where('template', '=', 'proposal_receipt')
      .orderBy('to_address')
      .orderBy('subject')
      .execute();
    // 3 proposals × 2 admins at the first institution + 3 × 1 at the second.
    expect(receipts).toHaveLength(9);
    expect(receipts.every((r) => r.status === 'sent')).toBe(true);
    const mailed = smtp.messages
      .filter((m) => m.subject.startsWith('Tanda terima proposal'))
      .map((m) => ({ to_address: m.to[0], subject: m.subject }))
      .sort((a, b) => a.to_address.localeCompare(b.to_address) || a.subject.localeCompare(b.subject));
    expect(mailed).toEqual(receipts.map(({ to_address, subject }) => ({ to_address, subject })));
    // Every message sent is one outbox row sent: nothing went out twice.
    expect(smtp.messages).toHaveLength(sent);
    expect(
      await ctx.db.selectFrom('outbox').select('id').where('status', '=', 'sent').execute(),
    ).toHaveLength(sent);
    // Both workers linked the audit chain (the closing's events among them) at the same time, from two
    // processes: every event linked once, and the chain verifies.
    const audit = await verifyAudit(ctx.db);
    expect({ ok: audit.ok, problems: audit.problems, unlinked: audit.unlinked }).toEqual({
      ok: true,
      problems: [],
      unlinked: 0,
    });
    const events = await ctx.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(audit.checked).toBe(Number(events.n));
  });
});
