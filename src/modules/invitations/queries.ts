import type { Db } from '../../db/connect.js';
import { findCompetitionRow } from '../competitions/queries.js';

/** The competition an invitation belongs to, with its invitation-only groups. */
export async function findCompetitionWithGroups(db: Db, id: number) {
  const competition = await findCompetitionRow(db, id);
  if (!competition) return undefined;
  const groups = await db
    .selectFrom('competition_groups')
    .selectAll()
    .where('competition_id', '=', id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return { competition, groups };
}

/** Every invitation of a competition, newest first, with the names a list shows. */
export async function listInvitations(db: Db, competitionId: number, onlyId?: number) {
  let q = db
    .selectFrom('invitations as v')
    .innerJoin('competition_groups as g', 'g.id', 'v.group_id')
    .innerJoin('institutions as i', 'i.id', 'v.institution_id')
    .innerJoin('users as u', 'u.id', 'v.invited_by')
    .leftJoin('users as r', 'r.id', 'v.revoked_by')
    .leftJoin('awards as a', 'a.id', 'v.award_id')
    .selectAll('v')
    .select([
      'g.key as group_key',
      'g.name_id as group_name_id',
      'g.name_en as group_name_en',
      'i.name as institution_name',
      'u.name as invited_by_name',
      'r.name as revoked_by_name',
      'a.year as award_year',
      'a.level as award_level',
      'a.innovation_title as award_title',
      'a.institution_name as award_institution_name',
    ])
    .where('v.competition_id', '=', competitionId);
  if (onlyId !== undefined) q = q.where('v.id', '=', onlyId);
  return q.orderBy('v.id', 'desc').execute();
}
export type InvitationListRow = Awaited<ReturnType<typeof listInvitations>>[number];

/** An active invitation of the institution into the group for the same award (or both without one). */
export async function findActiveDuplicate(
  db: Db,
  input: { groupId: number; institutionId: number; awardId: number | null },
) {
  let q = db
    .selectFrom('invitations')
    .select('id')
    .where('group_id', '=', input.groupId)
    .where('institution_id', '=', input.institutionId)
    .where('revoked_at', 'is', null);
  q = input.awardId === null ? q.where('award_id', 'is', null) : q.where('award_id', '=', input.awardId);
  return q.executeTakeFirst();
}
