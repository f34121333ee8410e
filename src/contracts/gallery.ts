import { z } from 'zod';
import { awardLevelSchema } from './awards.js';
import { institutionTypeSchema } from './institutions.js';

/*
 * The public gallery of innovations (issue 14): the list with its filters and search, and one entry by its
 * stable address. No account. Custom messages are written "Bahasa Indonesia|English".
 */

export const GALLERY_PAGE_SIZE_MAX = 50;
export const GALLERY_PAGE_MAX = 1000;
/** A query longer than this is cut (the search reads at most 200 characters; domain/search/query.ts). */
export const GALLERY_QUERY_MAX = 1000;
export const GALLERY_SORTS = ['relevance', 'year', 'award'] as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const key = (what: string, whatEn: string) =>
  z
    .string()
    .max(100, `Kode ${what} terlalu panjang.|The ${whatEn} key is too long.`)
    .regex(/^[a-z0-9_-]+$/, `Kode ${what} tidak dikenal.|Unknown ${whatEn} key.`);

export const galleryQuery = z.object({
  q: optional(
    z
      .string('Kata pencarian harus berupa teks.|The search must be text.')
      .transform((s) => s.slice(0, GALLERY_QUERY_MAX)),
  ),
  year: optional(
    z.coerce
      .number('Tahun ditulis dengan angka, misalnya 2026.|The year is a number, e.g. 2026.')
      .int('Tahun ditulis dengan angka, misalnya 2026.|The year is a number, e.g. 2026.')
      .min(2000, 'Tahun di luar rentang 2000–2100.|The year is outside 2000–2100.')
      .max(2100, 'Tahun di luar rentang 2000–2100.|The year is outside 2000–2100.'),
  ),
  competitionId: optional(
    z.coerce
      .number('Kompetisi tidak valid.|Not a valid competition.')
      .int('Kompetisi tidak valid.|Not a valid competition.')
      .min(1, 'Kompetisi tidak valid.|Not a valid competition.')
      .max(2_147_483_647, 'Kompetisi tidak valid.|Not a valid competition.'),
  ),
  category: optional(key('kategori', 'category')),
  group: optional(key('kelompok', 'group')),
  award: optional(awardLevelSchema),
  province: optional(
    z
      .string()
      .regex(
        /^[0-9]{2}$/,
        'Kode provinsi ditulis dua angka, misalnya 36.|A province code is two digits, e.g. 36.',
      ),
  ),
  regency: optional(
    z
      .string()
      .regex(
        /^[0-9]{2}\.[0-9]{2}$/,
        'Kode kabupaten/kota ditulis seperti 36.03.|A regency/city code is written like 36.03.',
      ),
  ),
  participantType: optional(institutionTypeSchema),
  sort: optional(
    z.enum(GALLERY_SORTS, {
      error: 'Urutan tidak dikenal: relevance, year atau award.|Unknown sort: relevance, year or award.',
    }),
  ),
  page: optional(
    z.coerce
      .number('Halaman ditulis dengan angka.|The page is a number.')
      .int('Halaman ditulis dengan angka.|The page is a number.')
      .min(1, 'Halaman dimulai dari 1.|Pages start at 1.')
      .max(GALLERY_PAGE_MAX, `Halaman paling banyak ${GALLERY_PAGE_MAX}.|At most page ${GALLERY_PAGE_MAX}.`),
  ),
  pageSize: optional(
    z.coerce
      .number('Ukuran halaman ditulis dengan angka.|The page size is a number.')
      .int('Ukuran halaman ditulis dengan angka.|The page size is a number.')
      .min(1, 'Ukuran halaman paling sedikit 1.|The page size is at least 1.')
      .max(
        GALLERY_PAGE_SIZE_MAX,
        `Ukuran halaman paling banyak ${GALLERY_PAGE_SIZE_MAX}.|The page size is at most ${GALLERY_PAGE_SIZE_MAX}.`,
      ),
  ),
});
export type GalleryQuery = z.infer<typeof galleryQuery>;

export const gallerySlugParams = z.object({
  // Any text: an address that is not in the gallery is 404, in any case of letters.
  slug: z
    .string()
    .max(200, 'Alamat inovasi terlalu panjang.|The innovation address is too long.')
    .transform((s) => s.toLowerCase()),
});

const bilingual = z.object({ id: z.string(), en: z.string() });

export const galleryEntrySchema = z.object({
  slug: z.string(),
  title: z.string(),
  acronym: z.string().nullable(),
  summary: z.string(),
  competition: z.object({ id: z.number(), code: z.string(), name: z.string(), year: z.number() }),
  year: z.number(),
  category: z.object({ key: z.string(), name: bilingual }).nullable(),
  group: z.object({ key: z.string(), name: bilingual }),
  institution: z.object({ name: z.string(), type: institutionTypeSchema }),
  participantType: institutionTypeSchema,
  province: z.object({ code: z.string(), name: z.string() }).nullable(),
  regency: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Award levels, best first (TOP99 = finalist). */
  awards: z.array(awardLevelSchema),
  basis: z.enum(['finalist', 'consented']),
  publishedAt: z.string(),
  updatedAt: z.string(),
});
export type GalleryEntry = z.infer<typeof galleryEntrySchema>;

export const segmentSchema = z.object({ text: z.string(), hit: z.boolean() });

export const galleryItemSchema = galleryEntrySchema.extend({
  /** With a query: the best window of the text, hits marked (render as text, a hit in <mark>). */
  snippet: z.array(segmentSchema).nullable(),
  /** The yearly status flag (issue 14 point 4): continuing, halted, or unconfirmed after the yearly prompt. */
  status: z.enum(['continuing', 'halted', 'unconfirmed']),
});
export type GalleryItem = z.infer<typeof galleryItemSchema>;

export const galleryListResponse = z.object({
  items: z.array(galleryItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  sort: z.enum(GALLERY_SORTS),
  /** The query's words read as other written words (typos), for "did you mean". */
  corrections: z.array(z.object({ word: z.string(), correctedTo: z.array(z.string()) })),
  /**
   * False when a word of the query is so common that the search read only its best postings (a cap per
   * word and field): `total` counts the most relevant candidates, not every entry with the word, and a
   * sort by year or award orders those candidates. True without a query or when nothing was cut.
   */
  complete: z.boolean(),
});
export type GalleryListResponse = z.infer<typeof galleryListResponse>;

const facetCount = { count: z.number() };

/** GET /api/public/gallery/facets: the values the gallery's filters can take, with how many entries have each. */
export const galleryFacetsResponse = z.object({
  years: z.array(z.object({ year: z.number(), ...facetCount })),
  competitions: z.array(z.object({ id: z.number(), name: z.string(), year: z.number(), ...facetCount })),
  categories: z.array(z.object({ key: z.string(), name: bilingual, ...facetCount })),
  groups: z.array(z.object({ key: z.string(), name: bilingual, ...facetCount })),
  /** Best level first. */
  awards: z.array(z.object({ level: awardLevelSchema, ...facetCount })),
  provinces: z.array(z.object({ code: z.string(), name: z.string(), ...facetCount })),
  participantTypes: z.array(z.object({ type: institutionTypeSchema, ...facetCount })),
});
export type GalleryFacets = z.infer<typeof galleryFacetsResponse>;
