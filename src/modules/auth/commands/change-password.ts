import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { invalidFields, retryLater, t, type FieldProblem } from '../../../domain/errors.js';
import {
  auditThisFailure,
  CHANGE_PASSWORD_RULE,
  emptyTally,
  waitText,
  waitUntil,
} from '../../../domain/login-throttle.js';
import { checkPassword } from '../../../domain/password-policy.js';
import { recordAudit } from '../../../platform/audit.js';
import { revokeLinks } from '../../../platform/password-tokens.js';
import { hashPassword, verifyPassword } from '../../../platform/passwords.js';
import { sha256 } from '../../../platform/sessions.js';
import { clearOwnFailures, recentFailures, recordFailure } from '../login-throttle.js';

export interface ChangePasswordInput {
  user: UserRow;
  /** The session making the change; it stays open, every other session of the user is closed. */
  sessionToken: string;
  currentPassword: string;
  newPassword: string;
  ip: string;
  now: Date;
}

const tooManyGuesses = (seconds: number) => {
  seconds = Math.max(1, Math.ceil(seconds));
  const wait = waitText(seconds);
  return retryLater(
    'too_many_attempts',
    t(
      `Terlalu banyak kata sandi saat ini yang salah. Coba lagi dalam ${wait.id}.`,
      `Too many wrong current passwords. Try again in ${wait.en}.`,
    ),
    seconds,
  );
};

/**
 * Replaces the password after checking the current one and the new one's strength (both problems are
 * reported together). Wrong current passwords are counted per account: from the third within an hour the
 * next try must wait (429, doubling), and each is audited (user.password_change_failed, summaries beyond
 * the first few). Success ends every other session of the user and uses up every open link of the
 * account (reset, set-password, sign-in); user.password_changed is audited.
 */
export async function changePassword(db: Db, input: ChangePasswordInput): Promise<void> {
  const { user } = input;
  const email = user.email;
  const rows = await recentFailures(db, { email, ip: input.ip, kind: 'change_password', now: input.now });
  const tally = emptyTally();
  for (const r of rows) {
    tally.count++;
    if (!tally.lastAt || r.at > tally.lastAt) tally.lastAt = r.at;
  }
  const until = waitUntil(tally, CHANGE_PASSWORD_RULE);
  if (until !== null && until > input.now.getTime())
    throw tooManyGuesses((until - input.now.getTime()) / 1000);

  const fields: Record<string, FieldProblem> = {};
  const currentOk = await verifyPassword(user.password_hash, input.currentPassword);
  if (!currentOk)
    fields.currentPassword = {
      code: 'wrong_password',
      message: t('Kata sandi saat ini salah.', 'The current password is wrong.'),
    };
  const weak = checkPassword(input.newPassword, { email: user.email, name: user.name });
  if (weak) fields.newPassword = weak;
  if (!currentOk) {
    const count = tally.count + 1;
    await db.transaction().execute(async (tx) => {
      await recordFailure(tx, { email, ip: input.ip, device: null, kind: 'change_password', now: input.now });
      if (auditThisFailure({ pair: count, account: count, source: 0 }))
        await recordAudit(tx, {
          actorUserId: user.id,
          action: 'user.password_change_failed',
          entityType: 'user',
          entityId: user.id,
          summary: { failuresInLastHour: count },
          ip: input.ip,
          now: input.now,
        });
    });
  }
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
    await revokeLinks(tx, user.id, input.now);
    await clearOwnFailures(tx, { email, ip: input.ip, device: null, kind: 'change_password' });
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
