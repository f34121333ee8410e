import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { fieldError } from '../../../domain/errors.js';
import { checkPassword } from '../../../domain/password-policy.js';
import { recordAudit } from '../../../platform/audit.js';
import { consumePasswordToken, revokeLinks } from '../../../platform/password-tokens.js';
import { hashPassword } from '../../../platform/passwords.js';
import { createSession } from '../../../platform/sessions.js';
import { usablePasswordToken } from '../queries.js';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
  ip: string | null;
  userAgent: string | null;
  /** Absolute session lifetime (config SESSION_MAX_AGE_HOURS). */
  sessionMaxAgeMs: number;
  now: Date;
}

/**
 * Sets a password through an e-mailed link (reset or new account). The new password is checked before
 * the link is used, so a weak one leaves the link valid. Success uses the link and every other open
 * link of the account, ends all the user's sessions and opens a new one; user.password_reset is audited.
 */
export async function resetPassword(
  db: Db,
  input: ResetPasswordInput,
): Promise<{ user: UserRow; token: string }> {
  const { user } = await usablePasswordToken(db, input.token, input.now);
  const weak = checkPassword(input.newPassword, { email: user.email, name: user.name });
  if (weak) throw fieldError('newPassword', weak.code, weak.message);
  const passwordHash = await hashPassword(input.newPassword);

  return db.transaction().execute(async (tx) => {
    const used = await consumePasswordToken(tx, input.token, input.now);
    const now = input.now.toISOString();
    const updated = await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now, last_login_at: now })
      .where('id', '=', used.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Older links (and sign-in links) must not outlive the password just chosen.
    await revokeLinks(tx, updated.id, input.now);
    await tx.deleteFrom('sessions').where('user_id', '=', updated.id).execute();
    const token = await createSession(tx, {
      userId: updated.id,
      now: input.now,
      ip: input.ip,
      userAgent: input.userAgent,
      maxAgeMs: input.sessionMaxAgeMs,
    });
    await recordAudit(tx, {
      actorUserId: updated.id,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: updated.id,
      summary: { purpose: used.purpose },
      ip: input.ip,
      now: input.now,
    });
    return { user: updated, token };
  });
}
