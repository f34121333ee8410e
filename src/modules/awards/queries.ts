import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { AwardLevel, AwardRow } from '../../db/schema.js';
import {
  institutionNameCandidates,
  matchInstitution,
  type DirectoryInstitution,
} from '../../domain/awards.js';

export type AwardWithInstitution = AwardRow & { directory_name: string | null };

/** `%text%` for LIKE with the wildcards in the text taken literally. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** Case-insensitive "contains" in both dialects (PostgreSQL's LIKE is case-sensitive, SQLite's is not). */
const ilike = (column: string, pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

const withInstitution = (db: Db) =>
  db
    .selectFrom('awards as a')
    .leftJoin('institutions as i', 'i.id', 'a.institution_id')
    .selectAll('a')
    .select('i.name as directory_name');

/**
 * One page of awards, newest year first, then by title; every word of `q` must occur in the title, the
 * institution name as written, or the matched institution's name.
 */
export async function listAwards(
  db: Db,
  filter: { q?: string; year?: number; level?: AwardLevel },
  page: number,
  pageSize: number,
): Promise<{ rows: AwardWithInstitution[]; total: number }> {
  const words = (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  let base = db.selectFrom('awards as a').leftJoin('institutions as i', 'i.id', 'a.institution_id');
  if (filter.year) base = base.where('a.year', '=', filter.year);
  if (filter.level) base = base.where('a.level', '=', filter.level);
  for (const w of words) {
    const p = containsPattern(w);
    base = base.where((eb) =>
      eb.or([ilike('a.innovation_title', p), ilike('a.institution_name', p), ilike('i.name', p)]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll('a')
      .select('i.name as directory_name')
      .orderBy('a.year', 'desc')
      .orderBy(sql`lower(${sql.ref('a.innovation_title')})`)
      .orderBy('a.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findAward(db: Db, id: number): Promise<AwardWithInstitution | undefined> {
  return withInstitution(db).where('a.id', '=', id).executeTakeFirst();
}

/** True when another award has this identity (year, level, title regardless of case, institution name). */
export async function awardIdentityExists(
  db: Db,
  a: { year: number; level: AwardLevel; innovationTitle: string; institutionName: string },
  exceptId?: number,
): Promise<boolean> {
  let q = db
    .selectFrom('awards')
    .select('id')
    .where('year', '=', a.year)
    .where('level', '=', a.level)
    .where(sql<SqlBool>`lower(innovation_title) = lower(${a.innovationTitle})`)
    .where('institution_name', '=', a.institutionName);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

/** The identity fields of every award of the given years (to skip rows an import already holds). */
export async function awardIdentities(
  db: Db,
  years: readonly number[],
): Promise<{ year: number; level: AwardLevel; innovation_title: string; institution_name: string }[]> {
  if (!years.length) return [];
  return db
    .selectFrom('awards')
    .select(['year', 'level', 'innovation_title', 'institution_name'])
    .where('year', 'in', [...new Set(years)])
    .execute();
}

/** Directory institutions whose name or short name (lower case) is one of the candidates. */
export async function directoryByNames(
  db: Db,
  candidates: readonly string[],
): Promise<DirectoryInstitution[]> {
  const unique = [...new Set(candidates)];
  const out: DirectoryInstitution[] = [];
  for (let i = 0; i < unique.length; i += 400) {
    const chunk = unique.slice(i, i + 400);
    const rows = await db
      .selectFrom('institutions')
      .select(['id', 'name', 'short_name'])
      .where((eb) =>
        eb.or([eb(sql<string>`lower(name)`, 'in', chunk), eb(sql<string>`lower(short_name)`, 'in', chunk)]),
      )
      .execute();
    for (const r of rows) out.push({ id: r.id, name: r.name, shortName: r.short_name });
  }
  return out;
}

export async function institutionExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('institutions').select('id').where('id', '=', id).executeTakeFirst());
}

/** True when a proposal names this award as its replication source. */
export async function awardInUseByProposals(db: Db, id: number): Promise<boolean> {
  return !!(await db
    .selectFrom('proposals')
    .select('id')
    .where('source_award_id', '=', id)
    .limit(1)
    .executeTakeFirst());
}

/** The directory institution a written name clearly designates (domain/awards `matchInstitution`), or null. */
export async function matchInstitutionByName(db: Db, name: string | null): Promise<number | null> {
  if (!name) return null;
  return matchInstitution(name, await directoryByNames(db, institutionNameCandidates(name)));
}
