import type { Generated, Selectable } from 'kysely';
import type { InstitutionType } from '../contracts/institutions.js';

/*
 * The public gallery and its search index (issue 14, migration 0043). Split out of schema.ts like
 * schema-results.ts; schema.ts lists them in Database and re-exports them.
 */

/** One innovation shown publicly: its stable address and the public snapshot taken when it was indexed. */
export interface GalleryEntryTable {
  id: Generated<number>;
  proposal_id: number;
  competition_id: number;
  competition_code: string;
  competition_name: string;
  /** The stable public address, e.g. `kipp-2026-00042`. */
  slug: string;
  title: string;
  acronym: string | null;
  /** The "ringkasan" answer, else the first answer's first words. */
  summary: string;
  /** The answers joined (the text the search reads and its snippets are cut from). */
  answers: string;
  category_key: string | null;
  category_name_id: string | null;
  category_name_en: string | null;
  group_key: string;
  group_name_id: string;
  group_name_en: string;
  institution_name: string;
  /** The participant type. */
  institution_type: InstitutionType;
  province_code: string | null;
  province_name: string | null;
  regency_code: string | null;
  regency_name: string | null;
  year: number;
  /** JSON array of award levels (domain/gallery.ts orders them), best first. */
  awards: string;
  /** The best level's rank (0 = best; domain/gallery.ts AWARD_ORDER), for sorting by award. */
  award_rank: number;
  basis: 'finalist' | 'consented';
  title_length: number;
  acronym_length: number;
  answers_length: number;
  published_at: string;
  updated_at: string;
}

export interface GalleryPostingTable {
  term: string;
  entry_id: number;
  /** domain/search/fields.ts: title | acronym | answers. */
  field: string;
  tf: number;
}

export interface GalleryWordTable {
  entry_id: number;
  word: string;
}

export type GalleryEntryRow = Selectable<GalleryEntryTable>;
