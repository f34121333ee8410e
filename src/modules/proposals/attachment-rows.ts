import type { Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type { AttachmentKind } from '../../db/schema.js';

/* The evidence rows of a proposal as the proposal view and the evidence commands read them. */
export interface AttachmentView {
  id: number;
  kind: AttachmentKind;
  sectionId: number | null;
  sectionKey: string | null;
  fileId: number;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  storageKey: string;
  uploadedBy: number;
  /** When the current file was uploaded (its `files` row). */
  uploadedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** The evidence rows of proposals, with the stored file's facts (filtered by the caller). */
export const attachmentRows = (db: Db) =>
  db
    .selectFrom('proposal_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .leftJoin('form_sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.kind',
      'a.section_id',
      's.key as section_key',
      'a.file_id',
      'f.original_name',
      'f.size',
      'f.mime',
      'f.sha256',
      'f.storage_key',
      'a.uploaded_by',
      'f.created_at as uploaded_at',
      'a.created_at',
      'a.updated_at',
    ]);
export type AttachmentRow = Awaited<ReturnType<ReturnType<typeof attachmentRows>['execute']>>[number];

export const toAttachmentView = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  kind: r.kind,
  sectionId: r.section_id,
  sectionKey: r.section_key,
  fileId: r.file_id,
  name: r.original_name,
  size: Number(r.size),
  mime: r.mime,
  sha256: r.sha256,
  storageKey: r.storage_key,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const attachmentsOf = prepared((db, a: { proposalId: number }) =>
  attachmentRows(db).where('a.proposal_id', '=', a.proposalId).orderBy('a.id'),
);

/** The attachments of one proposal, oldest first. */
export async function listAttachments(db: Db, proposalId: number): Promise<AttachmentView[]> {
  return (await attachmentsOf.all(db, { proposalId })).map(toAttachmentView);
}
