import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ATTACHMENT_FILE_FIELD, attachmentKindSchema } from '../../../contracts/attachments.js';
import {
  attachmentName,
  fileRequired,
  proposalFilesTooLarge,
  unknownKind,
  type AttachmentKindName,
} from '../../../domain/attachments.js';
import { AppError, badRequest, t } from '../../../domain/errors.js';
import { institutionStorageFull } from '../../../domain/storage-limits.js';
import type { StagedObject } from '../../../platform/storage.js';
import type { AttachmentView } from '../attachment-rows.js';
import { institutionUploadRoom, limitsOf } from '../storage-limits.js';
import type { ProposalView } from '../view.js';
import { sectionIdOf, uploadRules } from './steps.js';

/*
 * Reading one evidence upload (multipart/form-data), shared by the proposer's editor and the admin lokal's
 * completion (admin-check): the same limits and type checks wherever a file comes in.
 */

export interface Upload {
  staged: StagedObject;
  name: string;
  kind: AttachmentKindName;
  /** undefined: not sent (a replacement keeps the section); null: the whole proposal. */
  sectionKey: string | null | undefined;
}

export const multipartRequired = () =>
  new AppError(
    415,
    'multipart_required',
    t(
      'Kirim berkas sebagai multipart/form-data (isian kind dan sectionKey sebelum bagian file).',
      'Send the file as multipart/form-data (the kind and sectionKey fields before the file part).',
    ),
  );

/**
 * Reads an upload: the text fields first, checked before a byte of the file is stored (kind, section,
 * the room left in the proposal), then the file streamed to storage with at most min(per-file limit,
 * room left) bytes and its type read from the content. Anything refused leaves nothing stored.
 */
export async function readUpload(
  app: FastifyInstance,
  req: FastifyRequest,
  view: ProposalView,
  replacing?: AttachmentView,
  /** A caller's own rule on the kind and section, run before a byte of the file is stored. */
  check?: (upload: { kind: AttachmentKindName; sectionKey: string | null | undefined }) => void,
): Promise<Upload> {
  if (!req.isMultipart()) throw multipartRequired();
  const raw: Record<string, string> = {};
  let upload: Upload | null = null;
  try {
    for await (const part of req.parts({
      // One byte over the largest allowed file, so storage itself reports the size with its message.
      limits: { fileSize: limitsOf(view).maxFileBytes + 1, files: 1, fields: 10, fieldSize: 1000 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== ATTACHMENT_FILE_FIELD || upload) {
          part.file.resume();
          continue;
        }
        const kindParsed = attachmentKindSchema.safeParse(raw.kind ?? replacing?.kind ?? 'evidence');
        if (!kindParsed.success) throw unknownKind();
        const kind = kindParsed.data;
        const sectionKey =
          raw.sectionKey === undefined ? (replacing ? undefined : null) : raw.sectionKey || null;
        if (sectionKey !== undefined) sectionIdOf(view, sectionKey);
        check?.({ kind, sectionKey });
        const rules = uploadRules(view, { kind, replacingId: replacing?.id });
        const institution = await institutionUploadRoom(app.deps.db, view, replacing?.size ?? 0);
        const byInstitution = institution.room < rules.maxBytes;
        let staged: StagedObject;
        try {
          staged = await app.deps.storage.stage(part.file, {
            maxBytes: Math.min(rules.maxBytes, institution.room),
            allowedMimes: rules.allowedMimes,
            isTruncated: () => part.file.truncated,
          });
        } catch (err) {
          if (err instanceof AppError && err.code === 'file_too_large' && byInstitution)
            throw institutionStorageFull(institution.usedBytes, institution.maxMb);
          if (err instanceof AppError && err.code === 'file_too_large' && rules.limitedBy === 'proposal')
            throw proposalFilesTooLarge(limitsOf(view).maxProposalBytes, rules.othersBytes);
          throw err;
        }
        upload = { staged, name: attachmentName(part.filename, staged.mime), kind, sectionKey };
      } else {
        if (upload)
          throw badRequest(
            'fields_after_file',
            t(
              'Isian kind dan sectionKey harus dikirim sebelum berkas.',
              'Send the kind and sectionKey fields before the file.',
            ),
          );
        raw[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (err) {
    if (upload) await app.deps.storage.discard(upload.staged);
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT')
      throw badRequest('one_file_only', t('Unggah satu berkas sekali kirim.', 'Upload one file at a time.'));
    throw err;
  }
  if (!upload) throw fileRequired();
  return upload;
}
