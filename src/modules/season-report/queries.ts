import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { FunnelCounts } from '../../contracts/season-report.js';
import { NATIONAL_INSTITUTION_TYPES, PROVINCE_NATIONAL, PROVINCE_UNKNOWN } from '../../domain/dashboard.js';
import {
  BEFORE_ADMIN_RESULT_STATES,
  BEFORE_ORGANIZER_STATES,
  FINALIST_AWARD_LEVEL,
  PASSED_ADMIN_STATES,
  type FunnelRow,
} from '../../domain/season-report.js';
import { provinceKeySql } from '../proposals/list.js';

/*
 * The season report's counts: ONE grouped query over the competition's proposals, never a row per proposal
 * in memory. Each proposal's steps (domain/season-report.ts) are CASE expressions over its state and five
 * derived tables joined once each (advanced from evaluation_1, on the published final list, written in
 * the award registry, revised by `passAdmin`, by `unshortlist`; each read by an index: stage_results_once,
 * finalist_lines_once, awards_from_proposal, proposal_revisions_action of migration 0042). The proposals are
 * found by proposals_scope (competition_id first). A correlated EXISTS per proposal was 5 s on PostgreSQL
 * at 30,000 proposals (six subplans, each a scan of the revisions); the joins make it one pass.
 */

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/** A regency/city code ("33.02"), the two-digit province for its own institutions, or a dashboard key. */
function regencyKeySql(institution: string, owner: string) {
  const region = sql<
    string | null
  >`coalesce(${sql.ref(`${institution}.region_code`)}, ${sql.ref(`${owner}.region_code`)})`;
  return sql<string>`(case when ${sql.ref(`${institution}.type`)} in (${list(NATIONAL_INSTITUTION_TYPES)}) then ${sql.lit(PROVINCE_NATIONAL)} when ${region} is null then ${sql.lit(PROVINCE_UNKNOWN)} else substr(${region}, 1, 5) end)`;
}

/** Whether a proposal reached each step, as SQL conditions (each includes the later steps). */
function stepConditions() {
  const topTerpuji = sql`aw.top = 1`;
  const finalist = sql`(aw.proposal_id is not null or p.state = 'finalist' or (fl.proposal_id is not null and un.proposal_id is null))`;
  const nominated = sql`(${finalist} or nm.proposal_id is not null)`;
  const passedAdmin = sql`(${nominated} or p.state in (${list(PASSED_ADMIN_STATES)}) or (p.state not in (${list(BEFORE_ADMIN_RESULT_STATES)}) and pa.proposal_id is not null))`;
  const forwarded = sql`(${passedAdmin} or p.state not in (${list(BEFORE_ORGANIZER_STATES)}))`;
  return { forwarded, passedAdmin, nominated, finalist, topTerpuji };
}

const sumOf = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

export interface FunnelScope {
  competitionIds: readonly number[];
  /** Only institutions in this province (two-digit code). */
  province: string | null;
  regionLevel: 'province' | 'regency';
}

function funnelBase(db: Db, scope: FunnelScope) {
  const ids = [...scope.competitionIds];
  const nominatedIds = db
    .selectFrom('stage_results as sr')
    .innerJoin('stages as s', 's.id', 'sr.stage_id')
    .select('sr.proposal_id')
    .where('s.competition_id', 'in', ids)
    .where('s.kind', '=', 'evaluation_1')
    .where('sr.outcome', '=', 'advanced')
    .groupBy('sr.proposal_id');
  const finalListIds = db
    .selectFrom('finalist_lines as l')
    .innerJoin('finalist_selections as fs', 'fs.id', 'l.selection_id')
    .select('l.proposal_id')
    .where('fs.competition_id', 'in', ids)
    .where('fs.final_published_at', 'is not', null)
    .where('l.selected', '=', 1)
    .groupBy('l.proposal_id');
  const awarded = db
    .selectFrom('awards')
    .select([
      'proposal_id',
      sql<number>`max(case when level = ${sql.lit(FINALIST_AWARD_LEVEL)} then 0 else 1 end)`.as('top'),
    ])
    .where('competition_id', 'in', ids)
    .where('proposal_id', 'is not', null)
    .groupBy('proposal_id');
  // The competitions' proposals with a transition revision of `action` (proposal_revisions_action).
  const revised = (action: 'passAdmin' | 'unshortlist') =>
    db
      .selectFrom('proposal_revisions as r')
      .innerJoin('proposals as rp', 'rp.id', 'r.proposal_id')
      .select('r.proposal_id')
      .where('r.action', '=', action)
      .where('rp.competition_id', 'in', ids)
      .groupBy('r.proposal_id');
  let q = db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .leftJoin(nominatedIds.as('nm'), 'nm.proposal_id', 'p.id')
    .leftJoin(finalListIds.as('fl'), 'fl.proposal_id', 'p.id')
    .leftJoin(awarded.as('aw'), 'aw.proposal_id', 'p.id')
    .leftJoin(revised('passAdmin').as('pa'), 'pa.proposal_id', 'p.id')
    .leftJoin(revised('unshortlist').as('un'), 'un.proposal_id', 'p.id')
    .where('p.competition_id', 'in', ids);
  if (scope.province) q = q.where(provinceKeySql('i', 'owner'), '=', scope.province);
  const c = stepConditions();
  const sums = [
    sql<number>`count(*)`.as('registered'),
    sumOf(c.forwarded).as('forwarded'),
    sumOf(c.passedAdmin).as('passed_admin'),
    sumOf(c.nominated).as('nominated'),
    sumOf(c.finalist).as('finalist'),
    sumOf(c.topTerpuji).as('top_terpuji'),
  ] as const;
  return { q, sums };
}

