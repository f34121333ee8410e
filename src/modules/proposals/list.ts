import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { InstitutionType, ProposalStateValue } from '../../db/schema.js';
import {
  CATEGORY_NONE,
  NATIONAL_INSTITUTION_TYPES,
  PROVINCE_NATIONAL,
  PROVINCE_UNKNOWN,
} from '../../domain/dashboard.js';
import { containsPattern, ilike } from '../../db/like.js';

/** Which proposals a caller sees (from policy-scopes.ts proposalScope) and the list's filters. */
export interface ProposalListFilter {
  any: boolean;
  institutionIds: number[];
  unitIds: number[];
  anyOrganizer: boolean;
  organizerIds: number[];
  organizerStates: readonly ProposalStateValue[];
  /** Only these states, whoever asks (the organizer's export lists what reached it). */
  onlyStates?: readonly ProposalStateValue[];
  competitionId?: number;
  /** Any of these states. */
  state?: readonly ProposalStateValue[];
  unitId?: number;
  groupKey?: string;
  categoryKey?: string;
  institutionType?: InstitutionType;
  /** A two-digit province code, PROVINCE_NATIONAL or PROVINCE_UNKNOWN (see domain/dashboard). */
  provinceCode?: string;
  q?: string;
  sort?: ProposalSort;
  dir?: 'asc' | 'desc';
}

export type ProposalSort = 'updatedAt' | 'code' | 'title' | 'institution' | 'state' | 'forwardedAt';

/**
 * The province an institution counts in, as SQL (the same rule as domain/dashboard provinceKeyOf): the
 * national types in "pusat", else the first two digits of its region code or its owner's. The constants
 * are inlined so that PostgreSQL sees one and the same expression in SELECT, WHERE and GROUP BY.
 */
export function provinceKeySql(institution: string, owner: string) {
  const region = sql<
    string | null
  >`coalesce(${sql.ref(`${institution}.region_code`)}, ${sql.ref(`${owner}.region_code`)})`;
  const national = sql.join(NATIONAL_INSTITUTION_TYPES.map((type) => sql.lit(type)));
  return sql<string>`(case when ${sql.ref(`${institution}.type`)} in (${national}) then ${sql.lit(PROVINCE_NATIONAL)} when ${region} is null then ${sql.lit(PROVINCE_UNKNOWN)} else substr(${region}, 1, 2) end)`;
}

/**
 * The proposals matching the filter, read from `proposals` alone: every other table a filter names is
 * asked in a subquery on its own key (a group, a category, institutions, units, the organizer's
 * competitions), so the organizer's full list — the commonest and largest answer — joins nothing (the
 * names come once per id, `namesOf`; the export joins them in `withListColumns`).
 */
function proposalListBase(db: Db, f: ProposalListFilter) {
  let q = db.selectFrom('proposals as p');
  if (!f.any)
    q = q.where((eb) => {
      const ors = [];
      if (f.institutionIds.length) ors.push(eb('p.institution_id', 'in', f.institutionIds));
      if (f.unitIds.length) ors.push(eb('p.unit_id', 'in', f.unitIds));
      if (f.anyOrganizer) ors.push(eb('p.state', 'in', [...f.organizerStates]));
      else if (f.organizerIds.length)
        ors.push(
          eb.and([
            eb(
              'p.competition_id',
              'in',
              eb
                .selectFrom('competitions as oc')
                .select('oc.id')
                .where('oc.organizer_institution_id', 'in', f.organizerIds),
            ),
            eb('p.state', 'in', [...f.organizerStates]),
          ]),
        );
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  if (f.onlyStates) q = q.where('p.state', 'in', [...f.onlyStates]);
  if (f.competitionId !== undefined) q = q.where('p.competition_id', '=', f.competitionId);
  if (f.state !== undefined) q = q.where('p.state', 'in', [...f.state]);
  if (f.unitId !== undefined) q = q.where('p.unit_id', '=', f.unitId);
  const groupKey = f.groupKey;
  if (groupKey !== undefined)
    q = q.where('p.group_id', 'in', (eb) =>
      eb.selectFrom('competition_groups as fg').select('fg.id').where('fg.key', '=', groupKey),
    );
  const categoryKey = f.categoryKey;
  if (categoryKey !== undefined)
    q =
      categoryKey === CATEGORY_NONE
        ? q.where('p.category_id', 'is', null)
        : q.where('p.category_id', 'in', (eb) =>
            eb.selectFrom('categories as fc').select('fc.id').where('fc.key', '=', categoryKey),
          );
  const { institutionType, provinceCode } = f;
  if (institutionType !== undefined || provinceCode !== undefined)
    q = q.where('p.institution_id', 'in', (eb) => {
      let inst = eb
        .selectFrom('institutions as fi')
        .leftJoin('institutions as fo', 'fo.id', 'fi.parent_id')
        .select('fi.id');
      if (institutionType !== undefined) inst = inst.where('fi.type', '=', institutionType);
      if (provinceCode !== undefined) inst = inst.where(provinceKeySql('fi', 'fo'), '=', provinceCode);
      return inst;
    });
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        ilike('p.title', pattern),
        ilike('p.acronym', pattern),
        ilike('p.code', pattern),
        eb(
          'p.institution_id',
          'in',
          eb.selectFrom('institutions as si').select('si.id').where(ilike('si.name', pattern)),
        ),
        eb('p.unit_id', 'in', eb.selectFrom('units as su').select('su.id').where(ilike('su.name', pattern))),
      ]),
    );
  }
  return q;
}

