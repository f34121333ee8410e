import type { Db } from '../../../db/connect.js';
import { AppError, fieldError, t } from '../../../domain/errors.js';
import { ratingRefusal } from '../../../domain/public-ratings.js';
import type { RatingCompetition } from '../queries.js';

export const sessionRequired = () =>
  new AppError(
    401,
    'rating_session_required',
    t(
      'Verifikasi alamat e-mail Anda dahulu (atau lagi: sesi penilaian berakhir setelah 2 jam).',
      'Verify your e-mail address first (or again: a rating session ends after 2 hours).',
    ),
  );

/**
 * One rating of one finalist by one person: a single upsert on (finalist, person's keyed hash), so the
 * same person in two sessions, two tabs or a double click leaves one row, and rating again replaces the
 * value within the window. Outside the window 409 with the times; a proposal that is not (or no longer)
 * a finalist of the competition is a field error. Not audited one by one: the row is the record (its
 * created and updated instants, session and address), and the anomaly report reads it.
 */
export async function rateFinalist(
  db: Db,
  input: {
    competition: RatingCompetition;
    session: { id: number; voter_hash: string };
    proposalId: number;
    value: number;
    ip: string | null;
    now: Date;
  },
): Promise<{ replaced: boolean }> {
  const { competition: c, now } = input;
  const closed = ratingRefusal(c.window, now, c.timeZone);
  if (closed) throw closed;
  const finalist = await db
    .selectFrom('proposals')
    .select('id')
    .where('id', '=', input.proposalId)
    .where('competition_id', '=', c.id)
    .where('state', '=', 'finalist')
    .executeTakeFirst();
  if (!finalist)
    throw fieldError(
      'proposalId',
      'not_a_finalist',
      t('Pilih salah satu finalis dari daftar.', 'Choose one of the finalists from the list.'),
    );
  const at = now.toISOString();
  const row = await db
    .insertInto('public_ratings')
    .values({
      competition_id: c.id,
      proposal_id: input.proposalId,
      voter_hash: input.session.voter_hash,
      session_id: input.session.id,
      value: input.value,
      ip: input.ip,
      created_at: at,
      updated_at: at,
      exclusion_id: null,
    })
    .onConflict((oc) =>
      oc.columns(['proposal_id', 'voter_hash']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        session_id: eb.ref('excluded.session_id'),
        ip: eb.ref('excluded.ip'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning(['created_at'])
    .executeTakeFirstOrThrow();
  return { replaced: row.created_at !== at };
}
