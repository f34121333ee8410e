import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { InstitutionRow, InstitutionType, UnitRow } from '../../db/schema.js';
import { nameKey, regionKey, type ImportContext } from '../../domain/institutions.js';
import { ORGANIZER_VISIBLE_STATES } from '../../domain/proposal-workflow.js';
import { institutionSearchWords } from '../../domain/institutions.js';

export type InstitutionWithParent = InstitutionRow & { parent_name: string | null };
export type UnitWithCount = UnitRow & { user_count: number };

/** `%text%` for LIKE with the wildcards in the text taken literally. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** Case-insensitive "contains" in both dialects (PostgreSQL's LIKE is case-sensitive, SQLite's is not). */
const ilike = (column: string, pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

const withParent = (db: Db) =>
  db
    .selectFrom('institutions as i')
    .leftJoin('institutions as p', 'p.id', 'i.parent_id')
    .selectAll('i')
    .select('p.name as parent_name');

/**
 * One page of institutions sorted by name; every search word of `q` (abbreviations such as Kab., Pemkot,
 * Prov. written in full) must occur in the name or short name.
 */
export async function listInstitutions(
  db: Db,
  filter: { q?: string; type?: InstitutionType },
  page: number,
  pageSize: number,
): Promise<{ rows: InstitutionWithParent[]; total: number }> {
  // "Kab. Sleman" searches kabupaten + sleman (domain/institution-search.ts).
  const words = institutionSearchWords(filter.q ?? '');
  let base = db.selectFrom('institutions as i');
  if (filter.type) base = base.where('i.type', '=', filter.type);
  for (const w of words) {
    const p = containsPattern(w);
    base = base.where((eb) => eb.or([ilike('i.name', p), ilike('i.short_name', p)]));
  }
  const [rows, total] = await Promise.all([
    base
      .leftJoin('institutions as p', 'p.id', 'i.parent_id')
      .selectAll('i')
      .select('p.name as parent_name')
      .orderBy(sql`lower(${sql.ref('i.name')})`)
      .orderBy('i.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findInstitution(db: Db, id: number): Promise<InstitutionWithParent | undefined> {
  return withParent(db).where('i.id', '=', id).executeTakeFirst();
}

/** True when another institution has this name, whatever its case or spacing. */
export async function institutionNameExists(db: Db, name: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('institutions')
    .select('id')
    .where(sql<SqlBool>`lower(name) = ${nameKey(name)}`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function regionCodeTakenBy(
  db: Db,
  type: InstitutionType,
  regionCode: string,
  exceptId?: number,
): Promise<boolean> {
  let q = db
    .selectFrom('institutions')
    .select('id')
    .where('type', '=', type)
    .where('region_code', '=', regionCode);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

/** The ancestors' ids of an institution, nearest first (bounded: the tree is shallow). */
export async function ancestorIds(db: Db, id: number): Promise<number[]> {
  const ids: number[] = [];
  let current: number | null = id;
  while (current !== null && ids.length < 50) {
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('institutions')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current !== null) {
      if (ids.includes(current)) break;
      ids.push(current);
    }
  }
  return ids;
}

const REGIONAL = ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'];

/** What the import's row checks need to know about stored institutions, and parent ids by region code. */
export async function importContext(
  db: Db,
): Promise<ImportContext & { parentIdByCode: Map<string, number> }> {
  const rows = await db.selectFrom('institutions').select(['id', 'type', 'name', 'region_code']).execute();
  const parentIdByCode = new Map<string, number>();
  const parentType = new Map<string, string>();
  const takenRegions = new Set<string>();
  for (const r of rows) {
    if (!r.region_code) continue;
    takenRegions.add(regionKey(r.type, r.region_code));
    // Several types may share a code (a BUMD recorded with its region); the government is the parent.
    const current = parentType.get(r.region_code);
    if (!current || (!REGIONAL.includes(current) && REGIONAL.includes(r.type))) {
      parentIdByCode.set(r.region_code, r.id);
      parentType.set(r.region_code, r.type);
    }
  }
  return {
    existingNames: new Set(rows.map((r) => nameKey(r.name))),
    takenRegions,
    storedRegionCodes: new Set(parentIdByCode.keys()),
    parentIdByCode,
  };
}

/** The units of an institution by name, each with its number of proposer (UPP) accounts. */
export async function listUnits(db: Db, institutionId: number): Promise<UnitWithCount[]> {
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('role_grants as g', (join) => join.onRef('g.unit_id', '=', 'u.id').on('g.role', '=', 'upp'))
    .selectAll('u')
    .select((eb) => eb.fn.count<number>('g.id').as('user_count'))
    .where('u.institution_id', '=', institutionId)
    .groupBy([
      'u.id',
      'u.institution_id',
      'u.name',
      'u.kind',
      'u.parent_unit_id',
      'u.created_at',
      'u.updated_at',
    ])
    .orderBy(sql`lower(${sql.ref('u.name')})`)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ ...r, user_count: Number(r.user_count) }));
}

export async function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitWithCount(db: Db, id: number): Promise<UnitWithCount | undefined> {
  const unit = await findUnit(db, id);
  if (!unit) return undefined;
  const n = await db
    .selectFrom('role_grants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', id)
    .where('role', '=', 'upp')
    .executeTakeFirstOrThrow();
  return { ...unit, user_count: Number(n.n) };
}

/** True when the institution has another unit of this name (case and spacing ignored). */
export async function unitNameExists(
  db: Db,
  institutionId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let q = db
    .selectFrom('units')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where(sql<SqlBool>`lower(name) = ${nameKey(name)}`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

/** The ancestors' ids of a unit, nearest first. */
export async function unitAncestorIds(db: Db, id: number): Promise<number[]> {
  const ids: number[] = [];
  let current: number | null = id;
  while (current !== null && ids.length < 50) {
    const row: { parent_unit_id: number | null } | undefined = await db
      .selectFrom('units')
      .select('parent_unit_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_unit_id ?? null;
    if (current !== null) {
      if (ids.includes(current)) break;
      ids.push(current);
    }
  }
  return ids;
}

/**
 * The organizers whose competitions an institution takes part in (the `participatesIn` of the policy's
 * `unit.view`): a competition where one of its proposals reached the organizer, or where it holds a khusus
 * invitation that was not revoked.
 */
export async function participationOf(db: Db, institutionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('competitions as c')
    .select('c.organizer_institution_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('proposals as p')
            .select('p.id')
            .whereRef('p.competition_id', '=', 'c.id')
            .where('p.institution_id', '=', institutionId)
            .where('p.state', 'in', [...ORGANIZER_VISIBLE_STATES]),
        ),
        eb.exists(
          eb
            .selectFrom('invitations as v')
            .select('v.id')
            .whereRef('v.competition_id', '=', 'c.id')
            .where('v.institution_id', '=', institutionId)
            .where('v.revoked_at', 'is', null),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.organizer_institution_id).sort((a, b) => a - b);
}
