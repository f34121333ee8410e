import type { Generated, Selectable } from 'kysely';

/*
 * Replication requests between institutions (issue 14 point 3, migration 0044). Split out of schema.ts like
 * schema-gallery.ts; schema.ts lists it in Database and re-exports it.
 */

/** requested → accepted | declined (the owner) | withdrawn (the requester); domain/replication.ts. */
export type ReplicationState = 'requested' | 'accepted' | 'declined' | 'withdrawn';

export interface ReplicationRequestTable {
  id: Generated<number>;
  /** The innovation asked for (its gallery entry is the one of this proposal). */
  proposal_id: number;
  /** The proposal's institution when asked: its admin lokal answers. */
  owner_institution_id: number;
  requesting_institution_id: number;
  requested_by: number;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  message: string;
  state: ReplicationState;
  answered_by: number | null;
  /** The reason of a decline, or the owner's note with an acceptance. */
  answer_message: string | null;
  /** The owner's contact for replication, given when accepting (shown to the requester then). */
  owner_contact_name: string | null;
  owner_contact_email: string | null;
  owner_contact_phone: string | null;
  created_at: string;
  /** When it was accepted, declined or withdrawn. */
  answered_at: string | null;
}

export type ReplicationRequestRow = Selectable<ReplicationRequestTable>;
