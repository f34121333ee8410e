import type { Db } from '../../../db/connect.js';
import {
  CODE_TTL_MINUTES,
  codeQuotaRefusal,
  emailRefusal,
  ratingRefusal,
  voterIdentity,
} from '../../../domain/public-ratings.js';
import { formatInstant } from '../../../domain/time.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import type { RatingCompetition } from '../queries.js';
import { codeHash, newCode, voterHash, type RatingKeys } from '../voter.js';

/** The public page's address; the mail's link carries the request and the code, and verifies on opening. */
export const ratingPagePath = (competitionId: number) => `/kompetisi/${competitionId}/nilai-publik`;

/**
 * Sends a 6-digit code to verify an address (no account): only inside the window, never to a throw-away
 * domain, at most three an hour per person (the normalized address). Keeps the person's keyed hash and the
 * code's keyed hash, never the address; the mail carries code and link as secrets (the outbox keeps them
 * redacted), and its address is erased from the outbox when the code is used (verify-code.ts).
 */
export async function requestRatingCode(
  db: Db,
  input: {
    competition: RatingCompetition;
    email: string;
    locale: 'id' | 'en';
    ip: string | null;
    now: Date;
    baseUrl: string;
    keys: RatingKeys;
  },
): Promise<{ requestId: number; expiresAt: string }> {
  const { competition: c, now } = input;
  const closed = ratingRefusal(c.window, now, c.timeZone);
  if (closed) throw closed;
  const bad = emailRefusal(input.email);
  if (bad) throw bad;
  const voter = voterHash(input.keys, voterIdentity(input.email)!);
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000).toISOString();
  const code = newCode();
  return db.transaction().execute(async (tx) => {
    const recent = await tx
      .selectFrom('public_rating_codes')
      .select('created_at')
      .where('competition_id', '=', c.id)
      .where('voter_hash', '=', voter)
      .where('created_at', '>', new Date(now.getTime() - 3600_000).toISOString())
      .execute();
    const quota = codeQuotaRefusal(
      recent.map((r) => r.created_at),
      now,
    );
    if (quota) throw quota;
    const row = await tx
      .insertInto('public_rating_codes')
      .values({
        competition_id: c.id,
        voter_hash: voter,
        code_hash: '',
        ip: input.ip,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const outboxId = await enqueueMail(tx, {
      to: input.email.trim(),
      template: 'public_rating_code',
      locale: input.locale,
      vars: {
        program: c.name,
        minutes: CODE_TTL_MINUTES,
        expiresAt: formatInstant(expiresAt, c.timeZone, 'id'),
        expiresAtEn: formatInstant(expiresAt, c.timeZone, 'en'),
      },
      secrets: {
        vars: {
          code,
          link: `${input.baseUrl}${ratingPagePath(c.id)}?permintaan=${row.id}&kode=${code}`,
        },
        until: new Date(expiresAt),
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizerInstitutionId },
      now,
    });
    await tx
      .updateTable('public_rating_codes')
      .set({ code_hash: codeHash(input.keys, row.id, code), outbox_id: outboxId })
      .where('id', '=', row.id)
      .execute();
    return { requestId: row.id, expiresAt };
  });
}
