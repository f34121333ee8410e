import type { Attachment } from '../../../contracts/attachments.js';
import type { AttachmentView } from '../queries.js';

export const downloadPath = (proposalId: number, attachmentId: number) =>
  `/api/proposals/${proposalId}/attachments/${attachmentId}/download`;

/** One attachment as the API shows it. */
export function presentAttachment(proposalId: number, a: AttachmentView): Attachment {
  return {
    id: a.id,
    kind: a.kind,
    sectionKey: a.sectionKey,
    name: a.name,
    size: a.size,
    mime: a.mime,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt,
    updatedAt: a.updatedAt,
    downloadUrl: downloadPath(proposalId, a.id),
  };
}

/** What the audit log keeps of one file. */
export const auditFile = (a: Pick<AttachmentView, 'name' | 'size' | 'sha256'>) => ({
  name: a.name,
  size: a.size,
  sha256: a.sha256,
});
