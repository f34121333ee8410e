import type { Db } from '../../../../db/connect.js';
import type { AttachmentKindName } from '../../../../domain/attachments.js';
import { recordAudit } from '../../../../platform/audit.js';
import type { BlobStore, StagedObject } from '../../../../platform/storage.js';
import type { AttachmentView } from '../../attachment-rows.js';
import { recheckInstitutionRoom } from '../../storage-limits.js';
import { insertFileRow, withStagedFile } from '../../../../platform/blobs.js';
import {
  auditFile,
  loadEditable,
  recheckUpload,
  reloadAttachment,
  sectionIdOf,
  type EditRule,
} from '../steps.js';
import { proposalRecordScope } from '../../record-scope.js';

/**
 * Attaches a staged upload to a proposal. In one transaction, with the proposal's files locked: the
 * proposal still editable (409 `submission_closed` / `invalid_transition`), the kind and section allowed,
 * the proposal's total still within its limit (413 `proposal_files_too_large`), the institution's evidence
 * in the competition within its limit (409 `institution_storage_full`); then the `files` row, the
 * attachment row and the audit row `proposal.attachment_added`, and the blob moved to its content address.
 * The proposal's version is not bumped: the editor's autosave uses it to detect concurrent text edits,
 * which evidence does not conflict with.
 */
export async function addAttachment(
  db: Db,
  storage: BlobStore,
  input: {
    proposalId: number;
    staged: StagedObject;
    name: string;
    kind: AttachmentKindName;
    sectionKey: string | null;
    actorUserId: number;
    ip: string | null;
    now: Date;
    /** Replaces the drafting rule (steps.ts `loadEditable`): the admin lokal's completion. */
    rule?: EditRule;
  },
): Promise<AttachmentView> {
  return withStagedFile(db, storage, input.staged, async (tx) => {
    const view = await loadEditable(tx, input.proposalId, input.now, input.rule);
    const sectionId = sectionIdOf(view, input.sectionKey);
    recheckUpload(view, { kind: input.kind, staged: input.staged });
    await recheckInstitutionRoom(tx, view, { addingBytes: input.staged.size });
    const fileId = await insertFileRow(tx, {
      staged: input.staged,
      name: input.name,
      uploadedBy: input.actorUserId,
      now: input.now,
    });
    const now = input.now.toISOString();
    const row = await tx
      .insertInto('proposal_attachments')
      .values({
        proposal_id: input.proposalId,
        file_id: fileId,
        kind: input.kind,
        section_id: sectionId,
        uploaded_by: input.actorUserId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'proposal.attachment_added',
      entityType: 'proposal',
      entityId: input.proposalId,
      summary: {
        code: view.proposal.code,
        attachmentId: row.id,
        kind: input.kind,
        sectionKey: input.sectionKey || null,
        ...auditFile({ name: input.name, size: input.staged.size, sha256: input.staged.sha256 }),
      },
      scope: proposalRecordScope(view),
      ip: input.ip,
      now: input.now,
    });
    return reloadAttachment(tx, input.proposalId, row.id);
  });
}
