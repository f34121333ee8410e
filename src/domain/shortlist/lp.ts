import type { Cand, Prepared } from './prepare.js';
import type { Quota } from './types.js';

/*
 * The finalists' model as CPLEX LP text for HiGHS: one binary x_j per modelled candidate (j in the global
 * order), at most N per group, every quota's minimum and maximum, and an objective:
 *  - phase 1 ("points"): maximise Σ points_j x_j, the total score in hundredths;
 *  - phase 2 ("tiebreak"): keep Σ points_j x_j ≥ the phase-1 optimum and maximise Σ (n − order_j) x_j
 *    (order = position in score-then-id order over all n candidates): among the selections with the best
 *    total, a higher-ranked member is preferred to a lower one, and a place is filled rather than left empty.
 * Both objectives are integers, so an absolute gap below 1 proves exact optimality. Built as arrays of terms
 * joined once (30,000 candidates stay a few hundred kilobytes of text); lines hold at most 40 terms.
 */

const TERMS_PER_LINE = 40;

function sum(terms: string[]): string {
  if (!terms.length) return '0 x0';
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE)
    lines.push(terms.slice(i, i + TERMS_PER_LINE).join(' + '));
  return lines.join('\n   + ');
}

export interface ModelSpec {
  m: readonly Cand[];
  p: Prepared;
  quotas: readonly Quota[];
  /** Only these quotas' minimums (feasibility diagnosis); all when absent. */
  minsOf?: ReadonlySet<number>;
  objective: { kind: 'points' } | { kind: 'tiebreak'; atLeast: number } | { kind: 'none' };
}

export function lpText(spec: ModelSpec): string {
  const { m, p, quotas } = spec;
  const out: string[] = [];
  const obj =
    spec.objective.kind === 'points'
      ? m.map((c, j) => `${c.points} x${j}`)
      : spec.objective.kind === 'tiebreak'
        ? m.map((c, j) => `${p.cands.length - c.order} x${j}`)
        : [];
  out.push('Maximize', ` obj: ${obj.length ? sum(obj) : '0 x0'}`, 'Subject To');
  const byGroup = new Map<string, string[]>();
  m.forEach((c, j) => {
    const list = byGroup.get(c.group);
    if (list) list.push(`x${j}`);
    else byGroup.set(c.group, [`x${j}`]);
  });
  let row = 0;
  for (const [g, vars] of byGroup)
    if (vars.length > p.places(g)) out.push(` r${row++}: ${sum(vars)} <= ${p.places(g)}`);
  const pos = new Map(m.map((c, j) => [c.order, j]));
  quotas.forEach((q, qi) => {
    const vars: string[] = [];
    for (const order of p.members[qi]!) {
      const j = pos.get(order);
      if (j !== undefined) vars.push(`x${j}`);
    }
    const min = q.min ?? 0;
    if (min > 0 && (!spec.minsOf || spec.minsOf.has(qi))) {
      if (!vars.length) out.push(` r${row++}: 0 x0 >= ${min}`);
      else out.push(` r${row++}: ${sum(vars)} >= ${min}`);
    }
    if (q.max !== null && q.max !== undefined && vars.length > q.max)
      out.push(` r${row++}: ${sum(vars)} <= ${q.max}`);
  });
  if (spec.objective.kind === 'tiebreak')
    out.push(` r${row++}: ${sum(m.map((c, j) => `${c.points} x${j}`))} >= ${spec.objective.atLeast}`);
  if (!m.length) out.push('Bounds', ' x0 = 0');
  out.push('Binary', m.length ? m.map((_, j) => `x${j}`).join('\n') : 'x0', 'End');
  return out.join('\n');
}
