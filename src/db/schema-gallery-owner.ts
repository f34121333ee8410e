import type { Generated, Selectable } from 'kysely';

/*
 * The owner's side of the gallery (issue 14 points 1 and 4, migration 0045): consent, contact for
 * replication, public evidence, the yearly status confirmations and the prompt's per-year marker.
 */

export type GalleryConsent = 'given' | 'withdrawn';
export type GalleryStatusValue = 'continuing' | 'halted';

export interface GalleryOwnerSettingsTable {
  proposal_id: number;
  consent: GalleryConsent | null;
  consent_by: number | null;
  consent_at: string | null;
  contact_name: string | null;
  contact_position: string | null;
  contact_email: string | null;
  /** "+62…" (contracts/phone.ts). */
  contact_phone: string | null;
  contact_by: number | null;
  contact_at: string | null;
}

export interface GalleryPublicFileTable {
  attachment_id: number;
  proposal_id: number;
  marked_by: number;
  marked_at: string;
}

export interface GalleryStatusConfirmationTable {
  id: Generated<number>;
  proposal_id: number;
  year: number;
  status: GalleryStatusValue;
  reason: string | null;
  confirmed_by: number;
  confirmed_at: string;
}

export interface GalleryStatusPromptTable {
  year: number;
  institution_id: number;
  innovations: number;
  mailed: number;
  sent_at: string;
}

export type GalleryOwnerSettingsRow = Selectable<GalleryOwnerSettingsTable>;
export type GalleryStatusConfirmationRow = Selectable<GalleryStatusConfirmationTable>;
