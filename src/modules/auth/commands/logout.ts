import type { Db } from '../../../db/connect.js';
import { recordAudit } from '../../../platform/audit.js';
import { destroySession } from '../../../platform/sessions.js';

/** Ends one session: its row is deleted (the cookie no longer resolves) and user.logout is audited. */
export async function logout(
  db: Db,
  input: { userId: number; token: string; ip: string | null; now: Date },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await destroySession(tx, input.token);
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'user.logout',
      entityType: 'user',
      entityId: input.userId,
      summary: {},
      ip: input.ip,
      now: input.now,
    });
  });
}
