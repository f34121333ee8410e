import type { Attachment } from '../../contracts/attachments.js';
import type { AttachmentView } from './attachment-rows.js';

/*
 * One attachment row of the proposal view as the API shows it: in the proposal's detail (present.ts) and
 * in the answers of the evidence routes (evidence/routes.ts). It lives in the proposals wing, not in
 * evidence/, because the proposal view holds the rows and evidence depends on proposals, never the reverse.
 */

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
