import type { Db } from '../../../../db/connect.js';
import { recordAudit } from '../../../../platform/audit.js';
import type { BlobStore } from '../../../../platform/storage.js';
import { releaseBlob } from '../../../../platform/blobs.js';
import { deleteFileRowIfUnused } from '../blobs.js';
import { auditFile, attachmentOf, loadEditable } from '../steps.js';
import { proposalRecordScope } from '../../record-scope.js';

/**
 * Deletes an attachment while the proposal is editable: the attachment row, its `files` row and the audit
 * row `proposal.attachment_removed` in one transaction; after the commit the blob is removed when no
 * `files` row names its sha256 any more (identical content attached elsewhere keeps it).
 */
export async function removeAttachment(
  db: Db,
  storage: BlobStore,
  input: { proposalId: number; attachmentId: number; actorUserId: number; ip: string | null; now: Date },
): Promise<void> {
  const removed = await db.transaction().execute(async (tx) => {
    const view = await loadEditable(tx, input.proposalId, input.now);
    const a = attachmentOf(view, input.attachmentId);
    await tx
      .deleteFrom('proposal_attachments')
      .where('id', '=', a.id)
      .where('proposal_id', '=', input.proposalId)
      .execute();
    await deleteFileRowIfUnused(tx, a.fileId);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'proposal.attachment_removed',
      entityType: 'proposal',
      entityId: input.proposalId,
      summary: {
        code: view.proposal.code,
        attachmentId: a.id,
        kind: a.kind,
        sectionKey: a.sectionKey,
        ...auditFile(a),
      },
      scope: proposalRecordScope(view),
      ip: input.ip,
      now: input.now,
    });
    return a;
  });
  await releaseBlob(db, storage, removed);
}
