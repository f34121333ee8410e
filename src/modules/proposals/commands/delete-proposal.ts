import { sql } from 'kysely';
import { dialectOf, type Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { deletionRefusal } from '../../../domain/proposal-workflow.js';
import { recordAudit } from '../../../platform/audit.js';
import { releaseBlob } from '../../../platform/blobs.js';
import type { BlobStore } from '../../../platform/storage.js';
import { proposalRecordScope } from '../record-scope.js';
import { assertSubmissionOpen } from '../refusals.js';
import { loadForChange } from '../view.js';

/**
 * The proposer deletes a draft that was never sent (issue 11). A hard delete: the proposal row goes with
 * its answers, revisions and attachments (foreign keys cascade), the `files` rows no other attachment uses
 * go too, and after the commit each blob no `files` row names any more is removed (platform/blobs.ts), so
 * the institution's storage is released at once (the hourly sweep would catch a removal that failed).
 * What stays is the audit row `proposal.delete` with the code, title, group, unit and every file (name,
 * size, sha256): the audit chain keeps the record, and the code is never reused (the competition's
 * counter only grows). Refuses a draft once sent (409 `was_sent`), any other state (409
 * `invalid_transition`), a closed submission (409 `submission_closed`), and a draft changed meanwhile
 * (409 `proposal_changed`).
 */
/*
 * The evidence wing depends on the proposals wing, never the reverse (.dependency-cruiser.cjs), so the two
 * steps it shares with `evidence/` are spelled out here: the proposal's file lock (the same row lock as
 * evidence/blobs.ts `lockProposalFiles`, so an upload racing the delete waits for it and then finds no
 * proposal) and removing the `files` rows no other attachment uses.
 */
async function lockFiles(tx: Db, proposalId: number): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select id from proposals where id = ${proposalId} for no key update`.execute(tx);
}

async function deleteUnusedFileRows(tx: Db, fileIds: number[]): Promise<void> {
  for (const fileId of new Set(fileIds)) {
    const used = await tx
      .selectFrom('proposal_attachments')
      .select('id')
      .where('file_id', '=', fileId)
      .limit(1)
      .executeTakeFirst();
    if (!used) await tx.deleteFrom('files').where('id', '=', fileId).execute();
  }
}

export async function deleteProposal(
  db: Db,
  storage: BlobStore,
  input: { id: number; actorUserId: number; ip: string | null; now: Date },
): Promise<{ code: string }> {
  const removed = await db.transaction().execute(async (tx) => {
    await lockFiles(tx, input.id);
    const view = await loadForChange(tx, input.id);
    assertSubmissionOpen(view, input.now);
    const p = view.proposal;
    const refusal = deletionRefusal({ state: p.state, sentAt: p.sent_at });
    if (refusal) throw refusal;
    await tx.deleteFrom('proposal_attachments').where('proposal_id', '=', p.id).execute();
    await deleteUnusedFileRows(
      tx,
      view.attachments.map((a) => a.fileId),
    );
    const res = await tx
      .deleteFrom('proposals')
      .where('id', '=', p.id)
      .where('state', '=', 'draft')
      .where('version', '=', p.version)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1)
      throw conflict(
        'proposal_changed',
        t(
          'Proposal baru saja diubah oleh orang lain; muat ulang.',
          'The proposal was just changed by someone else; reload it.',
        ),
      );
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'proposal.delete',
      entityType: 'proposal',
      entityId: p.id,
      summary: {
        code: p.code,
        title: p.title,
        group: view.group.key,
        unit: view.unit.name,
        version: p.version,
        files: view.attachments.map((a) => ({ name: a.name, size: a.size, sha256: a.sha256 })),
      },
      scope: proposalRecordScope(view),
      ip: input.ip,
      now: input.now,
    });
    return { code: p.code, blobs: view.attachments };
  });
  for (const blob of removed.blobs) await releaseBlob(db, storage, blob);
  return { code: removed.code };
}
