import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Role, UserRow } from '../../db/schema.js';
import type { FoundScope, GivenScope } from '../../domain/role-scopes.js';
import type { AdminGrant } from '../../domain/user-admin.js';

/** `%text%` for LIKE with the wildcards in the text taken literally. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
/** Case-insensitive "contains" in both dialects. */
const ilike = (column: string, pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

export interface UserFilter {
  q?: string;
  role?: Role;
  status?: 'active' | 'inactive';
}

/**
 * One page of the installation's users, by name: every word of `q` must occur in the name, the e-mail,
 * or the name of an institution, unit or competition of one of the user's grants.
 */
export async function listUsers(
  db: Db,
  filter: UserFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: UserRow[]; total: number }> {
  const words = (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  let base = db.selectFrom('users as u');
  if (filter.status) base = base.where('u.is_active', '=', filter.status === 'active' ? 1 : 0);
  if (filter.role) {
    const role = filter.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as rg')
          .select('rg.id')
          .whereRef('rg.user_id', '=', 'u.id')
          .where('rg.role', '=', role),
      ),
    );
  }
  for (const w of words) {
    const p = containsPattern(w);
    base = base.where((eb) =>
      eb.or([
        ilike('u.name', p),
        ilike('u.email', p),
        eb.exists(
          eb
            .selectFrom('role_grants as sg')
            .leftJoin('institutions as si', 'si.id', 'sg.institution_id')
            .leftJoin('units as su', 'su.id', 'sg.unit_id')
            .leftJoin('competitions as sc', 'sc.id', 'sg.competition_id')
            .select('sg.id')
            .whereRef('sg.user_id', '=', 'u.id')
            .where((e) => e.or([ilike('si.name', p), ilike('su.name', p), ilike('sc.name', p)])),
        ),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll('u')
      .orderBy(sql`lower(${sql.ref('u.name')})`)
      .orderBy('u.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export interface GrantRow {
  id: number;
  user_id: number;
  role: Role;
  institution_id: number | null;
  institution_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  competition_id: number | null;
  competition_name: string | null;
  granted_by: number | null;
  granted_by_name: string | null;
  created_at: string;
}

/** The grants of some users with the names of their scopes, oldest first. */
export async function grantsOfUsers(db: Db, userIds: number[]): Promise<GrantRow[]> {
  if (!userIds.length) return [];
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('institutions as i', 'i.id', 'g.institution_id')
    .leftJoin('units as un', 'un.id', 'g.unit_id')
    .leftJoin('competitions as c', 'c.id', 'g.competition_id')
    .leftJoin('users as gb', 'gb.id', 'g.granted_by')
    .select([
      'g.id',
      'g.user_id',
      'g.role',
      'g.institution_id',
      'i.name as institution_name',
      'g.unit_id',
      'un.name as unit_name',
      'g.competition_id',
      'c.name as competition_name',
      'g.granted_by',
      'gb.name as granted_by_name',
      'g.created_at',
    ])
    .where('g.user_id', 'in', userIds)
    .orderBy('g.id')
    .execute();
  return rows as GrantRow[];
}

export const findUserById = (db: Db, id: number) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** Every system_admin grant of the installation with whether its user is active (for the guards). */
export async function systemAdminGrants(db: Db): Promise<AdminGrant[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.id', 'g.user_id', 'u.is_active'])
    .where('g.role', '=', 'system_admin')
    .execute();
  return rows.map((r) => ({ grantId: r.id, userId: r.user_id, active: r.is_active === 1 }));
}

/** What the ids of a scope name (undefined for an id not given, null for one that names nothing). */
export async function findScope(db: Db, given: GivenScope): Promise<FoundScope> {
  const found: FoundScope = {};
  if (given.institutionId)
    found.institution =
      (await db
        .selectFrom('institutions')
        .select(['id', 'name'])
        .where('id', '=', given.institutionId)
        .executeTakeFirst()) ?? null;
  if (given.unitId) {
    const unit = await db
      .selectFrom('units')
      .select(['id', 'name', 'institution_id'])
      .where('id', '=', given.unitId)
      .executeTakeFirst();
    found.unit = unit ? { id: unit.id, name: unit.name, institutionId: unit.institution_id } : null;
  }
  if (given.competitionId)
    found.competition =
      (await db
        .selectFrom('competitions')
        .select(['id', 'name'])
        .where('id', '=', given.competitionId)
        .executeTakeFirst()) ?? null;
  return found;
}
