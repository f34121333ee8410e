import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { sendInvitation } from '../../users/invitation.js';
import { grantsOfUsers } from '../queries.js';
import { lockUserAdmin, refuseErased, scopeText, targetUser, type AdminActor } from '../steps.js';

export interface ReactivateUserInput {
  userId: number;
  actor: AdminActor;
  baseUrl: string;
  ip: string | null;
  now: Date;
}

/**
 * Lets a deactivated account log in again with the grants it kept. The person is told by mail; an
 * account that never set a password gets a new set-password link instead (its old links were ended at
 * deactivation). Refuses an active account (409 `user_already_active`) and an erased one (409 `user_erased`). Audited (`user.reactivated`).
 */
export async function reactivateUser(db: Db, input: ReactivateUserInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockUserAdmin(tx);
    const user = await targetUser(tx, input.userId);
    refuseErased(user);
    if (user.is_active)
      throw conflict('user_already_active', t('Akun ini sudah aktif.', 'This account is already active.'));
    await tx
      .updateTable('users')
      .set({ is_active: 1, updated_at: input.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const first = (await grantsOfUsers(tx, [user.id]))[0];
    const invited = user.password_hash === null;
    if (invited)
      await sendInvitation(tx, {
        user,
        role: first?.role ?? 'upp',
        scope: first
          ? scopeText(first.role, {
              institutionName: first.institution_name,
              unitName: first.unit_name,
              competitionName: first.competition_name,
            })[user.locale]
          : '-',
        createdByName: input.actor.name,
        baseUrl: input.baseUrl,
        now: input.now,
      });
    else
      await enqueueMail(tx, {
        to: user.email,
        toName: user.name,
        template: 'user_reactivated',
        locale: user.locale,
        vars: {
          name: user.name,
          email: user.email,
          by: input.actor.name,
          at: formatInstant(input.now, 'Asia/Jakarta', user.locale),
        },
        now: input.now,
      });
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'user.reactivated',
      entityType: 'user',
      entityId: user.id,
      summary: {
        actor: { id: input.actor.userId, name: input.actor.name },
        target: { id: user.id, email: user.email, name: user.name },
        invitationSent: invited,
      },
      ip: input.ip,
      now: input.now,
    });
  });
}
