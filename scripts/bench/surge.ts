import { autosaveBody, newDraft, pdfFile, type AutosaveBody, type Draft } from './content.js';
import { Client, json, multipart, Recorder, sleep, type Answer } from './http.js';
import { BENCH_PASSWORD, type Seeded, type SeededUpp } from './seed.js';

/*
 * The deadline-day surge. Every UPP virtual user logs in (spread over the ramp-up), then writes its share of
 * its institution's proposals one after another, each in an equal slot of the remaining time: create the
 * draft, autosave the full body every `autosaveEveryS` seconds while the text grows to 1–3 KB, upload one
 * signed PDF of `uploadBytes`, send. The admin lokal of the institution is told of each send (as the
 * in-app notice would), and after a few seconds' reading opens the list of proposals waiting for it,
 * opens each one and forwards it. Each virtual user keeps its own keep-alive connection.
 *
 * The generator keeps what the server acknowledged (ids, versions, the last autosave body, attachment ids
 * and hashes) so that afterwards nothing the server said it stored can be missing.
 */

export interface TrackedProposal {
  id: number;
  code: string;
  upp: SeededUpp;
  version: number;
  autosaves: number;
  lastBody: AutosaveBody | null;
  uploads: { id: number; sha256: string; size: number }[];
  sent: boolean;
  forwarded: boolean;
  /** Uploads answered 503 storage_unavailable (tried again only with `storageRetry`). */
  refusedUploads: number;
  /**
   * Its last write got no answer (the connection was cut: a web process killed): the server may or may not
   * have made it, so what was acknowledged before is not necessarily its state.
   */
  unanswered: boolean;
}

export interface SurgeOptions {
  port: number;
  seeded: Seeded;
  durationS: number;
  autosaveEveryS: number;
  uploadBytes: number;
  /** Attachment route present on this server (else uploads are skipped and reported so). */
  uploads: boolean;
  rampS: number;
  log: (line: string) => void;
  /** Where every request is recorded (default: a new Recorder). */
  rec?: Recorder;
  /**
   * An upload answered 503 `storage_unavailable` is sent again after its Retry-After (at most `maxWaitS`),
   * as the UPP's page does, until it is stored or the surge's time is up. Without it the upload is not retried.
   */
  storageRetry?: { maxWaitS: number };
}

export interface SurgeResult {
  rec: Recorder;
  proposals: TrackedProposal[];
  wallS: number;
  expected: { proposals: number; sent: number };
  /** Proposals the generator had to give up on (time bound reached or a step refused). */
  unfinished: number;
  /**
   * Autosaves per 10 s of the run: how many, their p99, and how many requests of every other kind were
   * answered in the same 10 s (what the server was doing when autosaves were slow).
   */
  autosaveTimeline: { second: number; count: number; p99: number; others: Record<string, number> }[];
  /** When the surge started (epoch ms), and every autosave: when it was sent (ms after that) and its latency. */
  startedAt: number;
  autosaves: { at: number; ms: number }[];
}

const MIN_GAP_MS = 250;

/** A 503 `storage_unavailable`: the object store is down, the upload was refused and nothing kept. */
function storageUnavailable(a: Answer): boolean {
  if (a.status !== 503) return false;
  try {
    return json<{ error?: { code?: string } }>(a).error?.code === 'storage_unavailable';
  } catch {
    return false;
  }
}

