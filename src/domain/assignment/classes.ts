/*
 * Proposals that are interchangeable for the assignment, solved as one class: same category (the same
 * expertise cost with every reviewer), same need, and the same set of eligible reviewers (those neither
 * in conflict with it nor excluded from it). Two institutions with no conflict anywhere share a class; a
 * 30,000-proposal call becomes a few thousand classes. Eligibility is computed once per (institution,
 * region, exclusions) and then per class.
 */
import type { AssignmentProposal, AssignmentReviewer } from './model.js';

export interface ProposalClass {
  categoryKey: string;
  need: number;
  /** Members, ascending id. */
  proposals: AssignmentProposal[];
  /** Indexes into the (id-sorted) reviewers, ascending. */
  eligible: number[];
}

export const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;

interface Conflicts {
  institutions: ReadonlySet<number>;
  regions: ReadonlySet<string>;
}

function conflictsOf(r: AssignmentReviewer): Conflicts {
  return {
    institutions:
      r.conflictInstitutionIds instanceof Set
        ? r.conflictInstitutionIds
        : new Set(r.conflictInstitutionIds as readonly number[]),
    regions: new Set(r.conflictRegionCodes ?? []),
  };
}

/** The indexes of `reviewers` that may be given `p` (conflict-free, not excluded). */
export function eligibleReviewers(
  p: AssignmentProposal,
  reviewers: readonly AssignmentReviewer[],
  conflicts: readonly Conflicts[] = reviewers.map(conflictsOf),
): number[] {
  const excluded = new Set(p.excludedReviewerIds);
  const out: number[] = [];
  reviewers.forEach((r, j) => {
    if (excluded.has(r.id) || conflicts[j].institutions.has(p.institutionId)) return;
    if (p.regionCode !== null && conflicts[j].regions.has(p.regionCode)) return;
    if (r.conflictsWithRegion?.(p.regionCode)) return;
    out.push(j);
  });
  return out;
}

/**
 * Groups the proposals with need > 0 into classes; `reviewers` must be sorted by id. Classes come in the
 * order of their smallest proposal id, so the same input gives the same classes.
 */
export function proposalClasses(
  proposals: readonly AssignmentProposal[],
  reviewers: readonly AssignmentReviewer[],
): ProposalClass[] {
  const conflicts = reviewers.map(conflictsOf);
  const eligibleBySource = new Map<string, { eligible: number[]; signature: string }>();
  const classes = new Map<string, ProposalClass>();
  const sorted = proposals.filter((p) => p.need > 0).sort(byId);
  for (const p of sorted) {
    const excluded = [...new Set(p.excludedReviewerIds)].sort((a, b) => a - b);
    const sourceKey = `${p.institutionId}|${p.regionCode ?? ''}|${excluded.join(',')}`;
    let source = eligibleBySource.get(sourceKey);
    if (!source) {
      const found = eligibleReviewers(p, reviewers, conflicts);
      source = { eligible: found, signature: found.join(',') };
      eligibleBySource.set(sourceKey, source);
    }
    const { eligible } = source;
    const key = `${p.categoryKey}\u0000${p.need}\u0000${source.signature}`;
    const c = classes.get(key);
    if (c) c.proposals.push(p);
    else classes.set(key, { categoryKey: p.categoryKey, need: p.need, proposals: [p], eligible });
  }
  return [...classes.values()];
}
