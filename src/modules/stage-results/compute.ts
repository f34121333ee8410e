import { t, type Text } from '../../domain/errors.js';
import { compareBases } from '../../domain/scoring/basis-diff.js';
import { normalizeStage, type SubmittedEvaluation } from '../../domain/scoring/normalize.js';
import type { ReviewSettings } from '../../domain/review-settings.js';
import type { ResultRow } from '../../contracts/stage-results.js';
import type { PoolProposal } from '../assignments/queries.js';

/*
 * A stage's results from its submitted evaluations (domain/scoring): each proposal's raw and normalized
 * score by the stage's rules, which one counts, whether it reaches the pass mark, and whether the basis
 * changes that. Pure over rows, so the page and the decision compute the same thing.
 */

export interface ComputedResults {
  rows: Omit<ResultRow, 'outcome'>[];
  counts: {
    proposals: number;
    scored: number;
    waiting: number;
    pendingThird: number;
    passing: number;
    basisChanges: number;
  };
  note: Text;
  /** Proposals waiting for their third evaluator (the gap rule). */
  pendingThird: number[];
}

export function computeResults(
  pool: readonly PoolProposal[],
  evaluations: readonly SubmittedEvaluation[],
  rules: ReviewSettings,
): ComputedResults {
  const inPool = new Set(pool.map((p) => p.id));
  const stage = normalizeStage(
    evaluations.filter((e) => inPool.has(e.proposalId)),
    rules,
  );
  const byId = new Map(stage.proposals.map((p) => [p.proposalId, p]));
  const basis = compareBases(
    pool.map((p) => {
      const s = byId.get(p.id);
      return { proposalId: p.id, raw: s?.raw.score ?? null, normalized: s?.normalized.score ?? null };
    }),
    { passMark: rules.passMark },
  );
  const basisRow = new Map(basis.rows.map((r) => [r.proposalId, r]));
  const counts = {
    proposals: pool.length,
    scored: 0,
    waiting: 0,
    pendingThird: 0,
    passing: 0,
    basisChanges: 0,
  };
  const pendingThird: number[] = [];
  const rows = pool.map((p) => {
    const s = byId.get(p.id);
    const status = s?.raw.status ?? 'waiting';
    const b = basisRow.get(p.id)!;
    const side = rules.basis === 'raw' ? b.raw : b.normalized;
    if (status === 'scored') counts.scored++;
    else if (status === 'pending_third') {
      counts.pendingThird++;
      pendingThird.push(p.id);
    } else counts.waiting++;
    if (side.passes) counts.passing++;
    const changes = b.changes.includes('pass');
    if (changes) counts.basisChanges++;
    return {
      proposal: { id: p.id, code: p.code, title: p.title, institution: p.institutionName, group: p.groupKey },
      status,
      submitted: s?.evaluations.length ?? 0,
      raw: s?.raw.score ?? null,
      normalized: s?.normalized.score ?? null,
      score: side.score,
      rank: side.rank,
      passes: side.passes,
      basisChanges: changes,
      explanation: s
        ? rules.basis === 'raw'
          ? s.raw.explanation
          : s.normalized.explanation
        : t('Belum ada penilaian yang dikirim.', 'No evaluation submitted yet.'),
    };
  });
  return { rows, counts, note: stage.note, pendingThird };
}
