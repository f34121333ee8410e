import { reasonText } from '../../domain/conflicts.js';
import type { Text } from '../../domain/errors.js';
import type { StageContext } from './context.js';
import { conflictsBetween } from './plan.js';

/*
 * The whole panel on every finalist (a stage in `whole_panel` mode, the presentation): what a run adds and
 * who abstains. A panelist with a conflict of interest (domain/conflicts.ts: own institution, its parent or
 * child, stored rows, the regional rule) gets no assignment on that finalist and abstains; an active
 * assignment that came before the conflict is to be withdrawn (its draft is kept and never counts). A pair
 * withdrawn for another reason is not put back (as the solver never returns a withdrawn reviewer). Pure
 * over the stage's context, so the page and the run read the same thing.
 */

export interface PanelAbstention {
  reviewer: { id: number; name: string };
  proposal: { id: number; code: string; title: string; institution: string };
  reasons: Text[];
  /** The assignment withdrawn for it, if the conflict came after the assignment. */
  withdrawnAssignmentId: number | null;
  /** The evaluation of that withdrawn assignment (kept, never counted). */
  evaluation: 'draft' | 'submitted' | null;
}

export interface PanelPlan {
  /** Pairs to add: a panelist with a complete profile, no conflict, never on that finalist before. */
  pairs: { proposalId: number; reviewerId: number }[];
  /** Active assignments now in conflict: to withdraw (the conflict came after the assignment). */
  toWithdraw: { assignmentId: number; reasons: Text[] }[];
  abstentions: PanelAbstention[];
}

export function panelPlan(ctx: Pick<StageContext, 'pool' | 'team' | 'assignments' | 'rule'>): PanelPlan {
  const rows = new Map<string, StageContext['assignments']>();
  for (const a of ctx.assignments) {
    const key = `${a.proposal_id}:${a.reviewer_id}`;
    rows.set(key, [...(rows.get(key) ?? []), a]);
  }
  const plan: PanelPlan = { pairs: [], toWithdraw: [], abstentions: [] };
  for (const p of ctx.pool)
    for (const m of ctx.team) {
      const mine = rows.get(`${p.id}:${m.id}`) ?? [];
      const active = mine.find((a) => a.status === 'active');
      const reasons = conflictsBetween(m, p, ctx.rule).map(reasonText);
      if (reasons.length) {
        const withdrawn = active ?? mine[mine.length - 1];
        if (active) plan.toWithdraw.push({ assignmentId: active.id, reasons });
        plan.abstentions.push({
          reviewer: { id: m.id, name: m.name },
          proposal: { id: p.id, code: p.code, title: p.title, institution: p.institutionName },
          reasons,
          withdrawnAssignmentId: withdrawn?.id ?? null,
          evaluation: withdrawn?.evaluation_status ?? null,
        });
        continue;
      }
      if (!m.profileComplete || mine.length) continue;
      plan.pairs.push({ proposalId: p.id, reviewerId: m.id });
    }
  return plan;
}
