import type { Db } from '../../src/db/connect.js';

/**
 * The text the recipient will get for an outbox message with a secret link: its real bodies wait in
 * outbox_secrets until delivery (the outbox row, which people browse, has the link redacted).
 */
export async function recipientText(db: Db, outboxId: number): Promise<string> {
  const row = await db
    .selectFrom('outbox_secrets')
    .select('text_body')
    .where('outbox_id', '=', outboxId)
    .executeTakeFirstOrThrow();
  return row.text_body;
}

export const REDACTED_ID = '[tautan rahasia — hanya dikirim ke penerima]';
export const REDACTED_EN = '[secret link — sent to the recipient only]';
