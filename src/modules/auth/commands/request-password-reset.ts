import type { Db } from '../../../db/connect.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { issuePasswordToken, passwordLink } from '../../../platform/password-tokens.js';
import { normalizeEmail } from '../../../domain/email.js';
import { findUserByEmail, recentResetTokens } from '../queries.js';

/** At most this many reset mails per account per hour; further requests are silently dropped. */
export const MAX_RESETS_PER_HOUR = 3;

export interface RequestPasswordResetInput {
  email: string;
  /** The language of the page the request came from; the account's language otherwise. */
  locale?: 'id' | 'en';
  baseUrl: string;
  ip: string | null;
  now: Date;
}

/**
 * Issues a one-hour reset link and queues the mail, only for an active account and at most
 * MAX_RESETS_PER_HOUR times an hour. Returns whether a mail was queued; the caller must not reveal it.
 */
export async function requestPasswordReset(db: Db, input: RequestPasswordResetInput): Promise<boolean> {
  const user = await findUserByEmail(db, normalizeEmail(input.email));
  if (!user || !user.is_active) return false;
  const since = new Date(input.now.getTime() - 60 * 60 * 1000).toISOString();
  return db.transaction().execute(async (tx) => {
    if ((await recentResetTokens(tx, user.id, since)) >= MAX_RESETS_PER_HOUR) return false;
    const locale = input.locale ?? user.locale;
    const { token, expiresAt } = await issuePasswordToken(tx, {
      userId: user.id,
      purpose: 'reset',
      now: input.now,
    });
    await enqueueMail(tx, {
      to: user.email,
      toName: user.name,
      template: 'password_reset',
      locale,
      vars: {
        name: user.name,
        expires: formatInstant(expiresAt, 'Asia/Jakarta', locale),
      },
      secrets: { vars: { link: passwordLink(input.baseUrl, token) }, until: expiresAt },
      now: input.now,
    });
    await recordAudit(tx, {
      actorUserId: null,
      action: 'user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      summary: { locale },
      ip: input.ip,
      now: input.now,
    });
    return true;
  });
}
