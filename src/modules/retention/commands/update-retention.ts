import type { Db } from '../../../db/connect.js';
import type { RetentionDays } from '../../../domain/erasure.js';
import { recordAudit } from '../../../platform/audit.js';
import { readRetention, writeRetention } from '../queries.js';

export interface UpdateRetentionInput {
  days: RetentionDays;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

/** Stores the retention settings (bounds checked by the contract) with their audit row (`retention.updated`). */
export async function updateRetention(db: Db, input: UpdateRetentionInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = (await readRetention(tx)).days;
    await writeRetention(tx, input.days, input.actorUserId, input.now.toISOString());
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'retention.updated',
      entityType: 'retention',
      entityId: '1',
      summary: { before, after: input.days },
      ip: input.ip,
      now: input.now,
    });
  });
}
