import type { GalleryEntry, GalleryItem } from '../../contracts/gallery.js';
import type { OpenDataColumn } from '../../contracts/gallery-data.js';
import { presentEntry, type PublicEntryRow } from './public-view.js';

/*
 * One gallery entry as the open data gives it (issue 14 point 6; docs/open-data.md): the list's public
 * fields plus its stable addresses — `url`, the entry's page, and `api`, its JSON — as a JSON item or as a
 * CSV record of OPEN_DATA_COLUMNS.
 */

export type OpenDataItem = GalleryEntry & { status: GalleryItem['status']; url: string; api: string };

/** The entry's page and its API address under the installation's public address. */
export function addressesOf(baseUrl: string, slug: string): { url: string; api: string } {
  return { url: `${baseUrl}/galeri/${slug}`, api: `${baseUrl}/api/public/gallery/${slug}` };
}

/** The entry's public fields, its yearly status flag (as the list's) and its addresses. */
export function openDataItem(
  baseUrl: string,
  row: PublicEntryRow,
  status: GalleryItem['status'],
): OpenDataItem {
  const entry = presentEntry(row);
  return { ...entry, status, ...addressesOf(baseUrl, entry.slug) };
}

/** The CSV record: one text cell per column (an empty cell for "none"; award levels joined by ";"). */
export function openDataRecord(item: OpenDataItem): Record<OpenDataColumn, string> {
  return {
    slug: item.slug,
    url: item.url,
    api: item.api,
    title: item.title,
    acronym: item.acronym ?? '',
    summary: item.summary,
    year: String(item.year),
    competition_id: String(item.competition.id),
    competition_code: item.competition.code,
    competition_name: item.competition.name,
    category_key: item.category?.key ?? '',
    category_name_id: item.category?.name.id ?? '',
    category_name_en: item.category?.name.en ?? '',
    group_key: item.group.key,
    group_name_id: item.group.name.id,
    group_name_en: item.group.name.en,
    institution_name: item.institution.name,
    participant_type: item.participantType,
    province_code: item.province?.code ?? '',
    province_name: item.province?.name ?? '',
    regency_code: item.regency?.code ?? '',
    regency_name: item.regency?.name ?? '',
    awards: item.awards.join(';'),
    basis: item.basis,
    status: item.status,
    published_at: item.publishedAt,
    updated_at: item.updatedAt,
  };
}
