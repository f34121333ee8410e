import type { Db } from '../../db/connect.js';
import type { Assignment } from '../../contracts/role-work.js';
import { WORK_STAGES, workOf, type JudgingRole } from '../../domain/role-work.js';

const judging = (role: string): role is JudgingRole => role === 'evaluator' || role === 'panelist';

/**
 * The judging assignments of one person: each evaluator or panelist grant tied to a competition, with that
 * competition's stages that are the role's work (the person's own grants only: nobody else's are asked for).
 */
export async function assignmentsOf(db: Db, userId: number, now: string): Promise<Assignment[]> {
  const grants = await db
    .selectFrom('role_grants as g')
    .innerJoin('competitions as c', 'c.id', 'g.competition_id')
    .select(['g.role', 'c.id', 'c.name', 'c.year', 'c.time_zone', 'c.status'])
    .where('g.user_id', '=', userId)
    .where('g.role', 'in', ['evaluator', 'panelist'])
    .orderBy('c.year', 'desc')
    .orderBy('c.id')
    .execute();
  if (!grants.length) return [];
  const stages = await db
    .selectFrom('stages')
    .select(['competition_id', 'kind', 'name_id', 'name_en', 'opens_at', 'closes_at'])
    .where(
      'competition_id',
      'in',
      grants.map((g) => g.id),
    )
    .where('kind', 'in', [...WORK_STAGES.evaluator, ...WORK_STAGES.panelist])
    .orderBy('position')
    .execute();
  return grants.flatMap((g) => {
    if (!judging(g.role)) return [];
    const own = stages
      .filter((s) => s.competition_id === g.id)
      .map((s) => ({
        kind: s.kind,
        name: { id: s.name_id, en: s.name_en },
        opensAt: s.opens_at,
        closesAt: s.closes_at,
      }));
    const work = workOf(g.role, own, now);
    return [
      {
        role: g.role,
        competition: { id: g.id, name: g.name, year: g.year, timeZone: g.time_zone, status: g.status },
        ...work,
      },
    ];
  });
}
