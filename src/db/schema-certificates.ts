import type { Generated, Selectable } from 'kysely';

/*
 * The certificates (piagam, issue 13 point 5; migration 0040). Split out of schema.ts like the selection's
 * tables; schema.ts lists them in Database and re-exports them. Instants are ISO-8601 UTC strings.
 */

/** What a competition's certificates say that is the organizer's to choose. */
export interface CertificateSettingsTable {
  competition_id: number;
  /** The number's prefix: PIAGAM/KIPP/2026 gives PIAGAM/KIPP/2026/0012. */
  number_prefix: string;
  signer_name: string;
  signer_position: string;
  /** The next certificate's sequence number (taken under the row's lock). */
  next_seq: Generated<number>;
  updated_by: number | null;
  updated_at: string;
}

/** One certificate: what the paper says, copied when it was issued, its PDF and its revocation. */
export interface CertificateTable {
  id: Generated<number>;
  competition_id: number;
  proposal_id: number;
  /** An award level of the registry (contracts/awards.ts) or FINALIST. */
  award: string;
  award_label_id: string;
  award_label_en: string;
  seq: number;
  number: string;
  /** The number as it appears in the verification address (domain/certificates.ts numberSlug). */
  number_slug: string;
  year: number;
  competition_name: string;
  innovation_title: string;
  institution_id: number;
  institution_name: string;
  unit_id: number;
  unit_name: string;
  signer_name: string;
  signer_position: string;
  issued_by: number | null;
  issued_at: string;
  /** The stored PDF; null until the export pool has made it. */
  file_id: number | null;
  revoked_at: string | null;
  revoked_by: number | null;
  revoked_reason: string | null;
}

export type CertificateRow = Selectable<CertificateTable>;
export type CertificateSettingsRow = Selectable<CertificateSettingsTable>;
