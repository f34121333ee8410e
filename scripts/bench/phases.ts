import { pdfFile } from './content.js';
import { Client, json, multipart, Recorder, sleep } from './http.js';
import { BENCH_PASSWORD, type Seeded, type SeededUpp } from './seed.js';
import { memoryOf, resetPeakRss } from './stats.js';
import type { Db } from '../../src/db/connect.js';
import type { ProposalStateValue } from '../../src/db/schema.js';

/** Logs a UPP in and starts one draft (setup for the upload and saturation phases; not measured). */
export async function startDraft(
  port: number,
  seeded: Seeded,
  upp: SeededUpp,
  title: string,
  rec: Recorder,
): Promise<{ cookie: string; id: number; version: number } | null> {
  const c = new Client(port);
  try {
    const login = await c.request('POST', '/api/auth/login', { email: upp.email, password: BENCH_PASSWORD });
    rec.add('setup login', login);
    if (login.status !== 200 || !c.cookie) return null;
    const created = await c.request('POST', `/api/competitions/${seeded.competitionId}/proposals`, {
      groupKey: seeded.groupKey,
      title,
    });
    rec.add('setup create', created, created.status === 201);
    if (created.status !== 201) return null;
    const d = json<{ id: number; version: number }>(created);
    return { cookie: c.cookie, id: d.id, version: d.version };
  } finally {
    c.close();
  }
}

export interface BigUploadResult {
  uploads: number;
  bytesEach: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  wallS: number;
  rssBeforeMb: number | null;
  peakRssMb: number | null;
  /** How the peak was read: VmHWM after a reset, or polling VmRSS every 10 ms. */
  peakFrom: string;
  latency: number[];
  acknowledged: { proposalId: number; id: number; sha256: string; size: number }[];
  failures: { status: number; detail: string }[];
}

/**
 * Peak RSS of the server while `n` UPPs upload a `bytes`-sized PDF each, all at once, each on its own
 * connection. The files are made before the clock starts so the generator does no work during the phase.
 */
export async function bigUploads(opts: {
  port: number;
  pid: number;
  drafts: { cookie: string; id: number }[];
  bytes: number;
}): Promise<BigUploadResult> {
  const files = opts.drafts.map(() => pdfFile(opts.bytes));
  const forms = files.map((f, i) =>
    multipart(
      { kind: 'evidence' },
      { field: 'file', name: `bukti-${opts.drafts[i].id}.pdf`, type: 'application/pdf', data: f.data },
    ),
  );
  const clients = opts.drafts.map((d) => {
    const c = new Client(opts.port, { timeoutMs: 120_000 });
    c.cookie = d.cookie;
    return c;
  });
  // Open every connection first, so the phase measures uploads rather than TCP handshakes.
  await Promise.all(clients.map((c) => c.request('GET', '/api/health')));
  await sleep(500);
  const before = memoryOf(opts.pid);
  const reset = resetPeakRss(opts.pid);
  let polledMax = before?.rssMb ?? 0;
  const poll = setInterval(() => {
    const m = memoryOf(opts.pid);
    if (m && m.rssMb > polledMax) polledMax = m.rssMb;
  }, 10);
  const started = performance.now();
  const answers = await Promise.all(
    clients.map((c, i) =>
      c.request('POST', `/api/proposals/${opts.drafts[i].id}/attachments`, forms[i].body, {
        'content-type': forms[i].contentType,
      }),
    ),
  );
  const wallS = (performance.now() - started) / 1000;
  await sleep(200);
  clearInterval(poll);
  const after = memoryOf(opts.pid);
  for (const c of clients) c.close();
  const statuses: Record<string, number> = {};
  const acknowledged: BigUploadResult['acknowledged'] = [];
  const failures: BigUploadResult['failures'] = [];
  answers.forEach((a, i) => {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const ok = a.status === 201 && json<{ sha256: string }>(a).sha256 === files[i].sha256;
    if (ok)
      acknowledged.push({
        proposalId: opts.drafts[i].id,
        id: json<{ id: number }>(a).id,
        sha256: files[i].sha256,
        size: files[i].data.length,
      });
    else if (failures.length < 5)
      failures.push({ status: a.status, detail: a.error ?? a.body.toString('utf8', 0, 300) });
  });
  const peak = Math.max(polledMax, reset && after ? after.hwmMb : 0);
  return {
    uploads: answers.length,
    bytesEach: opts.bytes,
    ok: acknowledged.length,
    errors: answers.length - acknowledged.length,
    statuses,
    wallS,
    rssBeforeMb: before?.rssMb ?? null,
    peakRssMb: peak || null,
    peakFrom: reset
      ? 'VmHWM reset before the phase, and VmRSS polled every 10 ms'
      : 'VmRSS polled every 10 ms',
    latency: answers.map((a) => a.ms),
    acknowledged,
    failures,
  };
}

