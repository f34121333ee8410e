import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';

/*
 * What the erasure of one person changes, table by table (UU PDP 27/2022; the command is
 * commands/erase-user.ts). Ids stay everywhere, so the competition record keeps who did what as
 * "Pengguna terhapus #id"; the person's name, address and phone go.
 */

export interface ErasedPerson {
  id: number;
  email: string;
  name: string;
  phone: string | null;
}

export interface Tombstone {
  name: string;
  email: string;
}

/**
 * Text columns where someone may have written the person's name, address or phone: mails and
 * notifications about them to others, and the contacts of proposals, gallery entries, replication
 * requests, objections and account requests. Each occurrence is replaced by the tombstone.
 */
const FREE_TEXT: [keyof Database, string[]][] = [
  ['outbox', ['to_name', 'subject', 'text_body', 'html_body']],
  ['outbox_secrets', ['text_body', 'html_body']],
  ['notifications', ['title_id', 'title_en', 'body_id', 'body_en']],
  ['proposals', ['contact_name', 'contact_email', 'contact_phone']],
  ['gallery_owner_settings', ['contact_name', 'contact_email', 'contact_phone']],
  [
    'replication_requests',
    [
      'contact_name',
      'contact_email',
      'contact_phone',
      'owner_contact_name',
      'owner_contact_email',
      'owner_contact_phone',
    ],
  ],
  ['objections', ['name', 'email', 'phone']],
  ['admin_requests', ['name', 'email', 'phone']],
];

/** Columns that hold an address alone: matched whatever its letter case. */
const ADDRESS_COLUMNS = new Set(['contact_email', 'owner_contact_email', 'email']);

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** The person's row becomes the tombstone: no name, address, phone, position or password; never active. */
export async function tombstoneUser(tx: Db, person: ErasedPerson, tomb: Tombstone, now: string) {
  await tx
    .updateTable('users')
    .set({
      name: tomb.name,
      email: tomb.email,
      position: null,
      phone: null,
      password_hash: null,
      must_complete_profile: 0,
      is_active: 0,
      last_login_at: null,
      erased_at: now,
      updated_at: now,
    })
    .where('id', '=', person.id)
    .execute();
}

/** Deletes what exists only for the person's account: sessions, links, notifications, roles, failed sign-ins. */
export async function deleteAccountRows(tx: Db, person: ErasedPerson) {
  const count = async (q: { executeTakeFirst: () => Promise<{ numDeletedRows: bigint }> }) =>
    Number((await q.executeTakeFirst()).numDeletedRows);
  return {
    sessions: await count(tx.deleteFrom('sessions').where('user_id', '=', person.id)),
    tokens: await count(tx.deleteFrom('password_tokens').where('user_id', '=', person.id)),
    notifications: await count(tx.deleteFrom('notifications').where('user_id', '=', person.id)),
    roles: await count(tx.deleteFrom('role_grants').where('user_id', '=', person.id)),
    loginFailures: await count(
      tx.deleteFrom('login_failures').where(sql`lower(email)`, '=', person.email.toLowerCase()),
    ),
  };
}

/**
 * The mails to the person (all but `keepId`, the erasure notice): a waiting one is cancelled, every one
 * loses its address and its bodies (the secret copies are deleted) and its .eml file's name (returned, for
 * the caller to delete once committed); id, template, subject, status and times stay as the delivery record.
 */
export async function eraseMailsTo(tx: Db, person: ErasedPerson, tomb: Tombstone, keepId: number) {
  const mine = (q: any) =>
    q.where(sql`lower(to_address)`, '=', person.email.toLowerCase()).where('id', '!=', keepId);
  const rows: { id: number; eml_path: string | null }[] = await mine(
    tx.selectFrom('outbox').select(['id', 'eml_path']),
  ).execute();
  const ids = rows.map((r) => r.id);
  const emlPaths = rows.flatMap((r) => (r.eml_path ? [r.eml_path] : []));
  if (!ids.length) return { cancelled: 0, cleared: 0, emlPaths };
  let cancelled = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    await tx.deleteFrom('outbox_secrets').where('outbox_id', 'in', batch).execute();
    const c = await tx
      .updateTable('outbox')
      .set({ status: 'failed', last_error: 'recipient erased (UU PDP 27/2022)' })
      .where('id', 'in', batch)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    cancelled += Number(c.numUpdatedRows);
    await tx
      .updateTable('outbox')
      .set({ to_address: tomb.email, to_name: null, text_body: '', html_body: null, eml_path: null })
      .where('id', 'in', batch)
      .execute();
  }
  return { cancelled, cleared: ids.length, emlPaths };
}

/** Replaces the person's name, address and phone in the free-text columns; returns the rows changed. */
export async function replaceInFreeText(tx: Db, person: ErasedPerson, tomb: Tombstone) {
  const needles: [string, string][] = [[person.email, tomb.email]];
  // A name or phone too short to be unmistakable is left alone rather than replaced inside other words.
  if (person.name.trim().length >= 4) needles.push([person.name, tomb.name]);
  if (person.phone && person.phone.length >= 6) needles.push([person.phone, '']);
  let changed = 0;
  for (const [table, columns] of FREE_TEXT)
    for (const column of columns) {
      const ref = sql.ref(column);
      if (ADDRESS_COLUMNS.has(column)) {
        const r = await tx
          .updateTable(table as any)
          .set({ [column]: tomb.email })
          .where(sql`lower(${ref})`, '=', person.email.toLowerCase())
          .executeTakeFirst();
        changed += Number(r.numUpdatedRows);
      }
      for (const [needle, replacement] of needles) {
        const r = await tx
          .updateTable(table as any)
          .set({ [column]: sql`replace(${ref}, ${needle}, ${replacement})` })
          .where(sql<SqlBool>`${ref} like ${likePattern(needle)} escape '\\'`)
          .executeTakeFirst();
        changed += Number(r.numUpdatedRows);
      }
    }
  return changed;
}
