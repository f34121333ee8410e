import type { RetieAttachmentBody } from '../../../../contracts/attachments.js';
import type { Db } from '../../../../db/connect.js';
import { assertKindAllowed, statementMustBePdf } from '../../../../domain/attachments.js';
import { recordAudit } from '../../../../platform/audit.js';
import type { AttachmentView } from '../../attachment-rows.js';
import { attachmentOf, loadEditable, reloadAttachment, sectionIdOf } from '../steps.js';
import { proposalRecordScope } from '../../record-scope.js';

/**
 * Ties an attachment to another section (null: the whole proposal) or changes its kind, without a new
 * upload, while the proposal is editable. Writes the audit row `proposal.attachment_retied` (before and
 * after) in the same transaction.
 */
export async function retieAttachment(
  db: Db,
  input: {
    proposalId: number;
    attachmentId: number;
    body: RetieAttachmentBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<AttachmentView> {
  return db.transaction().execute(async (tx) => {
    const view = await loadEditable(tx, input.proposalId, input.now);
    const before = attachmentOf(view, input.attachmentId);
    const sectionId = sectionIdOf(view, input.body.sectionKey);
    const kind = input.body.kind ?? before.kind;
    if (kind !== before.kind) {
      assertKindAllowed(kind, {
        groupKey: view.group.key,
        otherStatements: view.attachments.filter(
          (a) => a.id !== before.id && a.kind === 'replication_statement',
        ).length,
      });
      if (kind === 'replication_statement' && before.mime !== 'application/pdf') throw statementMustBePdf();
    }
    await tx
      .updateTable('proposal_attachments')
      .set({ section_id: sectionId, kind, updated_at: input.now.toISOString() })
      .where('id', '=', before.id)
      .where('proposal_id', '=', input.proposalId)
      .execute();
    const after = await reloadAttachment(tx, input.proposalId, before.id);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'proposal.attachment_retied',
      entityType: 'proposal',
      entityId: input.proposalId,
      summary: {
        code: view.proposal.code,
        attachmentId: before.id,
        name: before.name,
        sha256: before.sha256,
        before: { kind: before.kind, sectionKey: before.sectionKey },
        after: { kind: after.kind, sectionKey: after.sectionKey },
      },
      scope: proposalRecordScope(view),
      ip: input.ip,
      now: input.now,
    });
    return after;
  });
}