export interface ClosingResult {
  forwardedBefore: number;
  expectedReceipts: number;
  receipts: number;
  received: number;
  frozen: number;
  /** From the clock move until the outbox held every receipt (null: not within the time bound). */
  seconds: number | null;
  clockStatus: number;
  jobStatus: string | null;
}

/**
 * Closing: the system administrator moves the server clock a minute past the submission's closing; the
 * worker's closing job must then receive every forwarded proposal and queue one receipt per proposal to
 * each admin lokal of its institution. Timed from the clock request until the outbox (read from the
 * database) holds them all.
 */
export async function closing(opts: {
  port: number;
  seeded: Seeded;
  db: Db;
  timeoutS: number;
}): Promise<ClosingResult> {
  const { db } = opts;
  const kipp = opts.seeded.competitionId;
  const n = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
  const inState = async (state: ProposalStateValue) =>
    n(
      await db
        .selectFrom('proposals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('competition_id', '=', kipp)
        .where('state', '=', state)
        .executeTakeFirst(),
    );
  const receiptCount = async () =>
    n(
      await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('template', '=', 'proposal_receipt')
        .executeTakeFirst(),
    );
  const forwardedBefore = await inState('forwarded');
  // One receipt per received proposal to each admin lokal of its institution.
  const expectedReceipts = n(
    await db
      .selectFrom('proposals as p')
      .innerJoin('role_grants as g', (j) =>
        j.onRef('g.institution_id', '=', 'p.institution_id').on('g.role', '=', 'local_admin'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.competition_id', '=', kipp)
      .where('p.state', '=', 'forwarded')
      .executeTakeFirst(),
  );
  const receiptsBefore = await receiptCount();
  const admin = new Client(opts.port);
  const login = await admin.request('POST', '/api/auth/login', {
    email: opts.seeded.systemAdmin,
    password: BENCH_PASSWORD,
  });
  if (login.status !== 200) throw new Error(`system admin login failed: ${login.status}`);
  const to = new Date(Date.parse(opts.seeded.closesAt) + 60_000).toISOString();
  const started = performance.now();
  const moved = await admin.request('POST', '/api/system/clock', { set: to });
  admin.close();
  let seconds: number | null = null;
  let receipts = 0;
  const deadline = started + opts.timeoutS * 1000;
  while (performance.now() < deadline) {
    receipts = (await receiptCount()) - receiptsBefore;
    if (receipts >= expectedReceipts) {
      seconds = (performance.now() - started) / 1000;
      break;
    }
    await sleep(20);
  }
  await sleep(500);
  const job = await db
    .selectFrom('jobs')
    .select('status')
    .where('unique_key', '=', `closing:${kipp}`)
    .executeTakeFirst();
  return {
    forwardedBefore,
    expectedReceipts,
    receipts,
    received: await inState('received'),
    frozen: await inState('frozen'),
    seconds,
    clockStatus: moved.status,
    jobStatus: job?.status ?? null,
  };
}
