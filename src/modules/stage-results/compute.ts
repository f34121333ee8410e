import { t, type Text } from '../../domain/errors.js';
import { compareBases } from '../../domain/scoring/basis-diff.js';
import { normalizeStage, type SubmittedEvaluation } from '../../domain/scoring/normalize.js';
import type { ReviewSettings } from '../../domain/review-settings.js';
import type { ResultRow } from '../../contracts/stage-results.js';
import type { PoolProposal } from '../assignments/queries.js';
import { panelTally, type PanelSeat, type PanelTally } from '../../domain/scoring/panel.js';

/** A whole-panel stage: the seats of each finalist (panelists on it or abstaining) and whether it closed. */
export interface PanelInput {
  seats: ReadonlyMap<number, readonly PanelSeat[]>;
  closed: boolean;
}

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

/**
 * `panel` (a whole-panel stage, the presentation): only the totals of panelists sitting on the finalist
 * count (an abstainer's never, even submitted), and a finalist waits while the stage is open and a sitting
 * panelist has not submitted (domain/scoring/panel.ts); each row says who scored and who abstained.
 */
export function computeResults(
  pool: readonly PoolProposal[],
  evaluations: readonly SubmittedEvaluation[],
  rules: ReviewSettings,
  panel?: PanelInput,
): ComputedResults {
  const inPool = new Set(pool.map((p) => p.id));
  const tallies = new Map<number, PanelTally>();
  if (panel) for (const p of pool) tallies.set(p.id, panelTally(panel.seats.get(p.id) ?? [], panel));
  const counts_ = (e: SubmittedEvaluation) =>
    !panel ||
    (tallies.get(e.proposalId)?.status === 'scored' &&
      tallies.get(e.proposalId)!.scoredBy.includes(e.reviewerId));
  const stage = normalizeStage(
    evaluations.filter((e) => inPool.has(e.proposalId) && counts_(e)),
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
    const tally = tallies.get(p.id);
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
      explanation:
        tally && rules.basis === 'raw'
          ? tally.explanation
          : s
            ? rules.basis === 'raw'
              ? s.raw.explanation
              : s.normalized.explanation
            : t('Belum ada penilaian yang dikirim.', 'No evaluation submitted yet.'),
      panel: tally
        ? {
            sitting: (panel?.seats.get(p.id) ?? []).filter((x) => x.status !== 'abstained').length,
            scored: tally.scoredBy.length,
            abstainers: tally.abstainers,
            pending: tally.pending,
            unsubmitted: tally.unsubmitted,
          }
        : null,
    };
  });
  return { rows, counts, note: stage.note, pendingThird };
}
