import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { guardChange, lockUserAdmin, targetUser, type AdminActor } from '../steps.js';

export interface DeactivateUserInput {
  userId: number;
  actor: AdminActor;
  ip: string | null;
  now: Date;
}

/**
 * Deactivates an account: it can no longer log in, every session it has ends at once (deleted in this
 * transaction; a session is also never resolved for an inactive user), and every unused password link
 * stops working. The grants stay, so a reactivation restores the same access. Refuses oneself
 * (409 `cannot_deactivate_self`), the last active System Administrator (409 `last_system_admin`) and an
 * account already deactivated (409 `user_already_inactive`). Audited (`user.deactivated`) and told to
 * the person by mail, in the same transaction.
 */
export async function deactivateUser(db: Db, input: DeactivateUserInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockUserAdmin(tx);
    const user = await targetUser(tx, input.userId);
    await guardChange(tx, { kind: 'deactivate', actorUserId: input.actor.userId, targetUserId: user.id });
    if (!user.is_active)
      throw conflict(
        'user_already_inactive',
        t('Akun ini sudah nonaktif.', 'This account is already deactivated.'),
      );
    const now = input.now.toISOString();
    await tx.updateTable('users').set({ is_active: 0, updated_at: now }).where('id', '=', user.id).execute();
    const sessions = await tx.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst();
    await tx
      .updateTable('password_tokens')
      .set({ used_at: now })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'user.deactivated',
      entityType: 'user',
      entityId: user.id,
      summary: {
        actor: { id: input.actor.userId, name: input.actor.name },
        target: { id: user.id, email: user.email, name: user.name },
        sessionsEnded: Number(sessions.numDeletedRows),
      },
      ip: input.ip,
      now: input.now,
    });
    await enqueueMail(tx, {
      to: user.email,
      toName: user.name,
      template: 'user_deactivated',
      locale: user.locale,
      vars: {
        name: user.name,
        email: user.email,
        by: input.actor.name,
        at: formatInstant(input.now, 'Asia/Jakarta', user.locale),
      },
      now: input.now,
    });
  });
}
