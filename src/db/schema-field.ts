import type { ColumnType, Generated } from 'kysely';

/*
 * The tables of field verification (issue 13 point 3, migration 0038). Same conventions as schema.ts:
 * instants are ISO-8601 UTC strings, structured values JSON text.
 */

export type FieldVisitKind = 'open' | 'closed';
export type FieldVisitStatus = 'planned' | 'submitted' | 'cancelled';
export type FieldRecommendation = 'recommended' | 'recommended_with_notes' | 'not_recommended';
export type FieldFindingStatus = 'confirmed' | 'partly' | 'not_found';
export type FieldGeoStatus = 'ok' | 'denied' | 'unavailable';

/** One planned visit to one finalist in the field_verification stage. */
export interface FieldVisitTable {
  id: Generated<number>;
  competition_id: number;
  stage_id: number;
  proposal_id: number;
  kind: FieldVisitKind;
  address: string;
  region_code: string | null;
  starts_at: string;
  /** The zone of the place (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT). */
  time_zone: string;
  status: ColumnType<FieldVisitStatus, FieldVisitStatus | undefined, FieldVisitStatus>;
  recommendation: FieldRecommendation | null;
  summary: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  cancelled_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface FieldVisitVerifierTable {
  visit_id: number;
  user_id: number;
}

export interface FieldFindingTable {
  visit_id: number;
  claim_key: string;
  status: FieldFindingStatus | null;
  note: string | null;
  updated_by: number;
  updated_at: string;
}

export interface FieldPhotoTable {
  id: Generated<number>;
  visit_id: number;
  client_id: string;
  file_id: number;
  claim_key: string | null;
  caption: string | null;
  taken_at: string;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
  geo_status: FieldGeoStatus;
  uploaded_by: number;
  created_at: string;
}

/** An applied operation of the verifier's device, by its client id, with the answer it was given. */
export interface FieldOperationTable {
  visit_id: number;
  client_id: string;
  kind: string;
  /** JSON: the operation's answer, given again to a replay. */
  result: string;
  user_id: number;
  created_at: string;
}
