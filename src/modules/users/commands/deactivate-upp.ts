import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { uppAccountOf, type LocalAdminActor } from '../steps.js';

export interface DeactivateUppInput {
  institutionId: number;
  userId: number;
  actor: LocalAdminActor;
  ip: string | null;
  now: Date;
}

/**
 * The admin lokal deactivates a proposer (UPP) account of the institution: it can no longer log in, every
 * session it has ends at once, unused password links stop working. Its grant and its unit's proposals stay
 * (proposals belong to the unit), so a reactivation restores the same access. Refuses an account already
 * inactive (409 `user_already_inactive`). Audit row and mail to the person in the same transaction.
 */
export async function deactivateUpp(db: Db, input: DeactivateUppInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { user, grant } = await uppAccountOf(tx, input.institutionId, input.userId);
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
        unitId: grant.unit_id,
        sessionsEnded: Number(sessions.numDeletedRows),
      },
      scope: { institutionId: input.institutionId },
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
        // The UPP asks the admin lokal who acted, not a system administrator (mail templates).
        byRole: 'local_admin',
        at: formatInstant(input.now, 'Asia/Jakarta', user.locale),
      },
      now: input.now,
    });
  });
}
