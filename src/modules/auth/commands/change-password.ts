import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { invalidFields, t, type FieldProblem } from '../../../domain/errors.js';
import { checkPassword } from '../../../domain/password-policy.js';
import { recordAudit } from '../../../platform/audit.js';
import { hashPassword, verifyPassword } from '../../../platform/passwords.js';
import { sha256 } from '../../../platform/sessions.js';

export interface ChangePasswordInput {
  user: UserRow;
  /** The session making the change; it stays open, every other session of the user is closed. */
  sessionToken: string;
  currentPassword: string;
  newPassword: string;
  ip: string | null;
  now: Date;
}

/**
 * Replaces the password after checking the current one and the new one's strength (both problems are
 * reported together). Every other session of the user ends; user.password_changed is audited.
 */
export async function changePassword(db: Db, input: ChangePasswordInput): Promise<void> {
  const { user } = input;
  const fields: Record<string, FieldProblem> = {};
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    fields.currentPassword = {
      code: 'wrong_password',
      message: t('Kata sandi saat ini salah.', 'The current password is wrong.'),
    };
  const weak = checkPassword(input.newPassword, { email: user.email, name: user.name });
  if (weak) fields.newPassword = weak;
  if (Object.keys(fields).length) throw invalidFields(fields);

  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: input.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await tx
      .deleteFrom('sessions')
      .where('user_id', '=', user.id)
      .where('id', '!=', sha256(input.sessionToken))
      .execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      summary: {},
      ip: input.ip,
      now: input.now,
    });
  });
}
