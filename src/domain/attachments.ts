import { AppError, conflict, fieldError, t } from './errors.js';
import { cleanLine } from '../contracts/text-hygiene.js';

/*
 * Evidence of a proposal: the rules on kinds, types and sizes, without I/O.
 *
 * Decisions kept here:
 * - The per-proposal limit counts every attachment of the proposal (evidence and the replication
 *   statement), each at its own size, even when two hold identical content (they share one stored blob).
 * - A replikasi proposal has at most one signed replication statement, and it is a PDF whatever the
 *   competition otherwise accepts; other groups have none.
 * - The type is read from the content; when the name's extension says otherwise the name is corrected
 *   (a PNG sent as "bukti.pdf" is kept as "bukti.png"), so a download opens with the right program.
 */

export const ATTACHMENT_KINDS = ['evidence', 'replication_statement'] as const;
export type AttachmentKindName = (typeof ATTACHMENT_KINDS)[number];

/** The group whose proposals replicate an awarded innovation and attach the signed statement. */
export const REPLICATION_GROUP_KEY = 'replikasi';

export const MIB = 1024 * 1024;

export interface AttachmentLimits {
  allowedTypes: string[];
  maxFileBytes: number;
  maxProposalBytes: number;
  usedBytes: number;
}

/** The limits of one proposal, from its competition's settings and the sizes already attached. */
export function attachmentLimits(
  settings: { allowedFileTypes: string[]; maxFileMb: number; maxProposalMb: number },
  sizes: number[],
): AttachmentLimits {
  return {
    allowedTypes: [...settings.allowedFileTypes],
    maxFileBytes: settings.maxFileMb * MIB,
    maxProposalBytes: settings.maxProposalMb * MIB,
    usedBytes: sizes.reduce((a, b) => a + b, 0),
  };
}

/**
 * How many bytes one upload may have: the per-file limit, or less when the other attachments leave less
 * room (`limitedBy: 'proposal'`). `othersBytes` excludes the attachment being replaced.
 */
export function uploadBudget(
  limits: Pick<AttachmentLimits, 'maxFileBytes' | 'maxProposalBytes'>,
  othersBytes: number,
): { maxBytes: number; limitedBy: 'file' | 'proposal' } {
  const remaining = Math.max(0, limits.maxProposalBytes - othersBytes);
  return remaining < limits.maxFileBytes
    ? { maxBytes: remaining, limitedBy: 'proposal' }
    : { maxBytes: limits.maxFileBytes, limitedBy: 'file' };
}

/** The types accepted for one kind of attachment. */
export function allowedMimesFor(kind: AttachmentKindName, allowedFileTypes: string[]): string[] {
  return kind === 'replication_statement' ? ['application/pdf'] : allowedFileTypes;
}

const mb = (bytes: number) => {
  const v = Math.round((bytes / MIB) * 10) / 10;
  return { id: String(v).replace('.', ','), en: String(v) };
};

/** 413: the upload would take the proposal over its total. */
export function proposalFilesTooLarge(maxProposalBytes: number, othersBytes: number): AppError {
  const max = mb(maxProposalBytes);
  const left = mb(Math.max(0, maxProposalBytes - othersBytes));
  const message = t(
    `Total berkas proposal maksimal ${max.id} MB; sisa ruang ${left.id} MB.`,
    `A proposal's files may total at most ${max.en} MB; ${left.en} MB left.`,
  );
  return new AppError(413, 'proposal_files_too_large', message, {
    file: { code: 'proposal_files_too_large', message },
  });
}

/** Refuses a kind the proposal cannot take (400 on `kind`), or a second statement (409). */
export function assertKindAllowed(
  kind: AttachmentKindName,
  input: { groupKey: string; otherStatements: number },
): void {
  if (kind !== 'replication_statement') return;
  if (input.groupKey !== REPLICATION_GROUP_KEY)
    throw fieldError(
      'kind',
      'kind_not_allowed',
      t(
        'Surat pernyataan replikasi hanya untuk proposal kelompok Replikasi.',
        'A replication statement belongs only to a proposal of the Replication group.',
      ),
    );
  if (input.otherStatements > 0) {
    const text = t(
      'Proposal ini sudah memiliki surat pernyataan replikasi; ganti berkas yang ada.',
      'This proposal already has a replication statement; replace the existing file.',
    );
    throw conflict('replication_statement_exists', text, {
      kind: { code: 'replication_statement_exists', message: text },
    });
  }
}

export const unknownSection = (): AppError =>
  fieldError('sectionKey', 'unknown_section', t('Bagian formulir tidak dikenal.', 'Unknown form section.'));

export const fileRequired = (): AppError =>
  fieldError('file', 'required', t('Pilih berkas untuk diunggah.', 'Choose a file to upload.'));

export const unknownKind = (): AppError =>
  fieldError('kind', 'invalid_kind', t('Jenis lampiran tidak dikenal.', 'Unknown kind of attachment.'));

const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'video/mp4': ['mp4'],
};

/**
 * A name safe to keep and to send back: no directories, no control characters or quotes, at most 255
 * characters, with an extension that matches the type read from the content.
 */
export function attachmentName(raw: string | undefined, mime: string): string {
  const base = [...cleanLine((raw ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"' && ch !== '\\')
    .join('')
    .trim();
  const exts = EXTENSIONS[mime];
  let name = base || 'berkas';
  if (exts) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
    if (!exts.includes(ext)) name = `${dot > 0 ? name.slice(0, dot) : name}.${exts[0]}`;
  }
  if (name.length <= 255) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, 255 - ext.length) + ext;
}

/**
 * Content-Disposition for a download: `attachment`, an ASCII fallback name, and the exact name in
 * RFC 5987 form (`filename*=UTF-8''…`) so non-ASCII names survive.
 */
export function contentDisposition(name: string): string {
  const ascii = [...name]
    .map((ch) =>
      ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) < 0x7f && ch !== '"' && ch !== '\\' ? ch : '_',
    )
    .join('');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A short label for a MIME type ("PDF", "JPG", "PNG"). */
export function typeLabel(mime: string): string {
  if (mime === 'image/jpeg') return 'JPG';
  return (EXTENSIONS[mime]?.[0] ?? mime.split('/').pop() ?? mime).toUpperCase();
}

export const statementMustBePdf = (): AppError =>
  fieldError(
    'kind',
    'statement_must_be_pdf',
    t('Surat pernyataan replikasi harus berupa PDF.', 'The replication statement must be a PDF.'),
  );