/**
 * The proposal's own columns a list and an export show: not its texts, links, contact or refusals, which
 * only the editor reads (a full row is several times the work for SQLite and the driver).
 */
const PROPOSAL_COLUMNS = [
  'p.id',
  'p.code',
  'p.title',
  'p.acronym',
  'p.state',
  'p.version',
  'p.created_at',
  'p.updated_at',
  'p.sent_at',
  'p.forwarded_at',
  'p.received_at',
  'p.competition_id',
  'p.group_id',
  'p.category_id',
  'p.institution_id',
  'p.unit_id',
] as const;

/** How many pieces of evidence the proposal holds (served by the proposal_attachments index). */
const attachmentCount =
  sql<number>`(select count(*) from proposal_attachments as a where a.proposal_id = p.id)`.as(
    'attachment_count',
  );

/** The export's rows: the proposal's columns with the names of what it belongs to, flat. */
function withListColumns(q: ReturnType<typeof proposalListBase>) {
  return q
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as cat', 'cat.id', 'p.category_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(PROPOSAL_COLUMNS)
    .select([
      'c.code as competition_code',
      'c.name as competition_name',
      'c.year as competition_year',
      'c.time_zone as competition_time_zone',
      'g.key as group_key',
      'g.name_id as group_name_id',
      'g.name_en as group_name_en',
      'cat.key as category_key',
      'cat.name_id as category_name_id',
      'cat.name_en as category_name_en',
      'i.name as institution_name',
      'i.type as institution_type',
      provinceKeySql('i', 'owner').as('province_code'),
      'u.name as unit_name',
      attachmentCount,
    ]);
}

/**
 * The list's rows: the proposal's columns and the ids of what it belongs to. The names come once per id
 * (`namesOf`): the organizer's full list names one competition, a few groups and categories, and a few
 * hundred institutions for thousands of proposals. The evidence counts come after, in one grouped read
 * (`attachmentCounts`): a count per row in the statement cost PostgreSQL more than the rest of the list.
 */
function withIdColumns(q: ReturnType<typeof proposalListBase>) {
  return q.select(PROPOSAL_COLUMNS);
}

/** Orders a list; every order ends on the id so pages never overlap (NULLs sort as '' in both dialects). */
function ordered<
  Q extends
    | ReturnType<typeof withListColumns>
    | ReturnType<typeof withIdColumns>
    | ReturnType<typeof proposalListBase>,
>(q: Q, f: ProposalListFilter): Q {
  const dir =
    f.dir ?? (f.sort === undefined || f.sort === 'updatedAt' || f.sort === 'forwardedAt' ? 'desc' : 'asc');
  const by = {
    updatedAt: sql`p.updated_at`,
    code: sql`p.code`,
    title: sql`lower(p.title)`,
    institution: sql`(select lower(si.name) from institutions as si where si.id = p.institution_id)`,
    state: sql`p.state`,
    forwardedAt: sql`coalesce(p.forwarded_at, '')`,
  }[f.sort ?? 'updatedAt'];
  return (q as ReturnType<typeof proposalListBase>).orderBy(by, dir).orderBy('p.id', dir) as Q;
}

/** One page of a list: the proposals' rows, the names they refer to by id, and how many match in all. */
export interface ProposalListPage {
  rows: ProposalListItemRow[];
  names: ListNames;
  total: number;
}

/**
 * The proposals in the caller's scope (newest change first unless sorted), with the names a list shows.
 * Without a pageSize every match comes back, and their number is the total (no second count).
 */
