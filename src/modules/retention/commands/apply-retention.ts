import type { Db } from '../../../db/connect.js';
import { recordAudit } from '../../../platform/audit.js';
import { readRetention, removeExpired } from '../queries.js';

export const RETENTION_JOB_KIND = 'personal_data_retention';

/**
 * Applies the retention settings once (the daily job): removes failed sign-ins, expired sessions, used or
 * expired links and read notifications older than their setting, empties the bodies of finished mail, and
 * replaces the address of delivered erasure notices. One transaction; an audit row (`retention.applied`,
 * counts only) when something was removed. Running it again removes nothing more.
 */
export async function applyRetention(db: Db, now: Date) {
  return db.transaction().execute(async (tx) => {
    const { days } = await readRetention(tx);
    const removed = await removeExpired(tx, days, now);
    const total = Object.values(removed).reduce((a, b) => a + b, 0);
    if (total > 0)
      await recordAudit(tx, {
        actorUserId: null,
        action: 'retention.applied',
        entityType: 'retention',
        entityId: null,
        summary: { days, removed },
        ip: null,
        now,
      });
    return removed;
  });
}