const countsOf = (r: {
  registered: unknown;
  forwarded: unknown;
  passed_admin: unknown;
  nominated: unknown;
  finalist: unknown;
  top_terpuji: unknown;
}): FunnelCounts => ({
  registered: Number(r.registered ?? 0),
  forwarded: Number(r.forwarded ?? 0),
  passedAdmin: Number(r.passed_admin ?? 0),
  nominated: Number(r.nominated ?? 0),
  finalist: Number(r.finalist ?? 0),
  topTerpuji: Number(r.top_terpuji ?? 0),
});

/** The grouped query of `funnelRows` (the bench prints its plans). */
export function funnelRowsQuery(db: Db, scope: FunnelScope) {
  const { q, sums } = funnelBase(db, scope);
  const region =
    scope.regionLevel === 'province' ? provinceKeySql('i', 'owner') : regencyKeySql('i', 'owner');
  return q
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as cat', 'cat.id', 'p.category_id')
    .select(['g.key as group_key', 'cat.key as category_key', 'i.type as institution_type'])
    .select(region.as('region_key'))
    .select([...sums])
    .groupBy(['g.key', 'cat.key', 'i.type', region]);
}

/** The competition's funnel grouped by category, group, participant type and region. */
export async function funnelRows(db: Db, scope: FunnelScope): Promise<FunnelRow[]> {
  const rows = await funnelRowsQuery(db, scope).execute();
  return rows.map((r) => ({
    categoryKey: r.category_key,
    groupKey: r.group_key,
    institutionType: r.institution_type,
    regionKey: r.region_key,
    counts: countsOf(r),
  }));
}

/** The funnel of each competition (for the years' comparison). */
export async function funnelByCompetition(db: Db, scope: FunnelScope): Promise<Map<number, FunnelCounts>> {
  if (!scope.competitionIds.length) return new Map();
  const { q, sums } = funnelBase(db, scope);
  const rows = await q
    .select('p.competition_id')
    .select([...sums])
    .groupBy('p.competition_id')
    .execute();
  return new Map(rows.map((r) => [r.competition_id, countsOf(r)]));
}

/** Whether the competition's final finalist list is fixed. */
export async function finalListPublished(db: Db, competitionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('finalist_selections')
    .select('id')
    .where('competition_id', '=', competitionId)
    .where('final_published_at', 'is not', null)
    .executeTakeFirst();
  return !!row;
}

/** Regency/city names by code ("33.02" → "Kabupaten Banyumas") from the regional governments registered. */
export async function regencyPlaces(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = codes.filter((c) => c.length === 5);
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('institutions')
    .select(['name', 'region_code'])
    .where('region_code', 'in', wanted)
    .where('type', 'in', ['pemerintah_kabupaten', 'pemerintah_kota'])
    .orderBy('id')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows)
    if (r.region_code && !out.has(r.region_code))
      out.set(r.region_code, r.name.replace(/^Pemerintah\s+/i, ''));
  return out;
}

/** The provinces of the competition's participants (for the province filter). */
export async function participantProvinces(db: Db, competitionId: number): Promise<string[]> {
  const key = provinceKeySql('i', 'owner');
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .select(key.as('k'))
    .where('p.competition_id', '=', competitionId)
    .groupBy(key)
    .execute();
  return rows.map((r) => r.k).filter((k) => /^[0-9]{2}$/.test(k));
}
