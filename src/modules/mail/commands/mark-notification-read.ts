import type { Db } from '../../../db/connect.js';
import type { NotificationRow } from '../../../db/schema.js';
import { notFound, t } from '../../../domain/errors.js';

/**
 * Marks one of the caller's own notifications read; reading it again keeps the first read time.
 * Someone else's notification answers 404, as if it did not exist. Not audited: it changes nothing
 * but the reader's own inbox.
 */
export async function markNotificationRead(
  tx: Db,
  input: { id: number; userId: number; now: Date },
): Promise<NotificationRow> {
  const row = await tx
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', input.id)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  if (!row) throw notFound(t('Notifikasi tidak ditemukan.', 'Notification not found.'));
  if (row.read_at) return row;
  const readAt = input.now.toISOString();
  await tx
    .updateTable('notifications')
    .set({ read_at: readAt })
    .where('id', '=', row.id)
    .where('read_at', 'is', null)
    .execute();
  return { ...row, read_at: readAt };
}
