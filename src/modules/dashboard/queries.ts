import { getProvinces } from 'idn-area-data';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { CountRow, InstantCount } from '../../domain/dashboard.js';
import { provincePlaceName } from '../../domain/institutions.js';
import { ORGANIZER_VISIBLE_STATES } from '../../domain/proposal-workflow.js';
import { provinceKeySql } from '../proposals/queries.js';

export async function findCompetitionRow(db: Db, id: number) {
  return db.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSubmissionStage(db: Db, competitionId: number) {
  return db
    .selectFrom('stages')
    .select(['opens_at', 'closes_at', 'settings'])
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'submission')
    .executeTakeFirst();
}

/** The competition's groups and categories in their order, with both names. */
export async function competitionLabels(db: Db, competitionId: number) {
  const [groups, categories] = await Promise.all([
    db
      .selectFrom('competition_groups')
      .select(['key', 'name_id', 'name_en'])
      .where('competition_id', '=', competitionId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('categories')
      .select(['key', 'name_id', 'name_en'])
      .where('competition_id', '=', competitionId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  const label = (r: { key: string; name_id: string; name_en: string }) => ({
    key: r.key,
    label: { id: r.name_id, en: r.name_en },
  });
  return { groups: groups.map(label), categories: categories.map(label) };
}

/**
 * Every proposal of the competition counted by state, group, category, participant type and province: one
 * grouped query whatever the number of proposals (counts only, no content).
 */
export async function dashboardCountRows(db: Db, competitionId: number): Promise<CountRow[]> {
  const province = provinceKeySql('i', 'owner');
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as cat', 'cat.id', 'p.category_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .select((eb) => [
      'p.state',
      'g.key as group_key',
      'cat.key as category_key',
      'i.type as institution_type',
      province.as('province_key'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('p.competition_id', '=', competitionId)
    .groupBy(['p.state', 'g.key', 'cat.key', 'i.type', province])
    .execute();
  return rows.map((r) => ({
    state: r.state,
    groupKey: r.group_key,
    categoryKey: r.category_key,
    institutionType: r.institution_type,
    provinceKey: r.province_key,
    n: Number(r.n),
  }));
}

/**
 * When proposals were started, (last) sent to their admin lokal and forwarded to the organizer, counted per
 * minute of UTC (ISO text cut to 16 characters): few rows, and exact for any zone's day boundaries.
 */
export async function dashboardInstants(db: Db, competitionId: number): Promise<InstantCount[]> {
  const minute = (column: 'p.created_at' | 'p.sent_at' | 'p.forwarded_at') =>
    sql<string>`substr(${sql.ref(column)}, 1, 16)`;
  const series = async (name: InstantCount['series'], column: Parameters<typeof minute>[0]) => {
    const at = minute(column);
    let q = db
      .selectFrom('proposals as p')
      .select((eb) => [at.as('at'), eb.fn.countAll<number>().as('n')])
      .where('p.competition_id', '=', competitionId)
      .where(column, 'is not', null);
    // A withdrawn proposal has no forwarded_at; a received one keeps it.
    if (name === 'forwarded') q = q.where('p.state', 'in', [...ORGANIZER_VISIBLE_STATES]);
    const rows = await q.groupBy(at).execute();
    return rows.map((r) => ({ series: name, at: r.at, n: Number(r.n) }));
  };
  const all = await Promise.all([
    series('started', 'p.created_at'),
    series('sent', 'p.sent_at'),
    series('forwarded', 'p.forwarded_at'),
  ]);
  return all.flat();
}

let provinceNames: Promise<Map<string, string>> | null = null;

/** Province names by two-digit code, as people write them ("Jawa Barat", "DI Yogyakarta"), read once. */
export function provincePlaces(): Promise<Map<string, string>> {
  provinceNames ??= getProvinces()
    .then((list) => new Map(list.map((p) => [p.code, provincePlaceName(p)])))
    .catch((err: unknown) => {
      provinceNames = null;
      throw err;
    });
  return provinceNames;
}
