import { z } from 'zod';

/*
 * Evidence of a proposal. Uploads are multipart/form-data with the text fields `kind` and `sectionKey`
 * BEFORE the `file` part (the server checks them before it reads the file); the answers are JSON.
 */

export const attachmentKindSchema = z.enum(['evidence', 'replication_statement']);
export type AttachmentKindValue = z.infer<typeof attachmentKindSchema>;

/** The multipart field that carries the file. */
export const ATTACHMENT_FILE_FIELD = 'file';

export const attachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});

/** The text fields of an upload ('' for `sectionKey` means the whole proposal). */
export const attachmentUploadFields = z.object({
  kind: attachmentKindSchema.optional(),
  sectionKey: z.string().max(64).optional(),
});

/** PATCH: tie the file to another section (null: the whole proposal) or change its kind, without re-upload. */
export const retieAttachmentBody = z.object({
  sectionKey: z.string().min(1).max(64).nullable(),
  kind: attachmentKindSchema.optional(),
});
export type RetieAttachmentBody = z.infer<typeof retieAttachmentBody>;

export const attachmentSchema = z.object({
  id: z.number(),
  kind: attachmentKindSchema,
  /** The form section it supports; null for the proposal as a whole. */
  sectionKey: z.string().nullable(),
  /** The original name (extension corrected to the type read from the content). */
  name: z.string(),
  size: z.number(),
  /** Read from the content, not from the name. */
  mime: z.string(),
  sha256: z.string(),
  /** When the current file was uploaded (a replacement moves it). */
  uploadedAt: z.string(),
  /** The last change: upload, replacement or retie. */
  updatedAt: z.string(),
  downloadUrl: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentLimitsSchema = z.object({
  /** MIME types accepted for evidence (the replication statement is always PDF). */
  allowedTypes: z.array(z.string()),
  maxFileBytes: z.number(),
  maxProposalBytes: z.number(),
  /** All attachments of the proposal together. */
  usedBytes: z.number(),
});
export type AttachmentLimitsValue = z.infer<typeof attachmentLimitsSchema>;
