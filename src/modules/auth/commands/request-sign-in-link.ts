import type { Db } from '../../../db/connect.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { issuePasswordToken, signInLink } from '../../../platform/password-tokens.js';
import { normalizeEmail } from '../../../domain/email.js';
import { findUserByEmail } from '../queries.js';

/** At most this many sign-in links per account per hour; further requests are silently dropped. */
export const MAX_SIGN_IN_LINKS_PER_HOUR = 3;

export interface RequestSignInLinkInput {
  email: string;
  locale?: 'id' | 'en';
  baseUrl: string;
  ip: string | null;
  now: Date;
}

/**
 * "Kirim tautan masuk": e-mails a one-time sign-in link (15 minutes, only its hash stored) to an active
 * account that has a password, at most MAX_SIGN_IN_LINKS_PER_HOUR an hour. It lets the owner in while the
 * account is throttled by an attack: the login throttle never applies to it. Returns whether a mail was
 * queued; the caller must not reveal it. The link travels in the mail's `link` variable, like the reset
 * link, so the outbox keeps it out of sight the same way.
 */
export async function requestSignInLink(db: Db, input: RequestSignInLinkInput): Promise<boolean> {
  const user = await findUserByEmail(db, normalizeEmail(input.email));
  if (!user || !user.is_active || !user.password_hash) return false;
  const since = new Date(input.now.getTime() - 60 * 60 * 1000).toISOString();
  return db.transaction().execute(async (tx) => {
    const recent = await tx
      .selectFrom('password_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'sign_in')
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= MAX_SIGN_IN_LINKS_PER_HOUR) return false;
    const locale = input.locale ?? user.locale;
    const { token, expiresAt } = await issuePasswordToken(tx, {
      userId: user.id,
      purpose: 'sign_in',
      now: input.now,
    });
    await enqueueMail(tx, {
      to: user.email,
      toName: user.name,
      template: 'sign_in_link',
      locale,
      vars: { name: user.name, expires: formatInstant(expiresAt, 'Asia/Jakarta', locale) },
      // The link is a secret: only the recipient's copy carries it (platform/mail/outbox.ts).
      secrets: { vars: { link: signInLink(input.baseUrl, token) }, until: expiresAt },
      now: input.now,
    });
    await recordAudit(tx, {
      actorUserId: null,
      action: 'user.sign_in_link_requested',
      entityType: 'user',
      entityId: user.id,
      summary: { locale },
      ip: input.ip,
      now: input.now,
    });
    return true;
  });
}
