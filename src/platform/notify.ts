import type { Db } from '../db/connect.js';
import type { Text } from '../domain/errors.js';
import type { Role } from '../domain/policy.js';

/*
 * Who is told, and telling them in the app. Every mail or notification about a change goes to the active
 * accounts that hold a role somewhere; `recipientsWithRole` is the one query that finds them (the proposal
 * commands, invitations, deadlines and the admin lokal account requests all use it).
 */

/** An account to mail or notify. */
export interface Recipient {
  id: number;
  email: string;
  name: string;
  locale: 'id' | 'en';
}

/**
 * Active accounts holding `role` (or one of the roles), each person once, by id. The grant's scope must
 * match each field given: a number that institution/unit/competition, `null` a grant without one (the
 * whole installation); a field left out matches any grant.
 */
export async function recipientsWithRole(
  db: Db,
  input: {
    role: Role | readonly Role[];
    institutionId?: number | null;
    unitId?: number | null;
    competitionId?: number | null;
  },
): Promise<Recipient[]> {
  const roles: Role[] = typeof input.role === 'string' ? [input.role] : [...input.role];
  if (!roles.length) return [];
  const { institutionId, unitId, competitionId } = input;
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
          .where('g.role', 'in', roles)
          .$if(institutionId !== undefined, (qb) =>
            institutionId === null
              ? qb.where('g.institution_id', 'is', null)
              : qb.where('g.institution_id', '=', institutionId!),
          )
          .$if(unitId !== undefined, (qb) =>
            unitId === null ? qb.where('g.unit_id', 'is', null) : qb.where('g.unit_id', '=', unitId!),
          )
          .$if(competitionId !== undefined, (qb) =>
            competitionId === null
              ? qb.where('g.competition_id', 'is', null)
              : qb.where('g.competition_id', '=', competitionId!),
          ),
      ),
    )
    .orderBy('u.id')
    .execute();
}

/**
 * Active admin lokal of each of the institutions, with the institution they serve (one mail per
 * institution they serve: the closing and a changed competition tell each about their own proposals).
 */
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

/** Adds an in-app notification for one user; call inside the change's transaction. */
export async function notifyUser(
  tx: Db,
  input: { userId: number; kind: string; title: Text; body: Text; link?: string | null; now: Date },
): Promise<void> {
  await tx
    .insertInto('notifications')
    .values({
      user_id: input.userId,
      kind: input.kind,
      title_id: input.title.id,
      title_en: input.title.en,
      body_id: input.body.id,
      body_en: input.body.en,
      link: input.link ?? null,
      created_at: input.now.toISOString(),
      read_at: null,
    })
    .execute();
}
