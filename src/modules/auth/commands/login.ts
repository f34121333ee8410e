import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { AppError, retryLater, t } from '../../../domain/errors.js';
import { auditThisFailure, loginWait, tallyLogin, waitText } from '../../../domain/login-throttle.js';
import { recordAudit } from '../../../platform/audit.js';
import { dummyHash, verifyPassword } from '../../../platform/passwords.js';
import { createSession, sha256 } from '../../../platform/sessions.js';
import { normalizeEmail } from '../../../domain/email.js';
import { clearOwnFailures, recentFailures, recordFailure } from '../login-throttle.js';
import { findUserByEmail } from '../queries.js';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The known devices the browser carries (platform/known-device.ts): account id → device id. */
  knownDevices: ReadonlyMap<number, string>;
  /** The session this browser held before, replaced by the new one. */
  previousSessionToken: string | null;
  /** Absolute session lifetime (config SESSION_MAX_AGE_HOURS). */
  sessionMaxAgeMs: number;
  now: Date;
}

/** One answer for every kind of wrong login, so nobody can learn which e-mail addresses have accounts. */
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', t('E-mail atau kata sandi salah.', 'Wrong e-mail or password.'));

const tooManyAttempts = (seconds: number) => {
  seconds = Math.max(1, Math.ceil(seconds));
  const wait = waitText(seconds);
  return retryLater(
    'too_many_attempts',
    t(
      `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${wait.id}, atau minta tautan masuk lewat e-mail (“Kirim tautan masuk”).`,
      `Too many failed login attempts. Try again in ${wait.en}, or ask for a sign-in link by e-mail (“Send me a sign-in link”).`,
    ),
    seconds,
  );
};

/**
 * Checks the credentials and opens a session. Refuses every wrong case with the same 401. An attempt in a
 * throttled scope (domain/login-throttle.ts) is refused with 429 and Retry-After before the password is
 * looked at, and is not counted; a known device of the account is judged only by its own failures, so an
 * attack from elsewhere never locks the owner's browser out. Failures are audited (user.login_failed, with
 * the address, never the password), one by one up to a limit per window, then as counted summaries.
 * Success forgets the failures of its own scope only, stamps last_login_at and audits user.login.
 */
export async function login(
  db: Db,
  input: LoginInput,
): Promise<{ user: UserRow; token: string; device: string | null }> {
  const email = normalizeEmail(input.email);
  const user = await findUserByEmail(db, email);
  const device = (user && input.knownDevices.get(user.id)) ?? null;

  const rows = await recentFailures(db, { email, ip: input.ip, kind: 'login', now: input.now });
  const wait = loginWait(tallyLogin(rows, { email, ip: input.ip, device }), input.now);
  if (wait) throw tooManyAttempts((wait.until - input.now.getTime()) / 1000);

  // Always verify against some hash, so an unknown e-mail takes as long as a wrong password.
  const matches = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !user.password_hash || !user.is_active || !matches) {
    await db.transaction().execute(async (tx) => {
      await recordFailure(tx, { email, ip: input.ip, device, kind: 'login', now: input.now });
      const at = input.now.toISOString();
      const after = tallyLogin([...rows, { email, ip: input.ip, device, at }], {
        email,
        ip: input.ip,
        device,
      });
      const counts = { pair: after.pair.count, account: after.account.count, source: after.source.count };
      if (auditThisFailure(counts))
        await recordAudit(tx, {
          actorUserId: null,
          action: 'user.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          // The e-mail only when it names no account (it is the entity otherwise); never the password.
          summary: { ...(user ? {} : { email }), knownDevice: device !== null, failuresInLastHour: counts },
          ip: input.ip,
          now: input.now,
        });
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
    await clearOwnFailures(tx, { email, ip: input.ip, device, kind: 'login' });
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
      summary: {},
      ip: input.ip,
      now: input.now,
    });
    return { user: updated, token, device };
  });
}