export async function listProposals(
  db: Db,
  f: ProposalListFilter,
  paging: { page: number; pageSize?: number } = { page: 1 },
): Promise<ProposalListPage> {
  let q = ordered(withIdColumns(proposalListBase(db, f)), f);
  if (paging.pageSize !== undefined) q = q.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize);
  const found = await q.execute();
  const counts = await attachmentCounts(
    db,
    found.map((r) => r.id),
  );
  const rows: ProposalListItemRow[] = found.map((r) =>
    Object.assign(r, { attachment_count: counts.get(r.id) ?? 0 }),
  );
  const total =
    paging.pageSize === undefined
      ? rows.length
      : Number(
          (
            await proposalListBase(db, f)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return { rows, names: await namesOf(db, rows), total };
}

/** The names of the competitions, groups, categories, institutions and units the rows refer to, by id. */
export interface ListNames {
  competitions: Map<number, { code: string; name: string; year: number; time_zone: string }>;
  groups: Map<number, { key: string; name_id: string; name_en: string }>;
  categories: Map<number, { key: string; name_id: string; name_en: string }>;
  institutions: Map<number, { name: string; type: InstitutionType; province_code: string }>;
  units: Map<number, { name: string }>;
}

/** Ids in an `in` list per statement (well under SQLite's and PostgreSQL's parameter limits). */
const IDS_PER_STATEMENT = 1000;

async function byIds<R extends { id: number }>(
  ids: Iterable<number | null>,
  read: (chunk: number[]) => Promise<R[]>,
): Promise<Map<number, R>> {
  const all = [...new Set(ids)].filter((id): id is number => id !== null);
  const out = new Map<number, R>();
  for (let i = 0; i < all.length; i += IDS_PER_STATEMENT)
    for (const r of await read(all.slice(i, i + IDS_PER_STATEMENT))) out.set(r.id, r);
  return out;
}

/** How many pieces of evidence each of the proposals holds (absent: none), by the proposal_attachments index. */
async function attachmentCounts(db: Db, proposalIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < proposalIds.length; i += IDS_PER_STATEMENT) {
    const counted = await db
      .selectFrom('proposal_attachments')
      .select(['proposal_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('proposal_id', 'in', proposalIds.slice(i, i + IDS_PER_STATEMENT))
      .groupBy('proposal_id')
      .execute();
    for (const c of counted) out.set(c.proposal_id, Number(c.n));
  }
  return out;
}

async function namesOf(db: Db, rows: ProposalListItemRow[]): Promise<ListNames> {
  return {
    competitions: await byIds(
      rows.map((r) => r.competition_id),
      (ids) =>
        db
          .selectFrom('competitions')
          .select(['id', 'code', 'name', 'year', 'time_zone'])
          .where('id', 'in', ids)
          .execute(),
    ),
    groups: await byIds(
      rows.map((r) => r.group_id),
      (ids) =>
        db
          .selectFrom('competition_groups')
          .select(['id', 'key', 'name_id', 'name_en'])
          .where('id', 'in', ids)
          .execute(),
    ),
    categories: await byIds(
      rows.map((r) => r.category_id),
      (ids) =>
        db
          .selectFrom('categories')
          .select(['id', 'key', 'name_id', 'name_en'])
          .where('id', 'in', ids)
          .execute(),
    ),
    institutions: await byIds(
      rows.map((r) => r.institution_id),
      (ids) =>
        db
          .selectFrom('institutions as i')
          .leftJoin('institutions as owner', 'owner.id', 'i.parent_id')
          .select(['i.id', 'i.name', 'i.type', provinceKeySql('i', 'owner').as('province_code')])
          .where('i.id', 'in', ids)
          .execute(),
    ),
    units: await byIds(
      rows.map((r) => r.unit_id),
      (ids) => db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute(),
    ),
  };
}

/**
 * Every match in list order, in batches (ids first, then rows), so an export stays in bounded memory: flat
 * rows with the names (`ProposalListRow`).
 */
export async function* proposalBatches(
  db: Db,
  f: ProposalListFilter,
  batchSize = 500,
): AsyncGenerator<ProposalListRow[]> {
  const ids = (await ordered(proposalListBase(db, f).select('p.id'), f).execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batchSize) {
    const chunk = ids.slice(i, i + batchSize);
    const rows = await withListColumns(proposalListBase(db, f)).where('p.id', 'in', chunk).execute();
    const byId = new Map(rows.map((r) => [r.id, normalizeListRow(r)]));
    // A proposal that left the filter between the two reads is skipped rather than shown stale.
    yield chunk.map((id) => byId.get(id)).filter((r): r is ProposalListRow => r !== undefined);
  }
}

type RawListRow = Awaited<ReturnType<ReturnType<typeof withListColumns>['execute']>>[number];
/** A row of the list: the proposal's columns, the ids of what it belongs to, its evidence count. */
export type ProposalListItemRow = Awaited<ReturnType<ReturnType<typeof withIdColumns>['execute']>>[number] & {
  attachment_count: number;
};
export type ProposalListRow = Omit<RawListRow, 'attachment_count'> & { attachment_count: number };

const normalizeListRow = (r: RawListRow): ProposalListRow => ({
  ...r,
  attachment_count: Number(r.attachment_count ?? 0),
});
