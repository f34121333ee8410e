import type { Db } from '../../db/connect.js';
import { claimedByOther, claimHolder, CLAIM_MINUTES } from '../../domain/admin-check.js';
import { formatInstant } from '../../domain/time.js';
import { t } from '../../domain/errors.js';
import type { AdminCheckRow } from './rows.js';
import { userNames } from './rows.js';

/*
 * The claim on a check: "Ambil berikutnya" takes the oldest undecided check whose claim is free, for
 * CLAIM_MINUTES, with one conditional UPDATE (the WHERE re-checks that the claim is still free, so two
 * members taking at once get different proposals on both databases: PostgreSQL re-evaluates the condition
 * on the locked row, SQLite has one writer). Deciding releases it.
 */

/** Refuses (409 `claimed_by_other`, naming who and until when with its zone) a check another member holds. */
export async function assertNotClaimedByOther(
  db: Db,
  check: AdminCheckRow,
  input: { userId: number; now: Date; timeZone: string },
): Promise<void> {
  const holder = claimHolder(check, input.userId, input.now);
  if (holder.kind !== 'other') return;
  const name = (await userNames(db, [holder.userId])).get(holder.userId) ?? '-';
  throw claimedByOther(
    name,
    t(formatInstant(holder.until, input.timeZone, 'id'), formatInstant(holder.until, input.timeZone, 'en')),
  );
}

const claimUntil = (now: Date) => new Date(now.getTime() + CLAIM_MINUTES * 60_000).toISOString();

/**
 * Claims the next undecided check of the competition for the user: the one it already holds, else the
 * oldest free one. Returns its proposal id, or null when nothing is left. Retries when another member took
 * the same row at the same moment.
 */
export async function claimNext(
  db: Db,
  input: { competitionId: number; userId: number; now: Date },
): Promise<number | null> {
  const now = input.now.toISOString();
  const held = await db
    .selectFrom('admin_checks')
    .select('proposal_id')
    .where('competition_id', '=', input.competitionId)
    .where('outcome', 'is', null)
    .where('claimed_by', '=', input.userId)
    .where('claimed_until', '>', now)
    .orderBy('proposal_id')
    .limit(1)
    .executeTakeFirst();
  if (held) {
    await db
      .updateTable('admin_checks')
      .set({ claimed_until: claimUntil(input.now) })
      .where('proposal_id', '=', held.proposal_id)
      .where('claimed_by', '=', input.userId)
      .execute();
    return held.proposal_id;
  }
  for (let attempt = 0; attempt < 8; attempt++) {
    const free = await db
      .selectFrom('admin_checks')
      .select('id')
      .where('competition_id', '=', input.competitionId)
      .where('outcome', 'is', null)
      .where('published_at', 'is', null)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
      .orderBy('proposal_id')
      .limit(1)
      .executeTakeFirst();
    if (!free) return null;
    const taken = await db
      .updateTable('admin_checks')
      .set({ claimed_by: input.userId, claimed_until: claimUntil(input.now), updated_at: now })
      .where('id', '=', free.id)
      .where('outcome', 'is', null)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
      .returning('proposal_id')
      .executeTakeFirst();
    if (taken) return taken.proposal_id;
  }
  return null;
}

/** Claims one check for the user when it is free or already the user's (409 when another holds it). */
export async function claimOne(
  db: Db,
  input: { check: AdminCheckRow; userId: number; now: Date; timeZone: string },
): Promise<void> {
  const now = input.now.toISOString();
  const res = await db
    .updateTable('admin_checks')
    .set({ claimed_by: input.userId, claimed_until: claimUntil(input.now), updated_at: now })
    .where('id', '=', input.check.id)
    .where((eb) =>
      eb.or([
        eb('claimed_until', 'is', null),
        eb('claimed_until', '<=', now),
        eb('claimed_by', '=', input.userId),
      ]),
    )
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return;
  const fresh = await db
    .selectFrom('admin_checks')
    .selectAll()
    .where('id', '=', input.check.id)
    .executeTakeFirstOrThrow();
  await assertNotClaimedByOther(db, fresh, {
    userId: input.userId,
    now: input.now,
    timeZone: input.timeZone,
  });
}

/** Gives a claim back (the member leaves the proposal without deciding). */
export async function releaseClaim(db: Db, input: { proposalId: number; userId: number }): Promise<void> {
  await db
    .updateTable('admin_checks')
    .set({ claimed_by: null, claimed_until: null })
    .where('proposal_id', '=', input.proposalId)
    .where('claimed_by', '=', input.userId)
    .execute();
}
