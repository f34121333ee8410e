import type { Db } from '../../db/connect.js';
import { containsPattern, ilike } from '../../db/like.js';
import type { ConflictSource, ReviewTeam } from '../../db/schema.js';
import { parseRegionalRule } from '../../domain/conflicts.js';
import { RECEIVED_STATES } from '../../domain/proposal-workflow.js';
import type { TeamListQuery } from '../../contracts/review-team.js';

/** The competition a team belongs to, with its organizer and regional rule. */
export async function teamCompetition(db: Db, id: number) {
  const c = await db
    .selectFrom('competitions as c')
    .leftJoin('review_team_settings as r', 'r.competition_id', 'c.id')
    .select(['c.id', 'c.name', 'c.year', 'c.organizer_institution_id', 'r.regional_conflict'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) return undefined;
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    organizerInstitutionId: c.organizer_institution_id,
    regionalConflict: parseRegionalRule(c.regional_conflict),
  };
}
export type TeamCompetition = NonNullable<Awaited<ReturnType<typeof teamCompetition>>>;

const memberColumns = [
  'p.user_id',
  'p.team',
  'p.affiliation_name',
  'p.affiliation_institution_id',
  'p.region_code',
  'p.unsur',
  'p.expertise',
  'p.capacity',
  'p.completed_at',
  'p.created_at',
  'u.name',
  'u.email',
  'u.password_hash',
  'ai.name as affiliation_institution_name',
  'ai.parent_id as affiliation_parent_id',
] as const;

function membersQuery(db: Db, competitionId: number, team: ReviewTeam) {
  return db
    .selectFrom('reviewer_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('institutions as ai', 'ai.id', 'p.affiliation_institution_id')
    .where('p.competition_id', '=', competitionId)
    .where('p.team', '=', team);
}

export type MemberRow = Awaited<ReturnType<typeof findMember>> & object;

/** One page of a team, newest invitation last, filtered by words and status. */
export async function listMembers(db: Db, competitionId: number, team: ReviewTeam, q: TeamListQuery) {
  let query = membersQuery(db, competitionId, team);
  for (const word of (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const p = containsPattern(word);
    query = query.where((eb) =>
      eb.or([ilike('u.name', p), ilike('u.email', p), ilike('p.affiliation_name', p)]),
    );
  }
  if (q.status === 'invited') query = query.where('u.password_hash', 'is', null);
  if (q.status === 'profile_missing')
    query = query.where('u.password_hash', 'is not', null).where('p.completed_at', 'is', null);
  if (q.status === 'complete') query = query.where('p.completed_at', 'is not', null);
  if (q.unsur === 'none') query = query.where('p.unsur', 'is', null);
  else if (q.unsur) query = query.where('p.unsur', '=', q.unsur);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([...memberColumns])
    .orderBy('u.name')
    .orderBy('p.user_id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findMember(db: Db, competitionId: number, team: ReviewTeam, userId: number) {
  return membersQuery(db, competitionId, team)
    .where('p.user_id', '=', userId)
    .select([...memberColumns])
    .executeTakeFirst();
}

export interface StoredConflictRow {
  id: number;
  user_id: number;
  institution_id: number;
  institution_name: string;
  source: ConflictSource;
  note: string | null;
}

/** The stored conflicts of some reviewers of a competition. */
export async function conflictRowsOf(
  db: Db,
  competitionId: number,
  userIds: number[],
): Promise<StoredConflictRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('reviewer_conflicts as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.user_id', 'c.institution_id', 'i.name as institution_name', 'c.source', 'c.note'])
    .where('c.competition_id', '=', competitionId)
    .where('c.user_id', 'in', userIds)
    .orderBy('c.id')
    .execute();
}

/** Active assignments per reviewer in the competition's stages (their load). */
export async function activeAssignmentCounts(
  db: Db,
  competitionId: number,
  userIds: number[],
): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('review_assignments as a')
    .innerJoin('stages as s', 's.id', 'a.stage_id')
    .select(['a.reviewer_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.competition_id', '=', competitionId)
    .where('a.status', '=', 'active')
    .where('a.reviewer_id', 'in', userIds)
    .groupBy('a.reviewer_id')
    .execute();
  return new Map(rows.map((r) => [r.reviewer_id, Number(r.n)]));
}

/** The institutions whose proposals the teams judge: those with a received proposal in the competition. */
export async function judgedInstitutions(db: Db, competitionId: number) {
  return db
    .selectFrom('institutions as i')
    .select(['i.id', 'i.name', 'i.region_code', 'i.parent_id'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('proposals as pr')
          .select('pr.id')
          .whereRef('pr.institution_id', '=', 'i.id')
          .where('pr.competition_id', '=', competitionId)
          .where('pr.state', 'in', [...RECEIVED_STATES]),
      ),
    )
    .orderBy('i.name')
    .execute();
}

export async function competitionCategories(db: Db, competitionId: number) {
  return db
    .selectFrom('categories')
    .select(['key', 'name_id', 'name_en'])
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .execute();
}

/** The caller's own team memberships (for their home: which profile is still missing). */
export async function teamsOf(db: Db, userId: number) {
  return db
    .selectFrom('reviewer_profiles as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .select(['c.id', 'c.name', 'c.year', 'p.team', 'p.completed_at'])
    .where('p.user_id', '=', userId)
    .orderBy('c.year', 'desc')
    .orderBy('c.id')
    .execute();
}

/** The team's members per unsur (`none`: not said), for the roster's counts. */
export async function unsurCounts(db: Db, competitionId: number, team: ReviewTeam) {
  const rows = await membersQuery(db, competitionId, team)
    .select(['p.unsur', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('p.unsur')
    .execute();
  const out = { expert: 0, public_figure: 0, ministry: 0, media: 0, other: 0, none: 0 };
  for (const r of rows) out[r.unsur ?? 'none'] += Number(r.n);
  return out;
}
