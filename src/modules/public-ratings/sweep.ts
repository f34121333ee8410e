import type { Db } from '../../db/connect.js';
import { hourlyJob } from '../../platform/recurring-jobs.js';
import { ERASED_ADDRESS } from './commands/verify-code.js';

/*
 * The addresses of codes nobody used: a code's mail keeps its address in the outbox until the code is used
 * (verify-code.ts erases it then). A code that expires unused would keep it for ever; this hourly sweep
 * erases the address of every mail whose code has expired unused, fails such a mail still waiting (its code
 * is dead), and unlinks the code from the mail, so each code is swept once.
 */

export const RATING_ADDRESS_SWEEP_KIND = 'public_rating_address_sweep';

/** Erases the addresses of the expired, unused codes' mails; returns how many mails it erased. */
export async function eraseUnusedCodeAddresses(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const expired = await tx
      .selectFrom('public_rating_codes')
      .select(['id', 'outbox_id'])
      .where('used_at', 'is', null)
      .where('expires_at', '<=', now.toISOString())
      .where('outbox_id', 'is not', null)
      .execute();
    if (!expired.length) return 0;
    let erased = 0;
    for (let i = 0; i < expired.length; i += 500) {
      const batch = expired.slice(i, i + 500);
      const mails = batch.map((c) => c.outbox_id!);
      await tx
        .updateTable('outbox')
        .set({ status: 'failed', last_error: 'public rating code expired unused; address erased' })
        .where('id', 'in', mails)
        .where('status', '=', 'pending')
        .execute();
      const r = await tx
        .updateTable('outbox')
        .set({ to_address: ERASED_ADDRESS, to_name: null })
        .where('id', 'in', mails)
        .where('to_address', '!=', ERASED_ADDRESS)
        .executeTakeFirst();
      erased += Number(r.numUpdatedRows);
      await tx
        .updateTable('public_rating_codes')
        .set({ outbox_id: null })
        .where(
          'id',
          'in',
          batch.map((c) => c.id),
        )
        .execute();
    }
    return erased;
  });
}

export const ratingAddressSweepJob = hourlyJob(RATING_ADDRESS_SWEEP_KIND, eraseUnusedCodeAddresses);