export async function runSurge(o: SurgeOptions): Promise<SurgeResult> {
  const rec = o.rec ?? new Recorder();
  const proposals: TrackedProposal[] = [];
  const started = Date.now();
  const endAt = started + o.durationS * 1000;
  // Admins need a little time to forward the last sends; the generator stops everything at hardStop.
  const tailMs = Math.min(15_000, o.durationS * 1000 * 0.05);
  const hardStop = endAt + Math.max(60_000, o.durationS * 200);
  const stopped = () => Date.now() > hardStop;
  const autosaveAt: { at: number; ms: number }[] = [];
  let unfinished = 0;
  const upload = o.uploads ? pdfFile : null;

  // Per institution: the queue of sent proposals its admin lokal has been told of.
  const inbox = new Map<
    number,
    { pending: TrackedProposal[]; wake: (() => void) | null; remaining: number }
  >();
  for (const u of o.seeded.upps) {
    const box = inbox.get(u.institutionId) ?? { pending: [], wake: null, remaining: 0 };
    box.remaining += u.proposals;
    inbox.set(u.institutionId, box);
  }
  const tell = (p: TrackedProposal) => {
    const box = inbox.get(p.upp.institutionId)!;
    box.pending.push(p);
    box.wake?.();
  };
  const gaveUp = (institutionId: number, n: number) => {
    const box = inbox.get(institutionId)!;
    box.remaining -= n;
    box.wake?.();
  };

  const login = async (c: Client, email: string) => {
    const a = await c.request('POST', '/api/auth/login', { email, password: BENCH_PASSWORD });
    rec.add('login', a);
    return a.status === 200;
  };

  const uppUser = async (u: SeededUpp, index: number) => {
    const c = new Client(o.port);
    try {
      await sleep((index / o.seeded.upps.length) * o.rampS * 1000);
      if (!(await login(c, u.email))) {
        unfinished += u.proposals;
        gaveUp(u.institutionId, u.proposals);
        return;
      }
      // Slots of unequal length (±30%), and each user's last send somewhere in the final 10% of the run
      // rather than all at the same second, so that users do not create and send in lockstep.
      const workStart = Date.now();
      const finish = endAt - tailMs - Math.random() * o.durationS * 100;
      const window = Math.max(1000 * u.proposals, finish - workStart);
      const weights = Array.from({ length: u.proposals }, () => 0.7 + 0.6 * Math.random());
      const sum = weights.reduce((a, b) => a + b, 0);
      let slotEnd = workStart;
      for (let j = 0; j < u.proposals; j++) {
        slotEnd += (window * weights[j]) / sum;
        const ok = stopped() ? false : await writeOne(c, u, j, slotEnd);
        if (!ok) {
          unfinished++;
          gaveUp(u.institutionId, 1);
        }
      }
    } finally {
      c.close();
    }
  };

  const writeOne = async (c: Client, u: SeededUpp, j: number, slotEnd: number): Promise<boolean> => {
    const title = `Inovasi ${u.userId}-${j + 1} Layanan Jemput Bola Adminduk`;
    const created = await c.request('POST', `/api/competitions/${o.seeded.competitionId}/proposals`, {
      groupKey: o.seeded.groupKey,
      title,
    });
    rec.add('create', created, created.status === 201);
    if (created.status !== 201) return false;
    const detail = json<{ id: number; code: string; version: number }>(created);
    const p: TrackedProposal = {
      id: detail.id,
      code: detail.code,
      upp: u,
      version: detail.version,
      autosaves: 0,
      lastBody: null,
      uploads: [],
      sent: false,
      forwarded: false,
      refusedUploads: 0,
      unanswered: false,
    };
    proposals.push(p);
    const draft: Draft = newDraft(p.id, o.seeded.sectionKeys, title);
    const every = o.autosaveEveryS * 1000;
    const createdAt = Date.now();
    // Room at the end of the slot for the upload and the send.
    const saves = Math.max(1, Math.floor((slotEnd - createdAt - 1500) / every));
    for (let a = 1; a <= saves; a++) {
      if (stopped()) return false;
      await sleep(createdAt + a * every - Date.now());
      const body = autosaveBody(draft, a / saves, p.version, p.id * 1000 + a, {
        categoryKey: o.seeded.categoryKey,
        contactEmail: `narahubung.${p.id}@bench.sinovik.local`,
        complete: a === saves,
      });
      const t = Date.now();
      const res = await c.request('PATCH', `/api/proposals/${p.id}`, body);
      rec.add('autosave', res);
      autosaveAt.push({ at: t - started, ms: res.ms });
      p.unanswered = res.status === 0 || (p.unanswered && res.status !== 200);
      if (res.status === 200) {
        p.version = json<{ version: number }>(res).version;
        p.autosaves++;
        p.lastBody = body;
      } else if (res.status === 409) {
        // A generator bug if it ever happens; take the server's version so the rest can go on.
        const fresh = await c.request('GET', `/api/proposals/${p.id}`);
        if (fresh.status === 200) p.version = json<{ version: number }>(fresh).version;
      }
    }
    if (!p.lastBody) return false;
    if (upload) {
      await sleep(MIN_GAP_MS);
      const file = upload(o.uploadBytes);
      const form = multipart(
        { kind: 'evidence' },
        { field: 'file', name: `surat-pernyataan-${p.code}.pdf`, type: 'application/pdf', data: file.data },
      );
      for (;;) {
        const res = await c.request('POST', `/api/proposals/${p.id}/attachments`, form.body, {
          'content-type': form.contentType,
        });
        const ok = res.status === 201 && json<{ sha256: string }>(res).sha256 === file.sha256;
        rec.add('upload', res, ok);
        if (res.status === 0) p.unanswered = true;
        if (ok)
          p.uploads.push({ id: json<{ id: number }>(res).id, sha256: file.sha256, size: file.data.length });
        if (ok || !o.storageRetry || !storageUnavailable(res)) break;
        p.refusedUploads++;
        const waitS = Math.min(Number(res.headers['retry-after']) || 60, o.storageRetry.maxWaitS);
        if (Date.now() + waitS * 1000 > hardStop) break;
        await sleep(waitS * 1000);
      }
    }
    await sleep(MIN_GAP_MS);
    const sent = await c.request('POST', `/api/proposals/${p.id}/send`);
    rec.add('send', sent);
    if (sent.status === 0) p.unanswered = true;
    if (sent.status !== 200) return false;
    p.unanswered = false;
    p.sent = true;
    p.version = json<{ version: number }>(sent).version;
    tell(p);
    return true;
  };

  const adminUser = async (institutionId: number) => {
    const admin = o.seeded.admins.find((a) => a.institutionId === institutionId)!;
    const box = inbox.get(institutionId)!;
    const c = new Client(o.port);
    let loggedIn = false;
    try {
      while (box.remaining > 0 && !stopped()) {
        if (!box.pending.length) {
          await new Promise<void>((resolve) => {
            box.wake = resolve;
            setTimeout(resolve, 5000);
          });
          box.wake = null;
          continue;
        }
        // Reading the notice before opening the list.
        await sleep(1000 + Math.random() * 4000);
        if (!loggedIn) {
          loggedIn = await login(c, admin.email);
          if (!loggedIn) {
            unfinished += box.pending.length;
            return;
          }
        }
        // What the admin was told of before opening the list: a send told while the list is on its way
        // (a slow list under load) waits for the next round, as it would for a person.
        const told = box.pending.splice(0);
        const list: Answer = await c.request(
          'GET',
          `/api/proposals?competitionId=${o.seeded.competitionId}&state=sent_to_local_admin`,
        );
        rec.add('list', list);
        if (list.status !== 200) {
          box.pending.unshift(...told);
          continue;
        }
        const waiting = new Set(json<{ items: { id: number }[] }>(list).items.map((i) => i.id));
        for (const p of told) {
          if (!waiting.has(p.id)) {
            rec.miss('list', `${p.code} was sent but is not in the admin lokal's list`);
            box.remaining--;
            unfinished++;
            continue;
          }
          const view = await c.request('GET', `/api/proposals/${p.id}`);
          rec.add('view', view);
          await sleep(MIN_GAP_MS);
          const fwd = await c.request('POST', `/api/proposals/${p.id}/forward`);
          rec.add('forward', fwd);
          box.remaining--;
          if (fwd.status === 200) {
            p.forwarded = true;
            p.version = json<{ version: number }>(fwd).version;
          } else {
            if (fwd.status === 0) p.unanswered = true;
            unfinished++;
          }
        }
      }
    } finally {
      c.close();
    }
  };

  const progress = setInterval(() => {
    const s = Math.round((Date.now() - started) / 1000);
    const sent = proposals.filter((p) => p.sent).length;
    const fwd = proposals.filter((p) => p.forwarded).length;
    o.log(
      `  surge ${s}s: ${rec.requests} requests, ${rec.errors} errors, ${proposals.length} created, ${sent} sent, ${fwd} forwarded`,
    );
  }, 15_000);
  try {
    await Promise.all([
      ...o.seeded.upps.map((u, i) => uppUser(u, i)),
      ...[...inbox.keys()].map((id) => adminUser(id)),
    ]);
  } finally {
    clearInterval(progress);
  }

  // Autosave latency per 10 s of the run, to see where a p99 was lost.
  const buckets = new Map<number, number[]>();
  for (const s of autosaveAt) {
    const b = Math.floor(s.at / 10_000) * 10;
    if (!buckets.has(b)) buckets.set(b, []);
    buckets.get(b)!.push(s.ms);
  }
  const others = new Map<number, Record<string, number>>();
  for (const [name, times] of rec.answeredAt) {
    if (name === 'autosave') continue;
    for (const at of times) {
      if (at < started) continue;
      const b = Math.floor((at - started) / 10_000) * 10;
      const counts = others.get(b) ?? {};
      counts[name] = (counts[name] ?? 0) + 1;
      others.set(b, counts);
    }
  }
  const autosaveTimeline = [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([second, ms]) => {
      const sorted = ms.sort((a, b) => a - b);
      return {
        second,
        count: ms.length,
        p99: Math.round(sorted[Math.ceil(sorted.length * 0.99) - 1]),
        others: others.get(second) ?? {},
      };
    });

  const total = o.seeded.upps.reduce((s, u) => s + u.proposals, 0);
  return {
    rec,
    proposals,
    wallS: (Date.now() - started) / 1000,
    expected: { proposals: total, sent: total },
    unfinished,
    autosaveTimeline,
    startedAt: started,
    autosaves: autosaveAt,
  };
}
