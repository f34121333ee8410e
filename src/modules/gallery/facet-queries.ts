import type { Db } from '../../db/connect.js';
import type { GalleryFacets } from '../../contracts/gallery.js';
import { orderAwards, awardRank } from '../../domain/gallery.js';
import type { AwardLevel } from '../../contracts/awards.js';

/*
 * The gallery's facets (issue 14): for each filter, the values its entries have and how many entries have
 * each — read from gallery_entries only, so a private proposal counts nowhere.
 */

const n = (v: number | string | bigint) => Number(v);

export async function galleryFacets(db: Db): Promise<GalleryFacets> {
  const e = () => db.selectFrom('gallery_entries');
  const [years, competitions, categories, groups, awardSets, provinces, types] = await Promise.all([
    e()
      .select((eb) => ['year', eb.fn.countAll<number>().as('n')])
      .groupBy('year')
      .orderBy('year', 'desc')
      .execute(),
    e()
      .select((eb) => [
        'competition_id',
        eb.fn.min('competition_name').as('name'),
        eb.fn.min('year').as('year'),
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy('competition_id')
      .orderBy('competition_id', 'desc')
      .execute(),
    e()
      .select((eb) => [
        'category_key',
        eb.fn.min('category_name_id').as('name_id'),
        eb.fn.min('category_name_en').as('name_en'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('category_key', 'is not', null)
      .groupBy('category_key')
      .orderBy('category_key')
      .execute(),
    e()
      .select((eb) => [
        'group_key',
        eb.fn.min('group_name_id').as('name_id'),
        eb.fn.min('group_name_en').as('name_en'),
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy('group_key')
      .orderBy('group_key')
      .execute(),
    e()
      .select((eb) => ['awards', eb.fn.countAll<number>().as('n')])
      .groupBy('awards')
      .execute(),
    e()
      .select((eb) => [
        'province_code',
        eb.fn.min('province_name').as('name'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('province_code', 'is not', null)
      .groupBy('province_code')
      .orderBy('province_code')
      .execute(),
    e()
      .select((eb) => ['institution_type', eb.fn.countAll<number>().as('n')])
      .groupBy('institution_type')
      .orderBy('institution_type')
      .execute(),
  ]);
  const perLevel = new Map<AwardLevel, number>();
  for (const a of awardSets)
    for (const level of orderAwards(JSON.parse(a.awards) as string[]))
      perLevel.set(level, (perLevel.get(level) ?? 0) + n(a.n));
  return {
    years: years.map((r) => ({ year: r.year, count: n(r.n) })),
    competitions: competitions.map((r) => ({
      id: r.competition_id,
      name: r.name,
      year: n(r.year),
      count: n(r.n),
    })),
    categories: categories.map((r) => ({
      key: r.category_key!,
      name: { id: r.name_id ?? r.category_key!, en: r.name_en ?? r.category_key! },
      count: n(r.n),
    })),
    groups: groups.map((r) => ({ key: r.group_key, name: { id: r.name_id, en: r.name_en }, count: n(r.n) })),
    awards: [...perLevel]
      .sort(([a], [b]) => awardRank(a) - awardRank(b))
      .map(([level, c]) => ({ level, count: c })),
    provinces: provinces.map((r) => ({
      code: r.province_code!,
      name: r.name ?? r.province_code!,
      count: n(r.n),
    })),
    participantTypes: types.map((r) => ({ type: r.institution_type, count: n(r.n) })),
  };
}
