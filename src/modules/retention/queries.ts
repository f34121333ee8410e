import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import {
  ERASED_NOTICE_ADDRESS,
  RETENTION_DEFAULTS,
  retentionCutoff,
  type RetentionDays,
} from '../../domain/erasure.js';

/*
 * The retention settings (one row, migration 0048) and the deletions they ask for. Audit rows are the
 * competition record and are never touched here.
 */

export async function readRetention(db: Db) {
  const row = await db
    .selectFrom('retention_settings as r')
    .leftJoin('users as u', 'u.id', 'r.updated_by')
    .select([
      'r.login_failure_days',
      'r.session_days',
      'r.mail_body_days',
      'r.notification_days',
      'r.token_days',
      'r.updated_at',
      'r.updated_by',
      'u.name as updated_by_name',
    ])
    .where('r.id', '=', 1)
    .executeTakeFirst();
  const days: RetentionDays = row
    ? {
        loginFailureDays: row.login_failure_days,
        sessionDays: row.session_days,
        mailBodyDays: row.mail_body_days,
        notificationDays: row.notification_days,
        tokenDays: row.token_days,
      }
    : RETENTION_DEFAULTS;
  return {
    days,
    updatedAt: row?.updated_at ?? null,
    updatedBy:
      row?.updated_by != null
        ? { id: row.updated_by, name: row.updated_by_name ?? `#${row.updated_by}` }
        : null,
  };
}

export async function writeRetention(tx: Db, days: RetentionDays, by: number, now: string) {
  const values = {
    login_failure_days: days.loginFailureDays,
    session_days: days.sessionDays,
    mail_body_days: days.mailBodyDays,
    notification_days: days.notificationDays,
    token_days: days.tokenDays,
    updated_by: by,
    updated_at: now,
  };
  const r = await tx.updateTable('retention_settings').set(values).where('id', '=', 1).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await tx
      .insertInto('retention_settings')
      .values({ id: 1, ...values })
      .execute();
}

const deleted = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
const updated = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows);

/** Removes what is older than the settings; returns how many rows of each kind. Idempotent. */
export async function removeExpired(tx: Db, days: RetentionDays, now: Date) {
  const cut = (d: number) => retentionCutoff(now, d);
  const loginFailures = deleted(
    await tx.deleteFrom('login_failures').where('at', '<', cut(days.loginFailureDays)).executeTakeFirst(),
  );
  const sessions = deleted(
    await tx.deleteFrom('sessions').where('expires_at', '<', cut(days.sessionDays)).executeTakeFirst(),
  );
  const tokens = deleted(
    await tx
      .deleteFrom('password_tokens')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<', cut(days.tokenDays)),
          eb.and([eb('used_at', 'is not', null), eb('used_at', '<', cut(days.tokenDays))]),
        ]),
      )
      .executeTakeFirst(),
  );
  const notifications = deleted(
    await tx
      .deleteFrom('notifications')
      .where('read_at', 'is not', null)
      .where('read_at', '<', cut(days.notificationDays))
      .executeTakeFirst(),
  );
  // A mail's bodies once it is done (sent, or failed for good): the envelope stays as the delivery record.
  const oldMail = (eb: any) =>
    eb.and([
      eb('status', 'in', ['sent', 'failed']),
      eb(sql`coalesce(sent_at, created_at)`, '<', cut(days.mailBodyDays)),
    ]);
  await tx
    .deleteFrom('outbox_secrets')
    .where('outbox_id', 'in', (eb) => eb.selectFrom('outbox').select('id').where(oldMail))
    .execute();
  const mailBodies = updated(
    await tx
      .updateTable('outbox')
      .set({ text_body: '', html_body: null })
      .where(oldMail)
      .where((eb) => eb.or([eb('text_body', '!=', ''), eb('html_body', 'is not', null)]))
      .executeTakeFirst(),
  );
  // The erasure notices' old address, once delivered or given up (commands/erase-user.ts).
  const erasureNoticeAddresses = updated(
    await tx
      .updateTable('outbox')
      .set({ to_address: ERASED_NOTICE_ADDRESS })
      .where('template', '=', 'user_erased')
      .where('status', 'in', ['sent', 'failed'])
      .where('to_address', '!=', ERASED_NOTICE_ADDRESS)
      .executeTakeFirst(),
  );
  return { loginFailures, sessions, tokens, notifications, mailBodies, erasureNoticeAddresses };
}
