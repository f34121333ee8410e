import type { Db } from '../../../db/connect.js';
import type { RoleName } from '../../../contracts/users.js';
import { conflict, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { sendInvitation } from '../invitation.js';

export interface ResendInvitationInput {
  userId: number;
  role: RoleName;
  scope: string;
  sentBy: { userId: number; name: string };
  baseUrl: string;
  ip: string | null;
  now: Date;
}

/**
 * Sends a new set-password link to someone who has not set a password yet; earlier unused links stop
 * working, so only the newest mail is valid. Refuses (409 `password_already_set`) an account in use.
 */
export async function resendInvitation(db: Db, input: ResendInvitationInput): Promise<{ expiresAt: Date }> {
  return db.transaction().execute(async (tx) => {
    const user = await tx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', input.userId)
      .executeTakeFirstOrThrow();
    if (user.password_hash)
      throw conflict(
        'password_already_set',
        t(
          'Pengguna ini sudah membuat kata sandi; undangan tidak perlu dikirim ulang.',
          'This person has already set a password; there is no invitation to resend.',
        ),
      );
    const now = input.now.toISOString();
    await tx
      .updateTable('password_tokens')
      .set({ used_at: now })
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'set_password')
      .where('used_at', 'is', null)
      .execute();
    const { expiresAt } = await sendInvitation(tx, {
      user,
      role: input.role,
      scope: input.scope,
      createdByName: input.sentBy.name,
      baseUrl: input.baseUrl,
      now: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.sentBy.userId,
      action: 'user.invitation_resent',
      entityType: 'user',
      entityId: user.id,
      summary: { email: user.email, role: input.role, expiresAt: expiresAt.toISOString() },
      ip: input.ip,
      now: input.now,
    });
    return { expiresAt };
  });
}
