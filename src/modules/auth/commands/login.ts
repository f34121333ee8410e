import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { AppError, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { dummyHash, verifyPassword } from '../../../platform/passwords.js';
import { createSession, sha256 } from '../../../platform/sessions.js';
import { normalizeEmail } from '../../users/commands/create-account.js';
import { findUserByEmail, recentLoginFailures } from '../queries.js';

/** Failed logins are counted over this sliding window. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one e-mail address before it is locked for the rest of the window. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failures from one client address before it is locked for the rest of the window. */
export const MAX_FAILURES_PER_IP = 30;

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The session this browser held before, replaced by the new one. */
  previousSessionToken: string | null;
  now: Date;
}

/** One answer for every kind of wrong login, so nobody can learn which e-mail addresses have accounts. */
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', t('E-mail atau kata sandi salah.', 'Wrong e-mail or password.'));

const tooManyAttempts = (minutes: number) =>
  new AppError(
    429,
    'too_many_attempts',
    t(
      `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`,
      `Too many failed login attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    ),
  );

/**
 * Checks the credentials and opens a session. Refuses every wrong case with the same 401, and with 429
 * while the e-mail or the client address has too many recent failures (even with the right password).
 * Success clears the e-mail's failures, stamps last_login_at and writes the user.login audit event.
 */
export async function login(db: Db, input: LoginInput): Promise<{ user: UserRow; token: string }> {
  const email = normalizeEmail(input.email);
  const nowMs = input.now.getTime();
  const since = new Date(nowMs - LOGIN_WINDOW_MS).toISOString();

  const failures = await recentLoginFailures(db, { email, ip: input.ip, since });
  const lockedSince =
    failures.byEmail >= MAX_FAILURES_PER_EMAIL
      ? failures.oldestByEmail
      : failures.byIp >= MAX_FAILURES_PER_IP
        ? failures.oldestByIp
        : null;
  if (lockedSince) {
    const remainingMs = new Date(lockedSince).getTime() + LOGIN_WINDOW_MS - nowMs;
    throw tooManyAttempts(Math.max(1, Math.ceil(remainingMs / 60_000)));
  }

  const user = await findUserByEmail(db, email);
  // Always verify against some hash, so an unknown e-mail takes as long as a wrong password.
  const matches = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !user.password_hash || !user.is_active || !matches) {
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('login_failures').where('email', '=', email).where('at', '<=', since).execute();
      await tx
        .insertInto('login_failures')
        .values({ email, ip: input.ip, at: input.now.toISOString() })
        .execute();
    });
    throw invalidCredentials();
  }

  return db.transaction().execute(async (tx) => {
    const now = input.now.toISOString();
    const updated = await tx
      .updateTable('users')
      .set({ last_login_at: now })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.deleteFrom('login_failures').where('email', '=', email).execute();
    if (input.previousSessionToken)
      await tx.deleteFrom('sessions').where('id', '=', sha256(input.previousSessionToken)).execute();
    const token = await createSession(tx, {
      userId: user.id,
      now: input.now,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.login',
      entityType: 'user',
      entityId: user.id,
      summary: {},
      ip: input.ip,
      now: input.now,
    });
    return { user: updated, token };
  });
}
