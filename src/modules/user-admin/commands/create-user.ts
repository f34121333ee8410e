import type { Db } from '../../../db/connect.js';
import type { Role, UserRow } from '../../../db/schema.js';
import type { GivenScope } from '../../../domain/role-scopes.js';
import { recordAudit } from '../../../platform/audit.js';
import { createAccount, emailTaken } from '../../users/commands/create-account.js';
import { sendInvitation } from '../../users/invitation.js';
import { auditScope, checkedScope, lockUserAdmin, scopeText, type AdminActor } from '../steps.js';

export interface CreateUserInput {
  email: string;
  name: string;
  locale?: 'id' | 'en';
  role: Role;
  scope: GivenScope;
  actor: AdminActor;
  baseUrl: string;
  ip: string | null;
  now: Date;
}

const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/**
 * The system administrator creates an account with one role and its scope. The account has no password:
 * the person gets the `account_created` mail with a single-use set-password link (the link goes only to
 * that mailbox, never back to the administrator) and completes the profile at first login. The user, its
 * grant, the link, the mail and the `user.created` audit row commit together. Refuses a wrong scope (400
 * with the field) and an e-mail already registered (409 `email_taken`).
 */
export async function createUser(db: Db, input: CreateUserInput): Promise<UserRow> {
  try {
    return await db.transaction().execute(async (tx) => {
      await lockUserAdmin(tx);
      const { scope, names } = await checkedScope(tx, input.role, input.scope);
      const user = await createAccount(tx, {
        email: input.email,
        name: input.name,
        role: input.role,
        ...scope,
        locale: input.locale ?? 'id',
        password: null,
        mustCompleteProfile: true,
        createdBy: input.actor.userId,
        now: input.now,
      });
      const { expiresAt } = await sendInvitation(tx, {
        user,
        role: input.role,
        scope: scopeText(input.role, names)[user.locale],
        createdByName: input.actor.name,
        baseUrl: input.baseUrl,
        now: input.now,
      });
      await recordAudit(tx, {
        actorUserId: input.actor.userId,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        summary: {
          actor: { id: input.actor.userId, name: input.actor.name },
          target: { id: user.id, email: user.email, name: user.name },
          ...auditScope(input.role, scope, names),
          invitationExpiresAt: expiresAt.toISOString(),
        },
        ip: input.ip,
        now: input.now,
      });
      return user;
    });
  } catch (err) {
    // Two requests for the same address at once: the unique index refuses the second.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}
