import type { Db } from '../../db/connect.js';
import type { AdminRequestRow } from '../../db/schema.js';

/** A request with what the reviewer needs beside it: institution, letter, decider, admins already there. */
export interface AdminRequestView extends AdminRequestRow {
  institution_name: string;
  letter_size: number;
  letter_sha256: string;
  decided_by_name: string | null;
  existing_admins: number;
}

function viewQuery(db: Db) {
  return db
    .selectFrom('admin_requests as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .innerJoin('files as f', 'f.id', 'r.letter_file_id')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select((eb) => [
      'i.name as institution_name',
      'f.size as letter_size',
      'f.sha256 as letter_sha256',
      'd.name as decided_by_name',
      eb
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('g.institution_id', '=', 'r.institution_id')
        .where('g.role', '=', 'local_admin')
        .where('u.is_active', '=', 1)
        .as('existing_admins'),
    ]);
}

const normalize = (
  row: Omit<AdminRequestView, 'existing_admins'> & { existing_admins: unknown },
): AdminRequestView => ({
  ...row,
  letter_size: Number(row.letter_size),
  existing_admins: Number(row.existing_admins ?? 0),
});

export async function findAdminRequestView(db: Db, id: number): Promise<AdminRequestView | undefined> {
  const row = await viewQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? normalize(row) : undefined;
}

/** One page of requests, newest first, optionally of one status. */
export async function listAdminRequests(
  db: Db,
  input: { status?: AdminRequestRow['status']; page: number; pageSize: number },
): Promise<{ rows: AdminRequestView[]; total: number }> {
  let list = viewQuery(db);
  let count = db.selectFrom('admin_requests').select((eb) => eb.fn.countAll<number>().as('n'));
  if (input.status) {
    list = list.where('r.status', '=', input.status);
    count = count.where('status', '=', input.status);
  }
  const [rows, total] = await Promise.all([
    list
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(normalize), total: Number(total.n) };
}

export async function findAdminRequest(db: Db, id: number): Promise<AdminRequestRow | undefined> {
  return db.selectFrom('admin_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored letter of a request. */
export async function findLetter(db: Db, requestId: number) {
  return db
    .selectFrom('admin_requests as r')
    .innerJoin('files as f', 'f.id', 'r.letter_file_id')
    .select(['f.id', 'f.storage_key', 'f.mime', 'f.size', 'f.sha256'])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
}

export async function findUserIdByEmail(db: Db, email: string): Promise<number | undefined> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

/** The account an address belongs to, with what a mail to its owner needs. */
export async function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findPendingByEmail(db: Db, email: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('admin_requests')
    .select('id')
    .where('email', '=', email)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function findInstitutionName(db: Db, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('institutions').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/**
 * A request as its requester may see it, found by its number and the address it was made with (both must
 * match: a wrong address answers like an unknown number).
 */
export async function findRequestForRequester(db: Db, id: number, email: string) {
  return db
    .selectFrom('admin_requests as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['r.id', 'i.name as institution', 'r.status', 'r.created_at', 'r.decided_at', 'r.reason'])
    .where('r.id', '=', id)
    .where('r.email', '=', email)
    .executeTakeFirst();
}
