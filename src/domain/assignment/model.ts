/*
 * The data of an assignment of reviewers (Tim Evaluasi, later the panel) to proposals: plain values in,
 * plain values out, so the command that persists assignments (and the bench) builds them from rows and
 * writes the answer back without this folder knowing a table. See solve.ts for the objective.
 */
import type { Text } from '../errors.js';

/** A proposal that still needs reviewers in this stage. */
export interface AssignmentProposal {
  id: number;
  /** The proposing institution (an own-institution or declared conflict is about it). */
  institutionId: number;
  /** The category the proposal competes in; a reviewer with it in `expertise` is preferred. */
  categoryKey: string;
  /** The group (umum / khusus …) of the proposal; carried for the caller, not a rule of the solver. */
  groupKey?: string | null;
  /** The region of its institution (Kemendagri code), for a regional conflict rule. */
  regionCode: string | null;
  /**
   * How many NEW reviewers it needs: k minus its active assignments (a late proposal: k; a third
   * reviewer after a gap: 1; a reassignment after a withdrawal: 1). 0 = nothing to do.
   */
  need: number;
  /**
   * Reviewers it must not be given whatever their conflicts: those already on it, and those withdrawn
   * from it (a conflict found after the assignment, a refusal).
   */
  excludedReviewerIds: readonly number[];
}

/** A member of the team, as the solver sees it. */
export interface AssignmentReviewer {
  id: number;
  /** Most proposals in this stage, counting the existing ones; null = no limit. */
  capacity: number | null;
  /** Active assignments it already holds in this stage; they are never moved, only new ones placed. */
  currentLoad: number;
  /** Category keys it knows. */
  expertise: readonly string[];
  /** Institutions it may not judge (its own, declared, found by the secretariat): src/domain/conflicts.ts. */
  conflictInstitutionIds: ReadonlySet<number> | readonly number[];
  /**
   * A regional rule as data: the region codes whose proposals it may not judge (plain data, so the input
   * can be handed to a worker thread as it is).
   */
  conflictRegionCodes?: readonly string[];
  /** A regional rule as a function, for a caller in the same thread: true = may not judge this region. */
  conflictsWithRegion?: (regionCode: string | null) => boolean;
}

export interface AssignmentInput {
  proposals: readonly AssignmentProposal[];
  reviewers: readonly AssignmentReviewer[];
}

export interface AssignedPair {
  proposalId: number;
  reviewerId: number;
  /** The reviewer has the proposal's category among its expertise. */
  expertiseMatch: boolean;
}

export interface ReviewerLoad {
  reviewerId: number;
  /** Active assignments before this call. */
  before: number;
  /** After the new pairs are added. */
  after: number;
  capacity: number | null;
}

/** What the objective's terms came to (solve.ts explains the order). */
export interface AssignmentCost {
  /** New pairs placed. */
  pairs: number;
  /** Of them, pairs whose reviewer lacks the proposal's category (term 3, minimised). */
  expertiseMisses: number;
  /** Σ load² over all reviewers after the call (term 2: the balance, minimised first). */
  sumOfSquaredLoads: number;
  maxLoad: number;
  minLoad: number;
}

/** Why a proposal cannot be given the reviewers it needs. */
export type UnservedReason =
  /** Fewer reviewers free of conflict (and not excluded) than it needs. */
  | { kind: 'too_few_reviewers'; eligible: number; need: number }
  /** Enough such reviewers, but fewer than it needs have room left under their capacity. */
  | { kind: 'reviewers_full'; eligible: number; withRoom: number; need: number }
  /**
   * Each could be served alone, but this group together needs more places than its eligible reviewers
   * (`reviewerIds`) have left: raise a capacity or add a reviewer.
   */
  | { kind: 'shortage'; groupSize: number; groupNeed: number; placesLeft: number; reviewerIds: number[] };

export interface UnservedProposal {
  proposalId: number;
  reason: UnservedReason;
  message: Text;
}

export type AssignmentResult =
  | { ok: true; pairs: AssignedPair[]; loads: ReviewerLoad[]; cost: AssignmentCost }
  | {
      ok: false;
      /** Always empty: an infeasible call assigns nothing. */
      pairs: [];
      unserved: UnservedProposal[];
      /** A summary for the page and the log. */
      message: Text;
    };
