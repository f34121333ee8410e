import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db/connect.js';
import { QUOTA_STATES } from '../../domain/proposal-workflow.js';

/* How many proposals of an institution hold a place of a group's quota, and the lock that serialises it. */

/** Proposals holding a quota slot of one group for one institution (optionally not counting one). */
export async function countQuotaUsed(
  db: Db,
  input: { competitionId: number; institutionId: number; groupId: number; exceptId?: number },
): Promise<number> {
  let q = db
    .selectFrom('proposals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('competition_id', '=', input.competitionId)
    .where('institution_id', '=', input.institutionId)
    .where('group_id', '=', input.groupId)
    .where('state', 'in', [...QUOTA_STATES]);
  if (input.exceptId !== undefined) q = q.where('id', '!=', input.exceptId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Quota use per (competition, institution, group) for the given institutions. */
export async function quotaUsage(
  db: Db,
  input: { institutionIds: number[]; competitionIds: number[] },
): Promise<
  { competitionId: number; institutionId: number; groupKey: string; used: number; quota: number | null }[]
> {
  if (!input.institutionIds.length || !input.competitionIds.length) return [];
  const [groups, used] = await Promise.all([
    db
      .selectFrom('competition_groups')
      .select(['id', 'competition_id', 'key', 'quota_per_institution'])
      .where('competition_id', 'in', input.competitionIds)
      .orderBy('competition_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('proposals')
      .select(['institution_id', 'group_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('competition_id', 'in', input.competitionIds)
      .where('institution_id', 'in', input.institutionIds)
      .where('state', 'in', [...QUOTA_STATES])
      .groupBy(['institution_id', 'group_id'])
      .execute(),
  ]);
  const out = [];
  for (const institutionId of input.institutionIds)
    for (const g of groups)
      out.push({
        competitionId: g.competition_id,
        institutionId,
        groupKey: g.key,
        used: Number(used.find((u) => u.institution_id === institutionId && u.group_id === g.id)?.n ?? 0),
        quota: g.quota_per_institution,
      });
  return out;
}

/**
 * Serialises quota decisions of one institution on PostgreSQL by locking its row (NO KEY UPDATE, so
 * inserts that merely reference the institution are not blocked). SQLite runs one write transaction at a
 * time, so nothing is needed there.
 */
export async function lockInstitutionForQuota(tx: Db, institutionId: number): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select id from institutions where id = ${institutionId} for no key update`.execute(tx);
}
