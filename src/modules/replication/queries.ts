import type { Db } from '../../db/connect.js';
import type { ReplicationRequestTable, ReplicationState } from '../../db/schema.js';
import type { Insertable } from 'kysely';

/*
 * The SQL of replication requests (issue 14 point 3): the innovation asked for (a gallery entry and its
 * proposal), the institutions' chains for the to-self rule, the requests as the institutions read them, and
 * the conditional moves of the answers.
 */

/** A gallery innovation with what a request needs: its proposal and owner institution. */
export async function innovationBySlug(db: Db, slug: string) {
  return db
    .selectFrom('gallery_entries as g')
    .innerJoin('proposals as p', 'p.id', 'g.proposal_id')
    .select([
      'g.id as entryId',
      'g.slug',
      'g.title',
      'g.competition_name',
      'g.competition_id',
      'g.year',
      'g.proposal_id',
      'p.institution_id as owner_institution_id',
    ])
    .where('g.slug', '=', slug)
    .executeTakeFirst();
}
export type Innovation = NonNullable<Awaited<ReturnType<typeof innovationBySlug>>>;

/** The institution and its parents, nearest first (domain/replication.ts InstitutionChain). */
export async function institutionChain(db: Db, institutionId: number): Promise<number[]> {
  const chain = [institutionId];
  // A registry's parents are few levels deep; the bound only guards against a cycle in the data.
  for (let i = 0; i < 8; i++) {
    const row = await db
      .selectFrom('institutions')
      .select('parent_id')
      .where('id', '=', chain[chain.length - 1]!)
      .executeTakeFirst();
    if (!row?.parent_id || chain.includes(row.parent_id)) break;
    chain.push(row.parent_id);
  }
  return chain;
}

export async function institutionNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The institution's latest request for the innovation (open or answered). */
export async function latestRequest(db: Db, proposalId: number, institutionId: number) {
  return db
    .selectFrom('replication_requests')
    .select(['id', 'state'])
    .where('proposal_id', '=', proposalId)
    .where('requesting_institution_id', '=', institutionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function openRequestOf(db: Db, proposalId: number, institutionId: number) {
  return db
    .selectFrom('replication_requests')
    .select('id')
    .where('proposal_id', '=', proposalId)
    .where('requesting_institution_id', '=', institutionId)
    .where('state', '=', 'requested')
    .executeTakeFirst();
}

export async function insertRequest(db: Db, row: Insertable<ReplicationRequestTable>): Promise<number> {
  const r = await db.insertInto('replication_requests').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** One request with the names its readers see. */
function requestViews(db: Db) {
  return db
    .selectFrom('replication_requests as r')
    .innerJoin('proposals as p', 'p.id', 'r.proposal_id')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .innerJoin('institutions as owner', 'owner.id', 'r.owner_institution_id')
    .innerJoin('institutions as req', 'req.id', 'r.requesting_institution_id')
    .innerJoin('users as asker', 'asker.id', 'r.requested_by')
    .leftJoin('users as answerer', 'answerer.id', 'r.answered_by')
    .leftJoin('gallery_entries as g', 'g.proposal_id', 'r.proposal_id')
    .leftJoin('gallery_owner_settings as s', 's.proposal_id', 'r.proposal_id')
    .selectAll('r')
    .select([
      's.contact_name as saved_contact_name',
      's.contact_email as saved_contact_email',
      's.contact_phone as saved_contact_phone',
      'p.title as proposal_title',
      'g.title as entry_title',
      'g.slug',
      'c.name as competition_name',
      'c.year as competition_year',
      'owner.name as owner_name',
      'req.name as requester_name',
      'req.region_code as requester_region_code',
      'asker.name as asker_name',
      'answerer.name as answerer_name',
    ]);
}

export async function findRequestView(db: Db, id: number) {
  return requestViews(db).where('r.id', '=', id).executeTakeFirst();
}
export type RequestView = NonNullable<Awaited<ReturnType<typeof findRequestView>>>;

/** The requests sent by, or received by, these institutions; newest first. */
export async function listRequestViews(
  db: Db,
  input: { institutionIds: readonly number[]; direction: 'sent' | 'received' },
): Promise<RequestView[]> {
  if (!input.institutionIds.length) return [];
  const column = input.direction === 'sent' ? 'r.requesting_institution_id' : 'r.owner_institution_id';
  return requestViews(db)
    .where(column, 'in', input.institutionIds)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(500)
    .execute();
}

/** Moves an open request to its answer; false when it was no longer open (answered meanwhile). */
export async function moveOpenRequest(
  db: Db,
  id: number,
  set: {
    state: Exclude<ReplicationState, 'requested'>;
    answered_by: number;
    answered_at: string;
    answer_message?: string | null;
    owner_contact_name?: string | null;
    owner_contact_email?: string | null;
    owner_contact_phone?: string | null;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('replication_requests')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', 'requested')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
