import crypto from 'node:crypto';
import type { Db } from '../db/connect.js';
import { AppError, t } from '../domain/errors.js';
import { sha256 } from './sessions.js';

export type TokenPurpose = 'reset' | 'set_password' | 'sign_in';
/** The links that set a password; a sign-in link never does (and a password link never signs in alone). */
export const PASSWORD_PURPOSES: readonly TokenPurpose[] = ['reset', 'set_password'];

/** How long a link stays valid: a reset link 1 hour, a new-account link 7 days, a sign-in link 15 minutes. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  reset: 60 * 60 * 1000,
  set_password: 7 * 24 * 60 * 60 * 1000,
  sign_in: 15 * 60 * 1000,
};

/** Issues a single-use token (only its hash is stored) and returns the token and its expiry. */
export async function issuePasswordToken(
  tx: Db,
  input: { userId: number; purpose: TokenPurpose; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + TOKEN_TTL_MS[input.purpose]);
  await tx
    .insertInto('password_tokens')
    .values({
      user_id: input.userId,
      token_hash: sha256(token),
      purpose: input.purpose,
      created_at: input.now.toISOString(),
      expires_at: expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** The link a person opens to set a password. */
export const passwordLink = (baseUrl: string, token: string) =>
  `${baseUrl}/atur-sandi?token=${encodeURIComponent(token)}`;

/** The one-time sign-in link ("Kirim tautan masuk"). */
export const signInLink = (baseUrl: string, token: string) =>
  `${baseUrl}/masuk-tautan?token=${encodeURIComponent(token)}`;

/**
 * Uses up every open link of an account (reset, set-password, sign-in): called whenever its password
 * changes, by any route, so a link sent before the change can no longer be used.
 */
export async function revokeLinks(tx: Db, userId: number, now: Date): Promise<void> {
  await tx
    .updateTable('password_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/**
 * Reads a token without using it (the set-password page shows whose account it is). Refuses (400,
 * stable code) a token that is unknown, already used or expired.
 */
export async function checkPasswordToken(
  db: Db,
  token: string,
  now: Date,
  purposes: readonly TokenPurpose[] = PASSWORD_PURPOSES,
): Promise<{ id: number; userId: number; purpose: TokenPurpose; expiresAt: string }> {
  const row = await db
    .selectFrom('password_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || !purposes.includes(row.purpose))
    throw tokenError('token_invalid', t('Tautan tidak valid.', 'The link is not valid.'));
  if (row.used_at)
    throw tokenError(
      'token_used',
      t(
        'Tautan ini sudah pernah dipakai. Minta tautan baru.',
        'This link has already been used. Ask for a new one.',
      ),
    );
  if (row.expires_at <= now.toISOString())
    throw tokenError(
      'token_expired',
      t('Tautan ini sudah kedaluwarsa. Minta tautan baru.', 'This link has expired. Ask for a new one.'),
    );
  return { id: row.id, userId: row.user_id, purpose: row.purpose, expiresAt: row.expires_at };
}

/**
 * Marks a token used and returns its user. Refuses (400, stable code) a token that is unknown,
 * expired or already used; the conditional update makes a double submit use it at most once.
 */
export async function consumePasswordToken(
  tx: Db,
  token: string,
  now: Date,
  purposes: readonly TokenPurpose[] = PASSWORD_PURPOSES,
): Promise<{ userId: number; purpose: TokenPurpose }> {
  const row = await checkPasswordToken(tx, token, now, purposes);
  const res = await tx
    .updateTable('password_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw tokenError('token_used', t('Tautan ini sudah pernah dipakai.', 'This link has already been used.'));
  return { userId: row.userId, purpose: row.purpose };
}

function tokenError(code: string, text: { id: string; en: string }) {
  return new AppError(400, code, text, { token: { code, message: text } });
}
