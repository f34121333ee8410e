/*
 * Where the basis matters (issue 12 point 5): every proposal whose PASS (score ≥ pass mark) or SHORTLIST
 * status differs between its raw and its normalized score, with both scores and both ranks, so the
 * organizer sees what choosing `basis` changes before choosing it. Ranks: score descending, then proposal
 * id ascending (1 = best), among the proposals that have a score.
 */

export interface BasisScores {
  proposalId: number;
  raw: number | null;
  normalized: number | null;
}

export interface BasisSide {
  score: number | null;
  rank: number | null;
  passes: boolean | null;
  shortlisted: boolean | null;
}

export interface BasisRow {
  proposalId: number;
  raw: BasisSide;
  normalized: BasisSide;
  /** What differs: the pass status, the shortlist status, or both; empty when nothing does. */
  changes: ('pass' | 'shortlist')[];
}

/** Picks a shortlist from the scores (e.g. plainTopN, or the finalists' solver's selection). */
export type ShortlistOf = (scores: ReadonlyMap<number, number>) => ReadonlySet<number>;

const byRank = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];

/** The ranks (1-based) of the scored proposals: score descending, id ascending. */
export function ranksOf(scores: ReadonlyMap<number, number>): Map<number, number> {
  return new Map([...scores.entries()].sort(byRank).map(([id], i) => [id, i + 1]));
}

/** The plain top N of each group by score, then id (no quotas). */
export function plainTopN(
  groupOf: ReadonlyMap<number, string>,
  nPerGroup: ReadonlyMap<string, number>,
): ShortlistOf {
  return (scores) => {
    const taken = new Map<string, number>();
    const out = new Set<number>();
    for (const [id] of [...scores.entries()].sort(byRank)) {
      const g = groupOf.get(id) ?? '';
      const n = taken.get(g) ?? 0;
      if (n < (nPerGroup.get(g) ?? 0)) {
        out.add(id);
        taken.set(g, n + 1);
      }
    }
    return out;
  };
}

/** Every proposal with both sides; `changed` holds only those whose pass or shortlist status differs. */
export function compareBases(
  rows: readonly BasisScores[],
  opts: { passMark: number | null; shortlist?: ShortlistOf },
): { rows: BasisRow[]; changed: BasisRow[] } {
  const side = (pick: 'raw' | 'normalized') => {
    const scores = new Map<number, number>();
    for (const r of rows) if (r[pick] !== null) scores.set(r.proposalId, r[pick]);
    return { scores, ranks: ranksOf(scores), short: opts.shortlist?.(scores) ?? null };
  };
  const raw = side('raw');
  const norm = side('normalized');
  const sideOf = (s: ReturnType<typeof side>, id: number): BasisSide => {
    const score = s.scores.get(id) ?? null;
    return {
      score,
      rank: s.ranks.get(id) ?? null,
      passes: score === null || opts.passMark === null ? null : score >= opts.passMark,
      shortlisted: s.short === null || score === null ? null : s.short.has(id),
    };
  };
  const out = rows.map((r): BasisRow => {
    const a = sideOf(raw, r.proposalId);
    const b = sideOf(norm, r.proposalId);
    const changes: BasisRow['changes'] = [];
    if (a.passes !== b.passes) changes.push('pass');
    if (a.shortlisted !== b.shortlisted) changes.push('shortlist');
    return { proposalId: r.proposalId, raw: a, normalized: b, changes };
  });
  return { rows: out, changed: out.filter((r) => r.changes.length) };
}
