import type { GalleryEntry } from '../../contracts/gallery.js';
import type { GalleryEntryRow } from '../../db/schema.js';
import { orderAwards } from '../../domain/gallery.js';

/** The row's columns an entry's public view reads (the open data reads these without the answers). */
export type PublicEntryRow = Omit<GalleryEntryRow, 'answers'>;

/** An entry's public fields, from its gallery row only. */
export function presentEntry(row: PublicEntryRow): GalleryEntry {
  return {
    slug: row.slug,
    title: row.title,
    acronym: row.acronym,
    summary: row.summary,
    competition: {
      id: row.competition_id,
      code: row.competition_code,
      name: row.competition_name,
      year: row.year,
    },
    year: row.year,
    category:
      row.category_key === null
        ? null
        : {
            key: row.category_key,
            name: {
              id: row.category_name_id ?? row.category_key,
              en: row.category_name_en ?? row.category_key,
            },
          },
    group: { key: row.group_key, name: { id: row.group_name_id, en: row.group_name_en } },
    institution: { name: row.institution_name, type: row.institution_type },
    participantType: row.institution_type,
    province: row.province_code
      ? { code: row.province_code, name: row.province_name ?? row.province_code }
      : null,
    regency: row.regency_code ? { code: row.regency_code, name: row.regency_name ?? row.regency_code } : null,
    awards: orderAwards(JSON.parse(row.awards) as string[]),
    basis: row.basis,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}
