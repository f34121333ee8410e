import { z } from 'zod';
import { awardLevelSchema } from './awards.js';
import { galleryQuery } from './gallery.js';
import { institutionTypeSchema } from './institutions.js';

/*
 * The gallery's open data and statistics (issue 14 point 6), public, no account: the public fields of
 * every gallery entry as CSV or JSON, and the counts the statistics page draws — with the filters of the
 * list (year, competition, category, group, award, province, regency, participant type). Custom messages
 * are written "Bahasa Indonesia|English".
 */

/** The list's filters, without the search, the sort and the page. */
export const galleryFilterQuery = galleryQuery.pick({
  year: true,
  competitionId: true,
  category: true,
  group: true,
  award: true,
  province: true,
  regency: true,
  participantType: true,
});
export type GalleryFilterQuery = z.infer<typeof galleryFilterQuery>;

/**
 * The CSV's columns in order (docs/open-data.md describes each). The JSON items carry the same facts as
 * the list's items (GalleryEntry) plus `url` and `api`.
 */
export const OPEN_DATA_COLUMNS = [
  'slug',
  'url',
  'api',
  'title',
  'acronym',
  'summary',
  'year',
  'competition_id',
  'competition_code',
  'competition_name',
  'category_key',
  'category_name_id',
  'category_name_en',
  'group_key',
  'group_name_id',
  'group_name_en',
  'institution_name',
  'participant_type',
  'province_code',
  'province_name',
  'regency_code',
  'regency_name',
  'awards',
  'basis',
  'status',
  'published_at',
  'updated_at',
] as const;
export type OpenDataColumn = (typeof OPEN_DATA_COLUMNS)[number];

const bilingual = z.object({ id: z.string(), en: z.string() });
const counted = { count: z.number() };

/** GET /api/public/gallery/stats: entries counted by year, category, province, participant type and award. */
export const galleryStatsResponse = z.object({
  /** Entries matching the filters. */
  total: z.number(),
  /** Newest year first. */
  years: z.array(z.object({ year: z.number(), ...counted })),
  /** Most entries first; entries without a category are counted in `withoutCategory`. */
  categories: z.array(z.object({ key: z.string(), name: bilingual, ...counted })),
  withoutCategory: z.number(),
  /** Most entries first; entries of national institutions (no province) in `withoutProvince`. */
  provinces: z.array(z.object({ code: z.string(), name: z.string(), ...counted })),
  withoutProvince: z.number(),
  /** Most entries first. */
  participantTypes: z.array(z.object({ type: institutionTypeSchema, ...counted })),
  /** Best level first; an entry counts once under each of its levels (every finalist is TOP99). */
  awards: z.array(z.object({ level: awardLevelSchema, ...counted })),
});
export type GalleryStats = z.infer<typeof galleryStatsResponse>;
