import type { Db } from '../../db/connect.js';
import type { ProposalStateValue, StageRow } from '../../db/schema.js';

/** Every stage of the competition in display order. */
export async function stagesOf(db: Db, competitionId: number): Promise<StageRow[]> {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

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

/** Names of accounts by id, active or not (who extended a deadline stays named after leaving). */
export async function userNamesByIds(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The competition's proposals in some states (id, institution, creator), oldest first. */
export async function proposalsInStates(
  db: Db,
  competitionId: number,
  states: readonly ProposalStateValue[],
) {
  return db
    .selectFrom('proposals')
    .select(['id', 'code', 'institution_id', 'created_by', 'state'])
    .where('competition_id', '=', competitionId)
    .where('state', 'in', [...states])
    .orderBy('id')
    .execute();
}

/** The competition's forwarded proposals with what a receipt names (group for the programme). */
export async function forwardedProposals(db: Db, competitionId: number) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.acronym',
      'p.institution_id',
      'p.forwarded_at',
      'p.version',
      'g.name_id as group_name_id',
      'g.name_en as group_name_en',
    ])
    .where('p.competition_id', '=', competitionId)
    .where('p.state', '=', 'forwarded')
    .orderBy('p.id')
    .execute();
}
