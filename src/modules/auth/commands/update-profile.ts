import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { badRequest, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';

export interface UpdateProfileInput {
  user: UserRow;
  name: string;
  position: string;
  phone: string;
  locale: 'id' | 'en';
  ip: string | null;
  now: Date;
}

/**
 * Saves the person's own profile; at first login this completes it (must_complete_profile = 0), which
 * requires a password to have been set. Audits user.profile_completed or user.profile_updated.
 */
export async function updateProfile(db: Db, input: UpdateProfileInput): Promise<UserRow> {
  const before = input.user;
  if (!before.password_hash)
    throw badRequest(
      'password_not_set',
      t(
        'Buat kata sandi Anda terlebih dahulu melalui tautan yang dikirim ke e-mail Anda.',
        'Set your password first through the link sent to your e-mail.',
      ),
    );
  const completing = before.must_complete_profile === 1;
  return db.transaction().execute(async (tx) => {
    const after = await tx
      .updateTable('users')
      .set({
        name: input.name,
        position: input.position,
        phone: input.phone,
        locale: input.locale,
        must_complete_profile: 0,
        updated_at: input.now.toISOString(),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: before.id,
      action: completing ? 'user.profile_completed' : 'user.profile_updated',
      entityType: 'user',
      entityId: before.id,
      summary: {
        before: { name: before.name, position: before.position, phone: before.phone, locale: before.locale },
        after: { name: after.name, position: after.position, phone: after.phone, locale: after.locale },
      },
      ip: input.ip,
      now: input.now,
    });
    return after;
  });
}
