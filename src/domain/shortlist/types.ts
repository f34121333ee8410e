import type { Text } from '../errors.js';

/*
 * The finalists' selection (issue 12 point 7): its input (scored proposals, a pass mark, N per group, quotas)
 * and its answer (the selection, the plain top N beside it, each proposal's explanation, or the report of
 * quotas that cannot be met).
 */

export type QuotaDimension = 'category' | 'participantType' | 'province' | 'is3T';

export interface Quota {
  /** Stable key, named in reports and explanations (e.g. "min-3t"). */
  key: string;
  dimension: QuotaDimension;
  /** The category key, participant type (InstitutionType), province code ("91"), or "true"/"false" for 3T. */
  value: string;
  /** Counts only the finalists of this group; null or absent: across every group. */
  group?: string | null;
  min?: number | null;
  max?: number | null;
  /** How people read it ("kategori Kesehatan"); made from dimension and value when absent. */
  label?: Text;
}

export interface FinalistCandidate {
  id: number;
  /** The proposal's score (0–100); compared at two decimals, as shown. */
  score: number;
  groupKey: string;
  categoryKey: string;
  /** kementerian, lembaga, pemerintah_provinsi, pemerintah_kabupaten, pemerintah_kota, bumn, bumd. */
  participantType: string;
  /** The institution's region ("91.01", a regency; "91", a province); null for a central institution. */
  regionCode: string | null;
  /** When absent: whether the region or its province is in `threeTRegions`. */
  is3T?: boolean;
}

export interface FinalistsInput {
  candidates: readonly FinalistCandidate[];
  /** 2025: 85; null = none. A score at the mark passes. */
  passMark: number | null;
  /** N per group (Top 99 umum, Top 15 replikasi, Top 15 khusus); a group absent here has no places. */
  perGroup: Readonly<Record<string, number>>;
  quotas: readonly Quota[];
  /** The configurable 3T list: region codes (a regency's, or a province's for all of it). */
  threeTRegions?: readonly string[];
  /** How the explanations name each group ("kelompok Umum"); a group absent here is named by its key. */
  groupLabels?: Readonly<Record<string, Text>>;
}

/** Why a proposal is where it is. */
export type FinalistReason =
  /** Within the plain top N of its group and selected. */
  | 'rank'
  /** Below the plain cut, selected to meet a minimum quota it belongs to. */
  | 'quota_min'
  /** Below the plain cut, selected into a place a maximum quota freed. */
  | 'freed_place'
  /** Above the plain cut, kept out because a maximum quota it belongs to was reached. */
  | 'quota_max'
  /** Above the plain cut, its place taken to meet a minimum quota. */
  | 'displaced'
  /** In below the cut or out above it by the quotas together (no single one names it). */
  | 'rebalanced'
  | 'below_cut'
  | 'below_pass_mark'
  | 'no_places';

export interface FinalistExplanation {
  id: number;
  groupKey: string;
  score: number;
  /** Rank within its group without quotas (score, then id; 1 = best), among every candidate of the group. */
  rankInGroup: number;
  passesMark: boolean;
  inPlainTop: boolean;
  selected: boolean;
  reason: FinalistReason;
  /** The quotas the reason names. */
  quotas: string[];
  text: Text;
}

export interface QuotaOutcome {
  key: string;
  label: Text;
  min: number | null;
  max: number | null;
  /** Eligible (passing) candidates it counts. */
  available: number;
  plainCount: number;
  selectedCount: number;
}

export type InfeasibleReason =
  | 'min_above_max'
  | 'not_enough_candidates'
  | 'not_enough_places'
  /** This minimum cannot be met together with the group sizes and the maximums. */
  | 'min_against_limits'
  /** Each quota alone can be met, not all of them together. */
  | 'combination';

export interface InfeasibleQuota {
  key: string;
  reason: InfeasibleReason;
  min: number | null;
  max: number | null;
  available: number;
  places: number;
  text: Text;
}

export interface SolverStats {
  candidates: number;
  eligible: number;
  /** Candidates left after removing those that can never be needed (same group and quotas, N better ones). */
  modelled: number;
  /** plain: the top N already met every quota (exactly optimal without a solve); mip: HiGHS. */
  method: 'plain' | 'mip';
  solves: number;
  ms: number;
}

export type FinalistsResult =
  | {
      feasible: true;
      selected: number[];
      plainTop: number[];
      /** Selected but not in the plain top N, and the reverse. */
      addedByQuotas: number[];
      removedByQuotas: number[];
      /** Σ of the selected scores (two decimals). */
      totalScore: number;
      explanations: FinalistExplanation[];
      quotas: QuotaOutcome[];
      /** Places not filled in each group (fewer passing candidates, or maximums). */
      unfilled: Record<string, number>;
      stats: SolverStats;
    }
  | {
      feasible: false;
      selected: [];
      plainTop: number[];
      problems: InfeasibleQuota[];
      text: Text;
      stats: SolverStats;
    };
