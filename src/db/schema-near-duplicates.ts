import type { Generated } from 'kysely';

/*
 * Near-duplicate detection at the administrative check (issue 14 point 5, migration 0046). Split out of
 * schema.ts like schema-gallery.ts; schema.ts lists them in Database and re-exports them.
 */

/** A received proposal's near-duplicate fingerprint (domain/near-duplicates/fingerprint-codec.ts). */
export interface ProposalFingerprintTable {
  proposal_id: number;
  fingerprint: string;
  made_at: string;
}

/** renamed: a past proposal under another title; repeat: the same title again; copied_passage: a long
 * passage from a past proposal; copied_within: text shared with another proposal of the same competition. */
export type NearDuplicateKind = 'renamed' | 'repeat' | 'copied_passage' | 'copied_within';
export type NearDuplicateStatus = 'open' | 'confirmed_same' | 'dismissed';

/** One pair a check found, with the secretariat's decision. */
export interface NearDuplicateMatchTable {
  id: Generated<number>;
  /** The competition whose check found it (proposal_id's). */
  competition_id: number;
  proposal_id: number;
  other_proposal_id: number;
  kind: NearDuplicateKind;
  title_score: number;
  answers_score: number;
  /** The larger of the two containments. */
  containment: number;
  passage_words: number;
  /** JSON: Passage[] of domain/near-duplicates/explain.ts (a = proposal_id, b = other_proposal_id). */
  passages: string;
  status: Generated<NearDuplicateStatus>;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}
