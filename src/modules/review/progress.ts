import type { Db } from '../../db/connect.js';
import type { ReviewProgress } from '../../contracts/review.js';
import type { CompetitionRow, StageRow } from '../../db/schema.js';
import { IN_JUDGING_STATES } from '../../domain/proposal-workflow.js';
import { stageSummary } from './stage-view.js';
import { evaluationsOf, stageClosed, statusOf } from './queries.js';

export interface ProgressFilter {
  status?: 'all' | 'unfinished' | 'overdue' | 'submitted';
  reviewerId?: number;
  q?: string;
}

/**
 * A review stage's progress for the secretariat (issue 12 point 4): per reviewer (assigned, not started,
 * draft, submitted, overdue = not submitted after the stage closed) over the whole stage, and per proposal
 * its reviewers by name with their status and totals once submitted, filtered (unfinished: some review not
 * submitted; overdue; submitted: every review in; a reviewer; words of the code or title). Active
 * assignments on proposals in judging only: a withdrawn one is history, not work.
 */
export async function reviewProgress(
  db: Db,
  competition: CompetitionRow,
  stage: StageRow,
  filter: ProgressFilter,
  now: Date,
): Promise<Omit<ReviewProgress, 'abilities'>> {
  const rows = await db
    .selectFrom('review_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .innerJoin('users as u', 'u.id', 'a.reviewer_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .select([
      'a.id as assignmentId',
      'a.reviewer_id as reviewerId',
      'u.name as reviewerName',
      'u.email as reviewerEmail',
      'p.id as proposalId',
      'p.code',
      'p.title',
      'g.key as groupKey',
    ])
    .where('a.stage_id', '=', stage.id)
    .where('a.status', '=', 'active')
    .where('p.state', 'in', [...IN_JUDGING_STATES])
    .orderBy('p.code')
    .orderBy('a.id')
    .execute();
  const evaluations = await evaluationsOf(
    db,
    rows.map((r) => r.assignmentId),
  );
  const closed = stageClosed(stage, now);
  const lines = rows.map((r) => {
    const e = evaluations.get(r.assignmentId);
    const status = statusOf(e?.row);
    return {
      ...r,
      status,
      total: status === 'submitted' ? (e?.row.total ?? null) : null,
      overdue: closed && status !== 'submitted',
    };
  });
  const reviewers = new Map<number, ReviewProgress['reviewers'][number]>();
  for (const l of lines) {
    const r = reviewers.get(l.reviewerId) ?? {
      userId: l.reviewerId,
      name: l.reviewerName,
      email: l.reviewerEmail,
      assigned: 0,
      notStarted: 0,
      draft: 0,
      submitted: 0,
      overdue: 0,
    };
    r.assigned++;
    if (l.status === 'not_started') r.notStarted++;
    if (l.status === 'draft') r.draft++;
    if (l.status === 'submitted') r.submitted++;
    if (l.overdue) r.overdue++;
    reviewers.set(l.reviewerId, r);
  }
  const byProposal = new Map<number, ReviewProgress['proposals'][number]>();
  for (const l of lines) {
    const p = byProposal.get(l.proposalId) ?? {
      id: l.proposalId,
      code: l.code,
      title: l.title,
      groupKey: l.groupKey,
      reviewers: [],
    };
    p.reviewers.push({
      assignmentId: l.assignmentId,
      userId: l.reviewerId,
      name: l.reviewerName,
      status: l.status,
      total: l.total,
      overdue: l.overdue,
    });
    byProposal.set(l.proposalId, p);
  }
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const proposals = [...byProposal.values()].filter((p) => {
    if (filter.reviewerId !== undefined && !p.reviewers.some((r) => r.userId === filter.reviewerId))
      return false;
    if (filter.status === 'unfinished' && p.reviewers.every((r) => r.status === 'submitted')) return false;
    if (filter.status === 'overdue' && !p.reviewers.some((r) => r.overdue)) return false;
    if (filter.status === 'submitted' && !p.reviewers.every((r) => r.status === 'submitted')) return false;
    const hay = `${p.code} ${p.title}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const count = (st: string) => lines.filter((l) => l.status === st).length;
  return {
    stage: stageSummary(stage, competition, now),
    totals: {
      proposals: byProposal.size,
      assignments: lines.length,
      notStarted: count('not_started'),
      draft: count('draft'),
      submitted: count('submitted'),
      overdue: lines.filter((l) => l.overdue).length,
    },
    reviewers: [...reviewers.values()].sort((a, b) => a.name.localeCompare(b.name)),
    proposals,
    generatedAt: now.toISOString(),
  };
}
