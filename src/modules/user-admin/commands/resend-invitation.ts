import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { resendInvitation } from '../../users/commands/resend-invitation.js';
import { grantsOfUsers } from '../queries.js';
import { scopeText, targetUser, type AdminActor } from '../steps.js';

export interface AdminResendInput {
  userId: number;
  actor: AdminActor;
  baseUrl: string;
  ip: string | null;
  now: Date;
}

/**
 * Sends a new set-password link to an account that has not set a password yet (the earlier links stop
 * working), naming its first role; the link goes only to the person's mailbox. Refuses a deactivated
 * account (409 `user_inactive`: its links would not work) and one in use (409 `password_already_set`).
 */
export async function adminResendInvitation(db: Db, input: AdminResendInput): Promise<{ expiresAt: Date }> {
  const user = await targetUser(db, input.userId);
  if (!user.is_active)
    throw conflict(
      'user_inactive',
      t(
        'Akun ini nonaktif; aktifkan kembali terlebih dahulu.',
        'This account is deactivated; reactivate it first.',
      ),
    );
  const first = (await grantsOfUsers(db, [user.id]))[0];
  return resendInvitation(db, {
    userId: user.id,
    role: first?.role ?? 'upp',
    scope: first
      ? scopeText(first.role, {
          institutionName: first.institution_name,
          unitName: first.unit_name,
          competitionName: first.competition_name,
        })[user.locale]
      : '-',
    sentBy: input.actor,
    baseUrl: input.baseUrl,
    ip: input.ip,
    now: input.now,
  });
}
