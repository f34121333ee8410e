import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { sendInvitation } from '../invitation.js';
import { uppAccountOf, type LocalAdminActor } from '../steps.js';

export interface ReactivateUppInput {
  institution: { id: number; name: string };
  userId: number;
  actor: LocalAdminActor;
  baseUrl: string;
  ip: string | null;
  now: Date;
}

/**
 * The admin lokal lets a deactivated proposer (UPP) account of the institution log in again, with the
 * grant it kept. The person is told by mail; one who never set a password gets a new set-password link
 * (the old ones ended at deactivation). Refuses an active account (409 `user_already_active`). Audited.
 */
export async function reactivateUpp(db: Db, input: ReactivateUppInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { user, grant } = await uppAccountOf(tx, input.institution.id, input.userId);
    if (user.is_active)
      throw conflict('user_already_active', t('Akun ini sudah aktif.', 'This account is already active.'));
    await tx
      .updateTable('users')
      .set({ is_active: 1, updated_at: input.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const invited = user.password_hash === null;
    if (invited) {
      const unit = await tx
        .selectFrom('units')
        .select('name')
        .where('id', '=', grant.unit_id)
        .executeTakeFirst();
      await sendInvitation(tx, {
        user,
        role: 'upp',
        scope: unit ? `${unit.name}, ${input.institution.name}` : input.institution.name,
        institutionId: input.institution.id,
        createdByName: input.actor.name,
        baseUrl: input.baseUrl,
        now: input.now,
      });
    } else
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
        unitId: grant.unit_id,
        invitationSent: invited,
      },
      scope: { institutionId: input.institution.id },
      ip: input.ip,
      now: input.now,
    });
  });
}
