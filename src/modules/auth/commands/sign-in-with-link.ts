import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import { consumePasswordToken } from '../../../platform/password-tokens.js';
import { createSession, sha256 } from '../../../platform/sessions.js';
import { findUserById } from '../queries.js';
import { AppError, t } from '../../../domain/errors.js';

export interface SignInWithLinkInput {
  token: string;
  ip: string;
  userAgent: string | null;
  previousSessionToken: string | null;
  sessionMaxAgeMs: number;
  now: Date;
}

/**
 * Opens a session through an e-mailed sign-in link: the link is used up (once, conditionally), whatever
 * the login throttle says about the account. Refuses (400, stable code) an unknown, used or expired
 * link, a password link, and a link of an account deactivated since. Audits user.login (method link).
 */
export async function signInWithLink(
  db: Db,
  input: SignInWithLinkInput,
): Promise<{ user: UserRow; token: string }> {
  return db.transaction().execute(async (tx) => {
    const used = await consumePasswordToken(tx, input.token, input.now, ['sign_in']);
    const user = await findUserById(tx, used.userId);
    if (!user || !user.is_active || !user.password_hash) {
      const text = t('Tautan tidak valid.', 'The link is not valid.');
      throw new AppError(400, 'token_invalid', text, { token: { code: 'token_invalid', message: text } });
    }
    const now = input.now.toISOString();
    const updated = await tx
      .updateTable('users')
      .set({ last_login_at: now })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.previousSessionToken)
      await tx.deleteFrom('sessions').where('id', '=', sha256(input.previousSessionToken)).execute();
    const token = await createSession(tx, {
      userId: user.id,
      now: input.now,
      ip: input.ip,
      userAgent: input.userAgent,
      maxAgeMs: input.sessionMaxAgeMs,
    });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.login',
      entityType: 'user',
      entityId: user.id,
      summary: { method: 'link' },
      ip: input.ip,
      now: input.now,
    });
    return { user: updated, token };
  });
}
