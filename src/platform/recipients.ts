import type { Db } from '../db/connect.js';

/*
 * Who is told: the accounts a mail or notification goes to, by role or by id. Only active accounts.
 */

export interface Recipient {
  id: number;
  email: string;
  name: string;
  locale: 'id' | 'en';
}

/** Every active account holding one of the roles anywhere (each person once), to tell about a deadline. */
export async function activeUsersWithRoles(db: Db, roles: ('local_admin' | 'upp')[]): Promise<Recipient[]> {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('u.is_active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as g')
          .select('g.id')
          .whereRef('g.user_id', '=', 'u.id')
          .where('g.role', 'in', roles),
      ),
    )
    .orderBy('u.id')
    .execute();
}

/** Active admin lokal of each of the institutions, with the institution they serve. */
export async function localAdminsOf(
  db: Db,
  institutionIds: number[],
): Promise<(Recipient & { institutionId: number })[]> {
  if (!institutionIds.length) return [];
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale', 'g.institution_id'])
    // A person granted the role twice for the same institution still gets one mail.
    .distinct()
    .where('u.is_active', '=', 1)
    .where('g.role', '=', 'local_admin')
    .where('g.institution_id', 'in', institutionIds)
    .orderBy('u.id')
    .execute();
  return rows.map(({ institution_id, ...r }) => ({ ...r, institutionId: institution_id! }));
}

/** Active accounts by id. */
export async function activeUsersByIds(db: Db, ids: number[]): Promise<Recipient[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('is_active', '=', 1)
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}
