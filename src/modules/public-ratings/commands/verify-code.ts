import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import {
  SESSION_TTL_MINUTES,
  codeRefusal,
  ratingRefusal,
  wrongCode,
} from '../../../domain/public-ratings.js';
import type { RatingCompetition } from '../queries.js';
import { codeHash, newToken, sameHash, tokenHash, type RatingKeys } from '../voter.js';

/** What stands in the outbox for an address once its code is used: nothing that names the person. */
export const ERASED_ADDRESS = 'dihapus@penilaian-publik.invalid';

/**
 * Uses a code: unknown 404, used 409, expired 410, too many wrong tries 429, wrong 400 (one try counted).
 * The right code, once (a conditional update: two uses at once give one session), opens a rating session
 * for the person's keyed hash and erases the address from the outbox rows of that person's codes, so no
 * address stays in the database after verification. Returns the session's cookie token.
 */
export async function verifyRatingCode(
  db: Db,
  input: {
    competition: RatingCompetition;
    requestId: number;
    code: string;
    ip: string | null;
    now: Date;
    keys: RatingKeys;
  },
): Promise<{ token: string; expiresAt: string }> {
  const { competition: c, now } = input;
  const closed = ratingRefusal(c.window, now, c.timeZone);
  if (closed) throw closed;
  const row = await db
    .selectFrom('public_rating_codes')
    .select(['id', 'voter_hash', 'code_hash', 'attempts', 'expires_at', 'used_at'])
    .where('id', '=', input.requestId)
    .where('competition_id', '=', c.id)
    .executeTakeFirst();
  const refused = codeRefusal(
    row && { attempts: row.attempts, expiresAt: row.expires_at, usedAt: row.used_at },
    now,
  );
  if (refused) throw refused;
  if (!sameHash(row!.code_hash, codeHash(input.keys, row!.id, input.code))) {
    await db
      .updateTable('public_rating_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row!.id)
      .execute();
    throw wrongCode(row!.attempts + 1);
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MINUTES * 60_000).toISOString();
  await db.transaction().execute(async (tx) => {
    const used = await tx
      .updateTable('public_rating_codes')
      .set({ used_at: now.toISOString() })
      .where('id', '=', row!.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw conflict('rating_code_used', t('Kode ini sudah dipakai.', 'This code was already used.'));
    await tx
      .insertInto('public_rating_sessions')
      .values({
        token_hash: tokenHash(token),
        competition_id: c.id,
        voter_hash: row!.voter_hash,
        ip: input.ip,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    // Every mail that carried a code to this person in this competition: the address goes.
    const mails = tx
      .selectFrom('public_rating_codes')
      .select('outbox_id')
      .where('competition_id', '=', c.id)
      .where('voter_hash', '=', row!.voter_hash)
      .where('outbox_id', 'is not', null);
    await tx
      .updateTable('outbox')
      .set({ to_address: ERASED_ADDRESS, to_name: null })
      .where('id', 'in', mails as never)
      .execute();
    // A code mail still waiting is moot once a code is used: it is not sent to the erased address.
    await tx
      .updateTable('outbox')
      .set({ status: 'failed', last_error: 'public rating code already used; address erased' })
      .where('id', 'in', mails as never)
      .where('status', '=', 'pending')
      .execute();
  });
  return { token, expiresAt };
}
