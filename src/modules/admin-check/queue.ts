import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { containsPattern, ilike } from '../../db/like.js';
import type { QueueStatus } from '../../domain/admin-check.js';

/*
 * The administrative queue of one competition: its check rows with the proposals' own columns and the names
 * the list shows, filtered and paged. Only the shown columns are read (a proposal's texts never), and the
 * ordering is the check's proposal id (the order the closing received them), served by admin_checks_queue.
 */

export interface QueueFilter {
  competitionId: number;
  status?: QueueStatus;
  groupKey?: string;
  categoryKey?: string;
  institutionId?: number;
  q?: string;
}

function queueBase(db: Db, f: QueueFilter) {
  let q = db
    .selectFrom('admin_checks as k')
    .innerJoin('proposals as p', 'p.id', 'k.proposal_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as cat', 'cat.id', 'p.category_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .where('k.competition_id', '=', f.competitionId);
  if (f.status === 'unchecked') q = q.where('k.outcome', 'is', null).where('k.round', '=', 1);
  else if (f.status === 'completed') q = q.where('k.outcome', 'is', null).where('k.round', '>', 1);
  else if (f.status) q = q.where('k.outcome', '=', f.status);
  if (f.groupKey) q = q.where('g.key', '=', f.groupKey);
  if (f.categoryKey) q = q.where('cat.key', '=', f.categoryKey);
  if (f.institutionId) q = q.where('p.institution_id', '=', f.institutionId);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([ilike('p.title', pattern), ilike('p.code', pattern), ilike('i.name', pattern)]),
    );
  }
  return q;
}

const COLUMNS = [
  'k.proposal_id',
  'k.outcome',
  'k.round',
  'k.reason_code',
  'k.claimed_by',
  'k.claimed_until',
  'k.decided_by',
  'k.decided_at',
  'k.published_at',
  'k.completed_at',
  'k.version',
  'p.code',
  'p.title',
  'p.state',
  'p.institution_id',
  'i.name as institution_name',
  'g.key as group_key',
  'g.name_id as group_name_id',
  'g.name_en as group_name_en',
  'cat.key as category_key',
  'cat.name_id as category_name_id',
  'cat.name_en as category_name_en',
] as const;

export type QueueRow = Awaited<ReturnType<typeof listQueue>>['rows'][number];

export async function listQueue(db: Db, f: QueueFilter, paging: { page: number; pageSize: number }) {
  const rows = await queueBase(db, f)
    .select(COLUMNS)
    .orderBy('k.proposal_id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  const total = Number(
    (
      await queueBase(db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { rows, total };
}

/** Every proposal id matching the filter (the bulk action's "all filtered"), in queue order. */
export async function queueIds(db: Db, f: QueueFilter): Promise<number[]> {
  return (await queueBase(db, f).select('k.proposal_id').orderBy('k.proposal_id').execute()).map(
    (r) => r.proposal_id,
  );
}

/** How many checks of the competition are in each status (the filter's counts). */
export async function queueCounts(db: Db, competitionId: number): Promise<Record<QueueStatus, number>> {
  // Literals, not parameters: PostgreSQL must see the same expression in SELECT and GROUP BY.
  const back = sql<number>`(case when round > 1 then 1 else 0 end)`;
  const rows = await db
    .selectFrom('admin_checks')
    .select(['outcome', back.as('back'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('competition_id', '=', competitionId)
    .groupBy(['outcome', back])
    .execute();
  const out: Record<QueueStatus, number> = {
    unchecked: 0,
    passed: 0,
    incomplete: 0,
    completed: 0,
    disqualified: 0,
  };
  for (const r of rows) {
    const key: QueueStatus =
      r.outcome === null ? (Number(r.back) ? 'completed' : 'unchecked') : (r.outcome as QueueStatus);
    out[key] += Number(r.n);
  }
  return out;
}
