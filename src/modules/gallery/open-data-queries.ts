import type { Db } from '../../db/connect.js';
import type { GalleryStats } from '../../contracts/gallery-data.js';
import type { AwardLevel } from '../../contracts/awards.js';
import { awardRank, orderAwards } from '../../domain/gallery.js';
import { filtered, type GalleryFilter } from './queries.js';
import type { PublicEntryRow } from './public-view.js';

/*
 * The SQL of the gallery's open data and statistics (issue 14 point 6): gallery_entries only, so a proposal
 * without a gallery row (no consent, no published result) is in no download and no count.
 */

/** Rows per read of the download: a batch is a few hundred kB, never the whole gallery at once. */
export const OPEN_DATA_BATCH = 1000;

/** Every column but the answers (the search's text, not a public field of the download). */
const PUBLIC_COLUMNS = [
  'e.id',
  'e.proposal_id',
  'e.competition_id',
  'e.competition_code',
  'e.competition_name',
  'e.slug',
  'e.title',
  'e.acronym',
  'e.summary',
  'e.category_key',
  'e.category_name_id',
  'e.category_name_en',
  'e.group_key',
  'e.group_name_id',
  'e.group_name_en',
  'e.institution_name',
  'e.institution_type',
  'e.province_code',
  'e.province_name',
  'e.regency_code',
  'e.regency_name',
  'e.year',
  'e.awards',
  'e.award_rank',
  'e.basis',
  'e.title_length',
  'e.acronym_length',
  'e.answers_length',
  'e.published_at',
  'e.updated_at',
] as const;

/**
 * The filtered entries in batches, in the order they entered the gallery (id): each batch is read after
 * the last one's id, so the download holds one batch in memory whatever the gallery's size.
 */
export async function* openDataBatches(
  db: Db,
  f: GalleryFilter,
  batchSize = OPEN_DATA_BATCH,
): AsyncGenerator<PublicEntryRow[]> {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, f)
      .select(PUBLIC_COLUMNS)
      .where('e.id', '>', after)
      .orderBy('e.id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

const n = (v: number | string | bigint) => Number(v);
const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

/**
 * The statistics of the filtered entries: one GROUP BY per dimension on its key alone, so each reads an
 * index of its column (migration 0047), never the table's wide rows; the names come after, one row per key
 * (categories) or from the reference data (provinces).
 */
export async function galleryStats(db: Db, f: GalleryFilter): Promise<GalleryStats> {
  const e = () => filtered(db, f);
  const [total, years, categories, provinces, types, awardSets] = await Promise.all([
    e()
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
    e()
      .select((eb) => ['e.year', eb.fn.countAll<number | string>().as('n')])
      .groupBy('e.year')
      .execute(),
    e()
      .select((eb) => ['e.category_key', eb.fn.countAll<number | string>().as('n')])
      .groupBy('e.category_key')
      .execute(),
    e()
      .select((eb) => ['e.province_code', eb.fn.countAll<number | string>().as('n')])
      .groupBy('e.province_code')
      .execute(),
    e()
      .select((eb) => ['e.institution_type', eb.fn.countAll<number | string>().as('n')])
      .groupBy('e.institution_type')
      .execute(),
    e()
      .select((eb) => ['e.awards', eb.fn.countAll<number | string>().as('n')])
      .groupBy('e.awards')
      .execute(),
  ]);
  const [categoryNames, provinceNames] = await Promise.all([
    namesOfCategories(
      db,
      categories.flatMap((r) => (r.category_key === null ? [] : [r.category_key])),
    ),
    namesOfProvinces(
      db,
      provinces.flatMap((r) => (r.province_code === null ? [] : [r.province_code])),
    ),
  ]);
  const perLevel = new Map<AwardLevel, number>();
  for (const a of awardSets)
    for (const level of orderAwards(JSON.parse(a.awards) as string[]))
      perLevel.set(level, (perLevel.get(level) ?? 0) + n(a.n));
  // Equal counts keep a fixed order (by key), the same on both databases.
  const tie = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    total: n(total.n),
    years: years.map((r) => ({ year: n(r.year), count: n(r.n) })).sort((a, b) => b.year - a.year),
    categories: categories
      .filter((r) => r.category_key !== null)
      .map((r) => ({
        key: r.category_key!,
        name: categoryNames.get(r.category_key!) ?? { id: r.category_key!, en: r.category_key! },
        count: n(r.n),
      }))
      .sort((a, b) => byCount(a, b) || tie(a.key, b.key)),
    withoutCategory: n(categories.find((r) => r.category_key === null)?.n ?? 0),
    provinces: provinces
      .filter((r) => r.province_code !== null)
      .map((r) => ({
        code: r.province_code!,
        name: provinceNames.get(r.province_code!) ?? r.province_code!,
        count: n(r.n),
      }))
      .sort((a, b) => byCount(a, b) || tie(a.code, b.code)),
    withoutProvince: n(provinces.find((r) => r.province_code === null)?.n ?? 0),
    participantTypes: types
      .map((r) => ({ type: r.institution_type, count: n(r.n) }))
      .sort((a, b) => byCount(a, b) || tie(a.type, b.type)),
    awards: [...perLevel]
      .sort(([a], [b]) => awardRank(a) - awardRank(b))
      .map(([level, count]) => ({ level, count })),
  };
}

/** A category's names as its entries hold them: one entry per key (an index seek and one row). */
async function namesOfCategories(db: Db, keys: readonly string[]) {
  const out = new Map<string, { id: string; en: string }>();
  for (const key of keys) {
    const row = await db
      .selectFrom('gallery_entries')
      .select(['category_name_id', 'category_name_en'])
      .where('category_key', '=', key)
      .limit(1)
      .executeTakeFirst();
    out.set(key, { id: row?.category_name_id ?? key, en: row?.category_name_en ?? key });
  }
  return out;
}

/** A province's name as its entries hold it: one entry per code. */
async function namesOfProvinces(db: Db, codes: readonly string[]) {
  const out = new Map<string, string>();
  for (const code of codes) {
    const row = await db
      .selectFrom('gallery_entries')
      .select('province_name')
      .where('province_code', '=', code)
      .limit(1)
      .executeTakeFirst();
    out.set(code, row?.province_name ?? code);
  }
  return out;
}
