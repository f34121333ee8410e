import type { Db } from '../../db/connect.js';
import type { UserRow } from '../../db/schema.js';
import { ROLE_LABELS, type RoleName } from '../../contracts/users.js';
import { formatInstant } from '../../domain/time.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { issuePasswordToken, passwordLink } from '../../platform/password-tokens.js';

export interface InvitationInput {
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'locale'>;
  role: RoleName;
  /** Where the account works: "unit, institution", the institution alone, a competition, … */
  scope: string;
  createdByName: string;
  /** The institution the account works for (stored with the mail). */
  institutionId?: number | null;
  baseUrl: string;
  now: Date;
}

/**
 * Issues a set-password link for an account someone else made and queues the `account_created` mail with
 * it, in the caller's transaction (the account and its mail commit together). Returns the link's expiry.
 */
export async function sendInvitation(tx: Db, input: InvitationInput): Promise<{ expiresAt: Date }> {
  const { token, expiresAt } = await issuePasswordToken(tx, {
    userId: input.user.id,
    purpose: 'set_password',
    now: input.now,
  });
  const locale = input.user.locale;
  await enqueueMail(tx, {
    to: input.user.email,
    toName: input.user.name,
    template: 'account_created',
    locale,
    vars: {
      name: input.user.name,
      createdBy: input.createdByName,
      roleLabel: ROLE_LABELS[input.role][locale],
      scope: input.scope,
      email: input.user.email,
      expires: formatInstant(expiresAt, 'Asia/Jakarta', locale),
    },
    secrets: { vars: { link: passwordLink(input.baseUrl, token) }, until: expiresAt },
    // Seen by the system administrator only: an account's own mail belongs to no organizer.
    scope: { institutionId: input.institutionId ?? null },
    now: input.now,
  });
  return { expiresAt };
}
