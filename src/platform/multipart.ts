import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, t } from '../domain/errors.js';

/*
 * Multipart bodies that cannot be read are the sender's fault: a 400 with a stable code, never a 500.
 * - `upload_invalid`: no or an empty boundary, a body cut off (in a header or a file), no closing
 *   boundary, a part header that cannot be read, a field named like a prototype property;
 * - `multipart_too_many_parts`: more fields or parts than the route takes;
 * - `one_file_only`: more files than the route takes.
 * A file over its limit keeps its own answer (413 `file_too_large`, with the field's message).
 */

export const multipartMalformed = () =>
  new AppError(
    400,
    'upload_invalid',
    t(
      'Isi formulir tidak terbaca (terpotong atau rusak). Pilih berkasnya lalu kirim lagi.',
      'The form could not be read (cut off or damaged). Choose the file and send it again.',
    ),
  );

export const tooManyParts = () =>
  new AppError(
    400,
    'multipart_too_many_parts',
    t('Formulir berisi terlalu banyak isian.', 'The form has too many fields.'),
  );

export const oneFileOnly = () =>
  new AppError(400, 'one_file_only', t('Unggah satu berkas sekali kirim.', 'Upload one file at a time.'));

/** The errors of the multipart parser (busboy) itself: plain Errors, known by their text. */
const PARSER_ERRORS = [
  /^Multipart: Boundary not found$/,
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
  /^Unexpected end of form$/,
  /^Malformed part header$/,
  /^Unsupported Content-Type\.$/,
  /^Missing Content-Type-header\.$/,
];

/**
 * The 400 for an error thrown while reading a multipart body, or null when it is not one (the caller's
 * own refusals, size limits and real failures keep their answer).
 */
export function multipartProblem(err: unknown): AppError | null {
  if (!(err instanceof Error) || err instanceof AppError) return null;
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return tooManyParts();
    case 'FST_FILES_LIMIT':
      return oneFileOnly();
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return multipartMalformed();
  }
  if (code === undefined && PARSER_ERRORS.some((re) => re.test(err.message))) return multipartMalformed();
  return null;
}

/** The boundary of a multipart/form-data Content-Type, '' when it has none. */
export function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  return (m?.[1] ?? m?.[2] ?? '').trim();
}

/**
 * Refuses, before any route reads it, a multipart/form-data request whose boundary is missing, empty or
 * longer than the 70 characters RFC 2046 allows (the parser would read no parts, or fail later).
 */
export function registerMultipartGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const type = req.headers['content-type'];
    if (!type || !/^multipart\/form-data\b/i.test(type)) return;
    const boundary = boundaryOf(type);
    if (!boundary || boundary.length > 70) throw multipartMalformed();
  });
}

/**
 * Reads a form that carries one file (a CSV import): the whole body is read, so a second file, too many
 * fields or a cut-off body is refused rather than ignored. Returns null when no file came in `field`.
 */
export async function readOneFile(
  req: FastifyRequest,
  input: { field: string; maxBytes: number },
): Promise<{ buffer: Buffer; fileName: string | null } | null> {
  let found: { buffer: Buffer; fileName: string | null } | null = null;
  for await (const part of req.parts({
    limits: { fileSize: input.maxBytes, files: 1, fields: 10, fieldSize: 1000 },
  })) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== input.field) {
      part.file.resume();
      continue;
    }
    found = { buffer: await part.toBuffer(), fileName: part.filename || null };
  }
  return found;
}
