import type { Db } from '../../db/connect.js';
import type { WorkList } from '../../contracts/review.js';
import { can, type Actor } from '../../domain/policy.js';
import { IN_JUDGING_STATES } from '../../domain/proposal-workflow.js';
import { stageSummary } from './stage-view.js';
import { evaluationsOf, statusOf, teamOf } from './queries.js';

/**
 * The evaluator's work list (issue 12 point 4): their ACTIVE assignments only, per competition and
 * stage (stages in calendar order), each with its status (not started, draft, submitted) and the stage's
 * closing. Withdrawn assignments, proposals not in judging (never a draft) and competitions the caller no
 * longer holds the team's grant for are left out.
 */
export async function workList(db: Db, actor: Actor, now: Date): Promise<WorkList> {
  const rows = await db
    .selectFrom('review_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .innerJoin('stages as s', 's.id', 'a.stage_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .select([
      'a.id as assignmentId',
      'a.reviewer_id as reviewerId',
      'p.id as proposalId',
      'p.code',
      'p.title',
      'g.key as groupKey',
      's.id as stageId',
      's.competition_id as competitionId',
    ])
    .where('a.reviewer_id', '=', actor.userId)
    .where('a.status', '=', 'active')
    .where('p.state', 'in', [...IN_JUDGING_STATES])
    .orderBy('p.code')
    .execute();
  const stageIds = [...new Set(rows.map((r) => r.stageId))];
  const stages = stageIds.length
    ? await db.selectFrom('stages').selectAll().where('id', 'in', stageIds).execute()
    : [];
  const competitionIds = [...new Set(stages.map((s) => s.competition_id))];
  const competitions = competitionIds.length
    ? await db.selectFrom('competitions').selectAll().where('id', 'in', competitionIds).execute()
    : [];
  const evaluations = await evaluationsOf(
    db,
    rows.map((r) => r.assignmentId),
  );
  const out: WorkList['competitions'] = [];
  for (const c of [...competitions].sort((a, b) => b.year - a.year || a.id - b.id)) {
    const mine = stages
      .filter((s) => s.competition_id === c.id)
      .filter((s) =>
        can(actor, 'evaluation.view', {
          competitionId: c.id,
          team: teamOf(s.kind),
          reviewerUserId: actor.userId,
          active: true,
        }),
      )
      .sort((a, b) => a.position - b.position);
    if (!mine.length) continue;
    out.push({
      id: c.id,
      name: c.name,
      year: c.year,
      stages: mine.map((s) => {
        const items = rows
          .filter((r) => r.stageId === s.id)
          .map((r) => {
            const e = evaluations.get(r.assignmentId);
            return {
              assignmentId: r.assignmentId,
              proposal: { id: r.proposalId, code: r.code, title: r.title, groupKey: r.groupKey },
              status: statusOf(e?.row),
              total: e?.row.status === 'submitted' ? e.row.total : null,
              updatedAt: e?.row.updated_at ?? null,
            };
          });
        const count = (st: string) => items.filter((i) => i.status === st).length;
        return {
          ...stageSummary(s, c, now),
          counts: {
            assigned: items.length,
            notStarted: count('not_started'),
            draft: count('draft'),
            submitted: count('submitted'),
          },
          items,
        };
      }),
    });
  }
  return { competitions: out, generatedAt: now.toISOString() };
}
