import type { AssignmentInput, AssignmentReviewer } from '../../domain/assignment/model.js';
import {
  conflictPredicate,
  conflictReasons,
  type ConflictReason,
  type InstitutionFacts,
  type RegionalRule,
} from '../../domain/conflicts.js';
import type { PoolProposal, StageAssignmentRow, TeamMember } from './queries.js';

/*
 * From rows to the solver's input: each pool proposal's need (k minus its active reviewers) and the
 * reviewers it may not be given (those on it, and those withdrawn from it); each reviewer's load in the
 * stage and the institutions of the pool it may not judge (domain/conflicts.ts). Existing rows are never
 * moved: a run places only what is missing, so a late proposal does not reshuffle the others.
 */

export const institutionOf = (p: PoolProposal): InstitutionFacts => ({
  id: p.institutionId,
  regionCode: p.institutionRegion,
  parentId: p.institutionParent,
});

const affiliationOf = (m: TeamMember): InstitutionFacts | null =>
  m.affiliationInstitutionId === null
    ? null
    : { id: m.affiliationInstitutionId, regionCode: m.regionCode, parentId: m.affiliationParentId };

export const conflictFacts = (m: TeamMember) => ({
  affiliationInstitutionId: m.affiliationInstitutionId,
  regionCode: m.regionCode,
  conflicts: m.conflicts,
});

/** Why `member` may not judge `proposal` (empty: no conflict). */
export const conflictsBetween = (m: TeamMember, p: PoolProposal, rule: RegionalRule): ConflictReason[] =>
  conflictReasons(conflictFacts(m), institutionOf(p), rule, affiliationOf(m));

/** Active pairs and withdrawn reviewers per proposal, and active loads per reviewer. */
export function assignmentIndex(rows: readonly StageAssignmentRow[]) {
  const active = new Map<number, Set<number>>();
  const excluded = new Map<number, Set<number>>();
  const load = new Map<number, number>();
  for (const r of rows) {
    const ex = excluded.get(r.proposal_id) ?? new Set<number>();
    ex.add(r.reviewer_id);
    excluded.set(r.proposal_id, ex);
    if (r.status !== 'active') continue;
    const on = active.get(r.proposal_id) ?? new Set<number>();
    on.add(r.reviewer_id);
    active.set(r.proposal_id, on);
    load.set(r.reviewer_id, (load.get(r.reviewer_id) ?? 0) + 1);
  }
  return { active, excluded, load };
}

/**
 * The solver's input for a stage. Only reviewers with a completed profile take part (without it neither
 * their conflicts nor their expertise are known); `only` limits the proposals (a reassignment).
 */
export function solverInput(input: {
  pool: readonly PoolProposal[];
  team: readonly TeamMember[];
  assignments: readonly StageAssignmentRow[];
  k: number;
  rule: RegionalRule;
  only?: ReadonlySet<number>;
  /** A per-proposal need instead of k minus its active reviewers (a third reviewer: 1). */
  needOf?: (proposalId: number, active: number) => number;
}): AssignmentInput {
  const { active, excluded, load } = assignmentIndex(input.assignments);
  const institutions = new Map<number, InstitutionFacts>();
  for (const p of input.pool) institutions.set(p.institutionId, institutionOf(p));
  const facts = [...institutions.values()];
  const reviewers: AssignmentReviewer[] = input.team
    .filter((m) => m.profileComplete)
    .map((m) => {
      const blocked = conflictPredicate(conflictFacts(m), input.rule, affiliationOf(m));
      return {
        id: m.id,
        capacity: m.capacity,
        currentLoad: load.get(m.id) ?? 0,
        expertise: m.expertise,
        conflictInstitutionIds: new Set(facts.filter(blocked).map((i) => i.id)),
      };
    });
  const proposals = input.pool
    .filter((p) => !input.only || input.only.has(p.id))
    .map((p) => {
      const on = active.get(p.id)?.size ?? 0;
      return {
        id: p.id,
        institutionId: p.institutionId,
        categoryKey: p.categoryKey ?? '',
        groupKey: p.groupKey,
        regionCode: p.institutionRegion,
        need: input.needOf ? input.needOf(p.id, on) : Math.max(0, input.k - on),
        excludedReviewerIds: [...(excluded.get(p.id) ?? [])],
      };
    });
  return { proposals, reviewers };
}
