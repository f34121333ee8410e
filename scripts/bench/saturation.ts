import { autosaveBody, newDraft, type AutosaveBody } from './content.js';
import { Client, json, sleep } from './http.js';
import { summarize, type LatencySummary } from './stats.js';

/*
 * Saturation: a closed loop of `c` workers, each owning one draft and autosaving it back to back with the
 * full body (the version kept right), for `stepS` seconds per step, c rising step by step. The sustained
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
}

export interface Target {
  port: number;
  /** One cookie (or none) and one draft id per worker, at least max(levels) of them. */
  workers: { cookie: string | null; proposalId: number; version: number; lastBody?: AutosaveBody }[];
}

export async function ramp(
  target: Target,
  opts: {
    levels: number[];
    stepS: number;
    warmupS: number;
    p99GoalMs: number;
    sectionKeys: string[];
    categoryKey: string;
    log: (line: string) => void;
    label: string;
  },
): Promise<{ steps: Step[]; sustained: Step | null }> {
  const steps: Step[] = [];
  let failedInARow = 0;
  for (const c of opts.levels) {
    if (c > target.workers.length) break;
    const step = await runStep(target, c, opts);
    steps.push(step);
    opts.log(
      `  ${opts.label} c=${String(c).padStart(3)}: ${step.rps.toFixed(0).padStart(6)} req/s, p50 ${step.latency.p50} ms, p99 ${step.latency.p99} ms, ${step.errors} errors${step.ok ? '' : '  (over goal)'}`,
    );
    failedInARow = step.ok ? 0 : failedInARow + 1;
    // Two steps in a row over the goal: the server is past saturation.
    if (failedInARow >= 2) break;
  }
  const okSteps = steps.filter((s) => s.ok);
  const sustained = okSteps.length ? okSteps.reduce((a, b) => (b.rps > a.rps ? b : a)) : null;
  return { steps, sustained };
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
    try {
      while (Date.now() < end) {
        const n = ++counter;
        // A full ~1–3 KB body; the draft is complete after a few saves and then only its version moves.
        const body = autosaveBody(draft, Math.min(1, (n % 50) / 10 + 0.1), w.version, n, {
          categoryKey: opts.categoryKey,
          contactEmail: `saturasi.${w.proposalId}@bench.sinovik.local`,
          complete: false,
        });
        const t = Date.now();
        const a = await c.request('PATCH', `/api/proposals/${w.proposalId}`, body);
        const measured = t >= measureFrom && Date.now() <= end;
        if (a.status === 200) {
          w.version = json<{ version: number }>(a).version;
          w.lastBody = body;
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
  await Promise.all(target.workers.slice(0, concurrency).map(worker));
  const latency = summarize(latencies);
  const rps = latencies.length / opts.stepS;
  return {
    concurrency,
    requests: latencies.length,
    errors,
    rps,
    latency,
    ok: errors === 0 && latency.p99 !== null && latency.p99 < opts.p99GoalMs,
  };
}
