import { t } from '../errors.js';
import { explainAll } from './explain.js';
import { precheck, quotaProblem } from './feasibility.js';
import { lpText, type ModelSpec } from './lp.js';
import { modelled, prepare, type Cand, type Prepared } from './prepare.js';
import type { FinalistsInput, FinalistsResult, InfeasibleQuota, QuotaOutcome } from './types.js';

/*
 * The finalists with proportional quotas (issue 12 point 7), exactly optimal.
 *
 * Objective: among the selections that take only candidates at or above the pass mark, at most N per group,
 * and meet every quota's minimum and maximum, the one with the highest total score (scores compared in
 * hundredths, as shown); among those with that total, the one with the greatest Σ (n − position) over its
 * members, position being the place in the order score, then id, of all n candidates: at an equal total a
 * higher-ranked member is preferred, and a place is filled rather than left empty. A flow cannot carry it (category, participant
 * type, province and 3T are overlapping partitions; three or more of them make the problem NP-hard in
 * general), so it is a small 0/1 program solved to proven optimality by HiGHS (WebAssembly, synchronous).
 *
 * Fast paths, both exact: when the plain top N already meets every quota it is the unique optimum and no
 * solver runs; only the candidates the optimum can need are modelled (prepare.ts `modelled`).
 */

type Highs = { solve: (lp: string, options?: Record<string, unknown>) => Solution };
interface Solution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal?: number }>;
}

let loading: Promise<Highs> | null = null;
/** HiGHS, loaded once per process (the WebAssembly module compiles in ~100 ms). */
export function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then(async (mod) => {
    const factory = (mod as unknown as { default: () => Promise<Highs> }).default;
    return factory();
  });
  return loading;
}

/*
 * Exact: no relative gap, an absolute gap below 1 (the objectives are integers). Presolve off: on these
 * models (cardinality rows over a few thousand binaries, nearly integral relaxations) HiGHS's presolve took
 * 3–8 × the time of the whole solve without it (the bench instance: 85–390 ms off, 320–2,500 ms on).
 */
const OPTIONS = { mip_rel_gap: 0, mip_abs_gap: 0.5, output_flag: false, presolve: 'off', time_limit: 60 };

class SolverFailure extends Error {}

function solve(
  highs: Highs,
  spec: ModelSpec,
): { status: 'optimal' | 'infeasible'; x: boolean[]; value: number } {
  const r = highs.solve(lpText(spec), OPTIONS);
  if (r.Status === 'Infeasible') return { status: 'infeasible', x: [], value: 0 };
  if (r.Status !== 'Optimal') throw new SolverFailure(`finalists solver: ${r.Status}`);
  return {
    status: 'optimal',
    x: spec.m.map((_, j) => (r.Columns[`x${j}`]?.Primal ?? 0) > 0.5),
    value: r.ObjectiveValue,
  };
}

function meetsQuotas(p: Prepared, input: FinalistsInput, chosen: ReadonlySet<number>): boolean {
  return input.quotas.every((q, qi) => {
    const n = p.members[qi]!.filter((o) => chosen.has(p.cands[o]!.id)).length;
    return n >= (q.min ?? 0) && (q.max === null || q.max === undefined || n <= q.max);
  });
}

function diagnose(highs: Highs, p: Prepared, m: Cand[], input: FinalistsInput): InfeasibleQuota[] {
  const found: InfeasibleQuota[] = [];
  input.quotas.forEach((q, qi) => {
    if (!(q.min ?? 0)) return;
    const r = solve(highs, {
      m,
      p,
      quotas: input.quotas,
      minsOf: new Set([qi]),
      objective: { kind: 'none' },
    });
    if (r.status === 'infeasible') found.push(quotaProblem(p, q, qi, 'min_against_limits'));
  });
  if (found.length) return found;
  return input.quotas.flatMap((q, qi) =>
    (q.min ?? 0) > 0 || (q.max !== null && q.max !== undefined)
      ? [quotaProblem(p, q, qi, 'combination')]
      : [],
  );
}

export async function selectFinalists(input: FinalistsInput): Promise<FinalistsResult> {
  const started = performance.now();
  const p = prepare(input);
  const m = modelled(p, input.quotas);
  const stats = {
    candidates: p.cands.length,
    eligible: p.cands.filter((c) => c.eligible).length,
    modelled: m.length,
    method: 'plain' as 'plain' | 'mip',
    solves: 0,
    ms: 0,
  };
  const plainTop = p.cands.filter((c) => p.plainTop.has(c.id)).map((c) => c.id);
  const refuse = (problems: InfeasibleQuota[]): FinalistsResult => ({
    feasible: false,
    selected: [],
    plainTop,
    problems,
    text: t(
      `Kuota finalis tidak dapat dipenuhi; tidak ada yang dipilih. ${problems.map((x) => x.text.id).join(' ')}`,
      `The finalist quotas cannot be met; nothing is selected. ${problems.map((x) => x.text.en).join(' ')}`,
    ),
    stats: { ...stats, ms: performance.now() - started },
  });
  const early = precheck(p, input.quotas);
  if (early.length) return refuse(early);

  let chosen: Set<number> = p.plainTop;
  if (!meetsQuotas(p, input, p.plainTop)) {
    stats.method = 'mip';
    const highs = await loadHighs();
    const first = solve(highs, { m, p, quotas: input.quotas, objective: { kind: 'points' } });
    stats.solves++;
    if (first.status === 'infeasible') {
      const problems = diagnose(highs, p, m, input);
      stats.solves += problems.length;
      return refuse(problems);
    }
    const best = Math.round(first.value);
    const second = solve(highs, {
      m,
      p,
      quotas: input.quotas,
      objective: { kind: 'tiebreak', atLeast: best },
    });
    stats.solves++;
    if (second.status !== 'optimal') throw new SolverFailure('finalists solver: tie-break phase infeasible');
    chosen = new Set(m.filter((_, j) => second.x[j]).map((c) => c.id));
  }
  const selected = p.cands.filter((c) => chosen.has(c.id)).map((c) => c.id);
  const quotas: QuotaOutcome[] = input.quotas.map((q, qi) => ({
    key: q.key,
    label: p.labels[qi]!,
    min: q.min ?? null,
    max: q.max ?? null,
    available: p.members[qi]!.length,
    plainCount: p.members[qi]!.filter((o) => p.plainTop.has(p.cands[o]!.id)).length,
    selectedCount: p.members[qi]!.filter((o) => chosen.has(p.cands[o]!.id)).length,
  }));
  const unfilled: Record<string, number> = {};
  for (const g of p.groups) {
    const n = p.places(g) - p.cands.filter((c) => c.group === g && chosen.has(c.id)).length;
    if (n > 0) unfilled[g] = n;
  }
  const totalPoints = p.cands.reduce((s, c) => s + (chosen.has(c.id) ? c.points : 0), 0);
  return {
    feasible: true,
    selected,
    plainTop,
    addedByQuotas: selected.filter((id) => !p.plainTop.has(id)),
    removedByQuotas: plainTop.filter((id) => !chosen.has(id)),
    totalScore: totalPoints / 100,
    explanations: explainAll(p, input.quotas, chosen, input.passMark),
    quotas,
    unfilled,
    stats: { ...stats, ms: performance.now() - started },
  };
}
