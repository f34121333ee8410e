import { autosaveBody, newDraft, type AutosaveBody } from './content.js';
import { Client, json, sleep } from './http.js';
import os from 'node:os';
import { cpuSecondsOf, machineCpu, summarize, type LatencySummary } from './stats.js';

/*
 * Saturation: a closed loop of `c` workers, each owning one draft and autosaving it back to back with the
 * full body (the version kept right, one section changed each time), for `stepS` seconds per step, c rising
 * step by step. The sustained
 * rate is the best throughput of a step with p99 under the latency goal and no error. The same generator
 * drives the bare baseline, whose route answers the same PATCH.
 */

export interface Step {
  concurrency: number;
  requests: number;
  errors: number;
  rps: number;
  latency: LatencySummary;
  ok: boolean;
  /** Server CPU per measured request, in ms: what one autosave costs, whatever else the machine runs. */
  serverCpuMsPerRequest: number | null;
  /** Cores busy with processes outside the benchmark during the step (the machine is shared). */
  otherCores: number;
}

export interface Target {
  name: string;
  /**
   * What each worker sends: the autosave PATCH (default), or `GET /api/auth/me` — a signed-in read that
   * resolves the session and nothing else, the floor under any authenticated request (a reference).
   */
  request?: 'autosave' | 'me';
  port: number;
  pid: number;
  /** The processes whose CPU is the server's (several web processes); default [pid]. */
  pids?: () => number[];
  /** One cookie (or none) and one draft id per worker, at least max(levels) of them. */
  workers: { cookie: string | null; proposalId: number; version: number; lastBody?: AutosaveBody }[];
}

export interface RampResult {
  steps: Step[];
  sustained: Step | null;
}

/**
 * Ramps every target through the same concurrency levels, interleaved (level 1 on each target, then level
 * 2 on each, ...) so that they see the same background load of a shared machine. A target leaves the ramp
 * after two steps in a row over the goal (past saturation).
 */
export async function ramp(
  targets: Target[],
  opts: {
    levels: number[];
    stepS: number;
    warmupS: number;
    p99GoalMs: number;
    sectionKeys: string[];
    categoryKey: string;
    log: (line: string) => void;
  },
): Promise<Record<string, RampResult>> {
  const out: Record<string, RampResult> = {};
  const overInARow = new Map<string, number>();
  for (const t of targets) out[t.name] = { steps: [], sustained: null };
  for (const c of opts.levels) {
    for (const t of targets) {
      if ((overInARow.get(t.name) ?? 0) >= 2 || c > t.workers.length) continue;
      const step = await runStep(t, c, opts);
      out[t.name].steps.push(step);
      opts.log(
        `  ${t.name.padEnd(8)} c=${String(c).padStart(3)}: ${step.rps.toFixed(0).padStart(6)} req/s, p50 ${step.latency.p50} ms, p99 ${step.latency.p99} ms, ${step.errors} errors, server ${step.serverCpuMsPerRequest?.toFixed(3) ?? '-'} CPU-ms/req, other load ${step.otherCores.toFixed(2)} cores${step.ok ? '' : '  (over goal)'}`,
      );
      overInARow.set(t.name, step.ok ? 0 : (overInARow.get(t.name) ?? 0) + 1);
    }
  }
  for (const r of Object.values(out)) {
    const okSteps = r.steps.filter((s) => s.ok);
    r.sustained = okSteps.length ? okSteps.reduce((a, b) => (b.rps > a.rps ? b : a)) : null;
  }
  return out;
}

async function runStep(
  target: Target,
  concurrency: number,
  opts: { stepS: number; warmupS: number; p99GoalMs: number; sectionKeys: string[]; categoryKey: string },
): Promise<Step> {
  const start = Date.now();
  const measureFrom = start + opts.warmupS * 1000;
  const end = measureFrom + opts.stepS * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const worker = async (w: Target['workers'][number]) => {
    const c = new Client(target.port);
    c.cookie = w.cookie;
    const draft = newDraft(w.proposalId, opts.sectionKeys, `Inovasi Saturasi ${w.proposalId}`);
    const typed = new Map<string, string>();
    try {
      while (Date.now() < end) {
        const n = ++counter;
        // A full ~1–3 KB body, as the editor sends it. The draft reaches its size after a few saves; from
        // then on each save still changes one section, the one being typed in (its last words), as a real
        // autosave does: the editor saves only after a change.
        const body = autosaveBody(draft, Math.min(1, (n % 50) / 10 + 0.1), w.version, n, {
          categoryKey: opts.categoryKey,
          contactEmail: `saturasi.${w.proposalId}@bench.sinovik.local`,
          complete: false,
        });
        typed.set(opts.sectionKeys[n % opts.sectionKeys.length], ` Catatan revisi ke-${n}.`);
        for (const a of body.answers) a.text += typed.get(a.sectionKey) ?? '';
        const t = Date.now();
        const a =
          target.request === 'me'
            ? await c.request('GET', '/api/auth/me')
            : await c.request('PATCH', `/api/proposals/${w.proposalId}`, body);
        const measured = t >= measureFrom && Date.now() <= end;
        if (a.status === 200) {
          if (target.request !== 'me') {
            w.version = json<{ version: number }>(a).version;
            w.lastBody = body;
          }
          if (measured) latencies.push(a.ms);
        } else {
          if (measured) {
            errors++;
            latencies.push(a.ms);
          }
          if (a.status === 0) await sleep(50);
          else if (a.status === 409) {
            const fresh = await c.request('GET', `/api/proposals/${w.proposalId}`);
            if (fresh.status === 200) w.version = json<{ version: number }>(fresh).version;
          }
        }
      }
    } finally {
      c.close();
    }
  };
  // CPU from the end of the warm-up to the end of the step: the server's, this generator's, the machine's.
  let from: { m: ReturnType<typeof machineCpu>; s: number; g: NodeJS.CpuUsage; t: number } | null = null;
  const serverCpu = () =>
    (target.pids?.() ?? [target.pid]).reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
  const mark = setTimeout(() => {
    from = { m: machineCpu(), s: serverCpu(), g: process.cpuUsage(), t: performance.now() };
  }, opts.warmupS * 1000);
  await Promise.all(target.workers.slice(0, concurrency).map(worker));
  clearTimeout(mark);
  const f = from as { m: ReturnType<typeof machineCpu>; s: number; g: NodeJS.CpuUsage; t: number } | null;
  let used: { machine: number; server: number; generator: number; wall: number } | null = null;
  if (f) {
    const m1 = machineCpu();
    const g1 = process.cpuUsage(f.g);
    const wall = (performance.now() - f.t) / 1000;
    const hz = (m1.total - f.m.total) / wall / os.cpus().length;
    used = {
      machine: (m1.busy - f.m.busy) / hz,
      server: serverCpu() - f.s,
      generator: (g1.user + g1.system) / 1e6,
      wall,
    };
  }
  const latency = summarize(latencies);
  const rps = latencies.length / opts.stepS;
  return {
    concurrency,
    requests: latencies.length,
    errors,
    rps,
    latency,
    ok: errors === 0 && latency.p99 !== null && latency.p99 < opts.p99GoalMs,
    serverCpuMsPerRequest: used && latencies.length ? (used.server * 1000) / latencies.length : null,
    otherCores: used ? Math.max(0, used.machine - used.server - used.generator) / used.wall : 0,
  };
}
