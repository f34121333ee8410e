import { sql } from 'kysely';
import type { Db } from '../../../db/connect.js';
import { dialectOf } from '../../../db/connect.js';

/*
 * The evidence side of stored files: a proposal's attachment changes run one at a time, and a `files` row
 * goes when no attachment uses it. Storing and releasing the blobs themselves (content-addressed, shared
 * with the letters of admin lokal account requests) is platform/blobs.ts; the proposal's row is locked
 * before any blob, so the order of locks is always the same.
 */

/** Serialises attachment changes of one proposal (PostgreSQL; SQLite runs one writer at a time). */
export async function lockProposalFiles(tx: Db, proposalId: number): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select id from proposals where id = ${proposalId} for no key update`.execute(tx);
}

/** Deletes a `files` row that no attachment uses any more (other rows may still share its blob). */
export async function deleteFileRowIfUnused(tx: Db, fileId: number): Promise<void> {
  const used = await tx
    .selectFrom('proposal_attachments')
    .select('id')
    .where('file_id', '=', fileId)
    .limit(1)
    .executeTakeFirst();
  if (!used) await tx.deleteFrom('files').where('id', '=', fileId).execute();
}
