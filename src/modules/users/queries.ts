import type { Db } from '../../db/connect.js';

export interface InstitutionUserRow {
  id: number;
  email: string;
  name: string;
  position: string | null;
  phone: string | null;
  password_hash: string | null;
  must_complete_profile: number;
  is_active: number;
  last_login_at: string | null;
  created_at: string;
  role: 'local_admin' | 'upp';
  unit_id: number | null;
  unit_name: string | null;
}

/**
 * The people of an institution: its admin lokal and the proposers (UPP) of its units, one entry per
 * grant; admin lokal first, then by name.
 */
export async function listInstitutionUsers(db: Db, institutionId: number): Promise<InstitutionUserRow[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .leftJoin('units as un', 'un.id', 'g.unit_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.position',
      'u.phone',
      'u.password_hash',
      'u.must_complete_profile',
      'u.is_active',
      'u.last_login_at',
      'u.created_at',
      'g.role',
      'g.unit_id',
      'un.name as unit_name',
    ])
    .where('g.role', 'in', ['local_admin', 'upp'])
    .where((eb) =>
      eb.or([eb('g.institution_id', '=', institutionId), eb('un.institution_id', '=', institutionId)]),
    )
    .orderBy('g.role')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows as InstitutionUserRow[];
}

export async function findInstitutionUser(
  db: Db,
  institutionId: number,
  userId: number,
  role: 'local_admin' | 'upp',
): Promise<InstitutionUserRow | undefined> {
  const rows = await listInstitutionUsers(db, institutionId);
  return rows.find((r) => r.id === userId && r.role === role);
}

/** Where a person works as admin lokal or proposer: the institution, and the unit for a proposer. */
export async function institutionGrantsOf(
  db: Db,
  userId: number,
): Promise<
  {
    role: 'local_admin' | 'upp';
    institution_id: number;
    institution_name: string;
    unit_id: number | null;
    unit_name: string | null;
  }[]
> {
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('units as un', 'un.id', 'g.unit_id')
    .innerJoin('institutions as i', (join) =>
      join.on((eb) =>
        eb.or([
          eb('i.id', '=', eb.ref('g.institution_id')),
          eb.and([eb('g.institution_id', 'is', null), eb('i.id', '=', eb.ref('un.institution_id'))]),
        ]),
      ),
    )
    .select([
      'g.role',
      'i.id as institution_id',
      'i.name as institution_name',
      'g.unit_id',
      'un.name as unit_name',
    ])
    .where('g.user_id', '=', userId)
    .where('g.role', 'in', ['local_admin', 'upp'])
    .orderBy('g.id')
    .execute();
  return rows as Awaited<ReturnType<typeof institutionGrantsOf>>;
}

export async function findUser(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
