import type { Db } from '../../../db/connect.js';

/** Marks every unread notification of the caller read; returns how many changed. Not audited (own inbox). */
export async function markAllNotificationsRead(
  tx: Db,
  input: { userId: number; now: Date },
): Promise<{ updated: number }> {
  const res = await tx
    .updateTable('notifications')
    .set({ read_at: input.now.toISOString() })
    .where('user_id', '=', input.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { updated: Number(res.numUpdatedRows) };
}
