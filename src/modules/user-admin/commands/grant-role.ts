import type { Db } from '../../../db/connect.js';
import type { Role } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import { sameGrant, type GivenScope } from '../../../domain/role-scopes.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import {
  auditScope,
  checkedScope,
  lockUserAdmin,
  refuseErased,
  roleLabel,
  scopeText,
  targetUser,
  type AdminActor,
} from '../steps.js';

export interface GrantRoleInput {
  userId: number;
  role: Role;
  scope: GivenScope;
  actor: AdminActor;
  ip: string | null;
  now: Date;
}

/**
 * Gives a user one more role with its scope. Refuses a wrong scope (400 with the field) and a grant the
 * user already holds (409 `grant_exists`). The grant, the `user.role_granted` audit row, the person's
 * mail and in-app notification commit together.
 */
export async function grantRole(db: Db, input: GrantRoleInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockUserAdmin(tx);
    const user = await targetUser(tx, input.userId);
    refuseErased(user);
    const { scope, names } = await checkedScope(tx, input.role, input.scope);
    const existing = await tx
      .selectFrom('role_grants')
      .select(['role', 'institution_id', 'unit_id', 'competition_id'])
      .where('user_id', '=', user.id)
      .execute();
    const grant = { role: input.role, ...scope };
    if (
      existing.some((g) =>
        sameGrant(grant, {
          role: g.role,
          institutionId: g.institution_id,
          unitId: g.unit_id,
          competitionId: g.competition_id,
        }),
      )
    ) {
      const text = t(
        'Pengguna ini sudah memiliki peran ini dengan cakupan yang sama.',
        'This user already holds this role with the same scope.',
      );
      throw conflict('grant_exists', text, { role: { code: 'grant_exists', message: text } });
    }
    const row = await tx
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: input.role,
        institution_id: scope.institutionId,
        unit_id: scope.unitId,
        competition_id: scope.competitionId,
        granted_by: input.actor.userId,
        created_at: input.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'user.role_granted',
      entityType: 'user',
      entityId: user.id,
      summary: {
        actor: { id: input.actor.userId, name: input.actor.name },
        target: { id: user.id, email: user.email, name: user.name },
        grantId: row.id,
        ...auditScope(input.role, scope, names),
      },
      ip: input.ip,
      now: input.now,
    });
    const where = scopeText(input.role, names);
    await enqueueMail(tx, {
      to: user.email,
      toName: user.name,
      template: 'user_role_granted',
      locale: user.locale,
      vars: {
        name: user.name,
        email: user.email,
        by: input.actor.name,
        roleLabel: roleLabel(input.role, user.locale),
        scope: where[user.locale],
      },
      now: input.now,
    });
    await notifyUser(tx, {
      userId: user.id,
      kind: 'user.role_granted',
      title: t(`Peran baru: ${roleLabel(input.role, 'id')}`, `New role: ${roleLabel(input.role, 'en')}`),
      body: t(
        `${input.actor.name} memberi Anda peran ${roleLabel(input.role, 'id')} untuk ${where.id}.`,
        `${input.actor.name} gave you the role ${roleLabel(input.role, 'en')} for ${where.en}.`,
      ),
      link: '/',
      now: input.now,
    });
  });
}
