import type { Generated, Selectable } from 'kysely';

/*
 * Public participation (issue 13 point 8, migration 0041): the public's ratings of the finalists'
 * kebermanfaatan. No e-mail address is stored: `voter_hash` is a keyed hash of the normalized address.
 */

/** The organizer's window for public ratings, one per competition. */
export interface PublicRatingWindowTable {
  competition_id: number;
  /** The stage it belongs to (the competition's `presentation` stage), when there is one. */
  stage_id: number | null;
  enabled: Generated<number>;
  opens_at: string | null;
  closes_at: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** A 6-digit code mailed to verify an address (only keyed hashes kept). */
export interface PublicRatingCodeTable {
  id: Generated<number>;
  competition_id: number;
  voter_hash: string;
  code_hash: string;
  attempts: Generated<number>;
  /** The mail that carried it: its address is erased when the code is used. */
  outbox_id: number | null;
  ip: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A rating session (the cookie token's sha256), given by a used code. */
export interface PublicRatingSessionTable {
  id: Generated<number>;
  token_hash: string;
  competition_id: number;
  voter_hash: string;
  ip: string | null;
  created_at: string;
  expires_at: string;
}

/** One voter's rating of one finalist (unique on proposal and voter). */
export interface PublicRatingTable {
  id: Generated<number>;
  competition_id: number;
  proposal_id: number;
  voter_hash: string;
  session_id: number;
  value: number;
  ip: string | null;
  created_at: string;
  updated_at: string;
  exclusion_id: number | null;
}

/** A flagged group the secretariat excluded from the shown mean. */
export interface PublicRatingExclusionTable {
  id: Generated<number>;
  competition_id: number;
  group_key: string;
  kind: string;
  reason: string;
  rating_count: number;
  excluded_by: number;
  created_at: string;
}

export type PublicRatingRow = Selectable<PublicRatingTable>;
