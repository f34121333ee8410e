import type { Db } from '../../../../db/connect.js';
import type { AttachmentKindName } from '../../../../domain/attachments.js';
import { recordAudit } from '../../../../platform/audit.js';
import type { BlobStore, StagedObject } from '../../../../platform/storage.js';
import type { AttachmentView } from '../../attachment-rows.js';
import { recheckInstitutionRoom } from '../../storage-limits.js';
import { insertFileRow, releaseBlob, withStagedFile } from '../../../../platform/blobs.js';
import { deleteFileRowIfUnused } from '../blobs.js';
import {
  auditFile,
  attachmentOf,
  loadEditable,
  recheckUpload,
  reloadAttachment,
  sectionIdOf,
  type EditRule,
} from '../steps.js';
import { proposalRecordScope } from '../../record-scope.js';

/**
 * Replaces the file of an attachment (and optionally its kind and section; undefined keeps them). Same
 * checks as adding, with the proposal's total counted without the file being replaced. In one
 * transaction: the new `files` row, the attachment pointed at it, the old `files` row deleted, the audit
 * row `proposal.attachment_replaced` (before and after); after the commit the old blob is removed when no
 * `files` row names it any more.
 */
export async function replaceAttachment(
  db: Db,
  storage: BlobStore,
  input: {
    proposalId: number;
    attachmentId: number;
    staged: StagedObject;
    name: string;
    kind?: AttachmentKindName;
    sectionKey?: string | null;
    actorUserId: number;
    ip: string | null;
    now: Date;
    /** Replaces the drafting rule (steps.ts `loadEditable`): the admin lokal's completion. */
    rule?: EditRule;
  },
): Promise<AttachmentView> {
  let old: AttachmentView | undefined;
  const replaced = await withStagedFile(db, storage, input.staged, async (tx) => {
    const view = await loadEditable(tx, input.proposalId, input.now, input.rule);
    const before = attachmentOf(view, input.attachmentId);
    old = before;
    const kind = input.kind ?? before.kind;
    const sectionId = input.sectionKey === undefined ? before.sectionId : sectionIdOf(view, input.sectionKey);
    recheckUpload(view, { kind, replacingId: before.id, staged: input.staged });
    await recheckInstitutionRoom(tx, view, { addingBytes: input.staged.size, replacingBytes: before.size });
    const fileId = await insertFileRow(tx, {
      staged: input.staged,
      name: input.name,
      uploadedBy: input.actorUserId,
      now: input.now,
    });
    await tx
      .updateTable('proposal_attachments')
      .set({
        file_id: fileId,
        kind,
        section_id: sectionId,
        uploaded_by: input.actorUserId,
        updated_at: input.now.toISOString(),
      })
      .where('id', '=', before.id)
      .where('proposal_id', '=', input.proposalId)
      .execute();
    await deleteFileRowIfUnused(tx, before.fileId);
    const after = await reloadAttachment(tx, input.proposalId, before.id);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'proposal.attachment_replaced',
      entityType: 'proposal',
      entityId: input.proposalId,
      summary: {
        code: view.proposal.code,
        attachmentId: before.id,
        before: { kind: before.kind, sectionKey: before.sectionKey, ...auditFile(before) },
        after: { kind: after.kind, sectionKey: after.sectionKey, ...auditFile(after) },
      },
      scope: proposalRecordScope(view),
      ip: input.ip,
      now: input.now,
    });
    return after;
  });
  if (old) await releaseBlob(db, storage, old);
  return replaced;
}
