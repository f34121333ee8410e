import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { containsPattern, ilike } from '../../db/like.js';
import type { Database, NotificationRow, OutboxRow } from '../../db/schema.js';
import type { OutboxStatus } from '../../contracts/mail.js';
import { readableRows, type ReadableScope } from '../../platform/record-scope.js';

export interface OutboxFilter {
  status?: OutboxStatus;
  q?: string;
  template?: string;
}

function outboxWhere(f: OutboxFilter, withStatus: boolean, scope: ReadableScope) {
  return (eb: ExpressionBuilder<Database, 'outbox'>) => {
    const conds = [readableRows(scope, 'outbox')(eb)];
    if (withStatus && f.status) conds.push(eb('status', '=', f.status));
    if (f.template) conds.push(eb('template', '=', f.template));
    if (f.q) {
      const p = containsPattern(f.q);
      conds.push(eb.or([ilike('to_address', p), ilike('to_name', p), ilike('subject', p)]));
    }
    return eb.and(conds);
  };
}

/** One page of the outbox, newest first (ids follow insertion), with the number of matching rows. */
export async function listOutbox(
  db: Db,
  filter: OutboxFilter,
  scope: ReadableScope,
  page: number,
  pageSize: number,
): Promise<{ rows: OutboxRow[]; total: number }> {
  const where = outboxWhere(filter, true, scope);
  const [rows, total] = await Promise.all([
    db
      .selectFrom('outbox')
      .selectAll()
      .where(where)
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Rows per status under the search and template filter (the status filter itself is ignored). */
export async function countOutboxByStatus(
  db: Db,
  filter: OutboxFilter,
  scope: ReadableScope,
): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(outboxWhere(filter, false, scope))
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function outboxTemplates(db: Db, scope: ReadableScope): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('template')
    .where(readableRows(scope, 'outbox'))
    .distinct()
    .orderBy('template')
    .execute();
  return rows.map((r) => r.template);
}

export async function findOutboxMessage(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The .eml the file transport wrote for this row, or null. Only a file inside DATA_DIR/mail is served,
 * whatever the row says, so an edited eml_path cannot expose other files.
 */
export async function emlFileOf(row: OutboxRow, dataDir: string): Promise<string | null> {
  if (!row.eml_path) return null;
  const mailDir = path.resolve(dataDir, 'mail');
  const file = path.resolve(row.eml_path);
  if (!file.startsWith(mailDir + path.sep)) return null;
  try {
    const st = await fs.stat(file);
    return st.isFile() ? file : null;
  } catch {
    return null;
  }
}

/** One page of a user's own notifications, newest first, and their unread count. */
export async function listNotifications(
  db: Db,
  userId: number,
  opts: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number; unreadCount: number }> {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (opts.unreadOnly) base = base.where('read_at', 'is', null);
  const [rows, total, unreadCount] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    countUnreadNotifications(db, userId),
  ]);
  return { rows, total: Number(total.n), unreadCount };
}

export async function countUnreadNotifications(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
