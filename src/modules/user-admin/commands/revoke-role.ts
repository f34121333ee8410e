import type { Db } from '../../../db/connect.js';
import { notFound, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import {
  auditScope,
  guardChange,
  lockUserAdmin,
  roleLabel,
  scopeText,
  targetUser,
  type AdminActor,
} from '../steps.js';
import { grantsOfUsers } from '../queries.js';

export interface RevokeRoleInput {
  userId: number;
  grantId: number;
  actor: AdminActor;
  ip: string | null;
  now: Date;
}

/**
 * Takes one role grant away from a user; it stops counting at the user's next request (the grant is read
 * with the session). Refuses the last active
 * System Administrator role of the installation (409 `last_system_admin`). The removal, the
 * `user.role_revoked` audit row, the person's mail and in-app notification commit together.
 */
export async function revokeRole(db: Db, input: RevokeRoleInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockUserAdmin(tx);
    const user = await targetUser(tx, input.userId);
    const grant = (await grantsOfUsers(tx, [user.id])).find((g) => g.id === input.grantId);
    if (!grant) throw notFound(t('Peran ini tidak ditemukan.', 'This role grant was not found.'));
    await guardChange(tx, {
      kind: 'revoke',
      actorUserId: input.actor.userId,
      targetUserId: user.id,
      grantId: grant.id,
    });
    await tx.deleteFrom('role_grants').where('id', '=', grant.id).execute();
    const scope = {
      institutionId: grant.institution_id,
      unitId: grant.unit_id,
      competitionId: grant.competition_id,
    };
    const names = {
      institutionName: grant.institution_name,
      unitName: grant.unit_name,
      competitionName: grant.competition_name,
    };
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'user.role_revoked',
      entityType: 'user',
      entityId: user.id,
      summary: {
        actor: { id: input.actor.userId, name: input.actor.name },
        target: { id: user.id, email: user.email, name: user.name },
        grantId: grant.id,
        ...auditScope(grant.role, scope, names),
        grantedAt: grant.created_at,
      },
      ip: input.ip,
      now: input.now,
    });
    const where = scopeText(grant.role, names);
    await enqueueMail(tx, {
      to: user.email,
      toName: user.name,
      template: 'user_role_revoked',
      locale: user.locale,
      vars: {
        name: user.name,
        email: user.email,
        by: input.actor.name,
        roleLabel: roleLabel(grant.role, user.locale),
        scope: where[user.locale],
        at: formatInstant(input.now, 'Asia/Jakarta', user.locale),
      },
      now: input.now,
    });
    await notifyUser(tx, {
      userId: user.id,
      kind: 'user.role_revoked',
      title: t(
        `Peran dicabut: ${roleLabel(grant.role, 'id')}`,
        `Role revoked: ${roleLabel(grant.role, 'en')}`,
      ),
      body: t(
        `${input.actor.name} mencabut peran ${roleLabel(grant.role, 'id')} untuk ${where.id} dari akun Anda.`,
        `${input.actor.name} revoked the role ${roleLabel(grant.role, 'en')} for ${where.en} from your account.`,
      ),
      link: null,
      now: input.now,
    });
  });
}
