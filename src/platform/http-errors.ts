import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem, type Text } from '../domain/errors.js';
import { multipartProblem } from './multipart.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: Text; fields: Record<string, FieldProblem>; [extra: string]: unknown };
}

interface ZodLikeIssue {
  code: string;
  path?: (string | number)[];
  instancePath?: string;
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  expected?: string;
  origin?: string;
  values?: unknown[];
  params?: { issue?: ZodLikeIssue };
}

/** Turns one zod issue into a bilingual message; custom messages written as "id|en" are kept as such. */
export function issueText(issue: ZodLikeIssue): { code: string; message: Text } {
  // Our own messages are written "Indonesian|English"; zod's defaults may contain '"a"|"b"', which is not one.
  const pair = issue.message?.split('|');
  if (pair && pair.length === 2 && !issue.message!.includes('"')) {
    const [id, en] = pair;
    return { code: issue.code === 'custom' ? 'invalid' : issue.code, message: { id, en } };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message?.includes('undefined') || issue.message?.includes('received undefined'))
        return { code: 'required', message: { id: 'Wajib diisi.', en: 'Required.' } };
      return {
        code: 'invalid_type',
        message: { id: 'Jenis isian tidak sesuai.', en: 'Wrong type of value.' },
      };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return { code: 'required', message: { id: 'Wajib diisi.', en: 'Required.' } };
      if (issue.origin === 'string')
        return {
          code: 'too_short',
          message: {
            id: `Minimal ${issue.minimum} karakter.`,
            en: `At least ${issue.minimum} characters.`,
          },
        };
      return {
        code: 'too_small',
        message: { id: `Minimal ${issue.minimum}.`, en: `At least ${issue.minimum}.` },
      };
    case 'too_big':
      if (issue.origin === 'string')
        return {
          code: 'too_long',
          message: {
            id: `Maksimal ${issue.maximum} karakter.`,
            en: `At most ${issue.maximum} characters.`,
          },
        };
      return {
        code: 'too_big',
        message: { id: `Maksimal ${issue.maximum}.`, en: `At most ${issue.maximum}.` },
      };
    case 'invalid_format':
      if (issue.format === 'email')
        return {
          code: 'invalid_email',
          message: { id: 'Alamat e-mail tidak valid.', en: 'Not a valid e-mail address.' },
        };
      return { code: 'invalid_format', message: { id: 'Format tidak valid.', en: 'Invalid format.' } };
    case 'invalid_value':
      return {
        code: 'invalid_choice',
        message: { id: 'Pilihan tidak tersedia.', en: 'Not one of the allowed choices.' },
      };
    case 'unrecognized_keys':
      return { code: 'unknown_field', message: { id: 'Isian tidak dikenal.', en: 'Unknown field.' } };
    default:
      return { code: issue.code || 'invalid', message: { id: 'Isian tidak valid.', en: 'Invalid value.' } };
  }
}

/** Field problems keyed by dotted path ("sections.0.weight"); the whole body is "_". */
export function fieldsFromIssues(issues: ZodLikeIssue[]): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const key =
      issue.path && issue.path.length
        ? issue.path.join('.')
        : (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '_';
    if (!fields[key]) fields[key] = issueText(issue);
  }
  return fields;
}

export function errorBody(
  code: string,
  message: Text,
  fields: Record<string, FieldProblem> = {},
  details: Record<string, unknown> = {},
): ErrorBody {
  return { error: { ...details, code, message, fields } };
}

/** Maps every thrown thing to a 4xx with a stable code, or a logged 500 that leaks nothing. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      // A 503 (the file storage cannot be reached) is the operator's to see: logged with its cause.
      if (err.status >= 500) req.log.warn({ err: err.cause ?? err, code: err.code }, err.message);
      // A refusal that passes with time says when to try again (e.g. 429 export_busy).
      if (typeof err.details.retryAfter === 'number')
        reply.header('retry-after', String(err.details.retryAfter));
      return reply.code(err.status).send(errorBody(err.code, err.text, err.fields, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // fastify-type-provider-zod 7 spreads each zod issue (minus code/path/message) into params.
      const entries = err.validation as unknown as {
        keyword: string;
        instancePath: string;
        message?: string;
        params?: Omit<ZodLikeIssue, 'code' | 'message'> & { issue?: ZodLikeIssue };
      }[];
      const issues: ZodLikeIssue[] = entries.map(
        (v) =>
          v.params?.issue ?? {
            ...v.params,
            code: v.keyword,
            message: v.message,
            path: undefined,
            instancePath: v.instancePath,
          },
      );
      return reply
        .code(400)
        .send(
          errorBody(
            'validation_failed',
            { id: 'Periksa kembali isian yang ditandai.', en: 'Please check the highlighted fields.' },
            fieldsFromIssues(issues),
          ),
        );
    }
    const multipart = multipartProblem(err);
    if (multipart)
      return reply
        .code(multipart.status)
        .send(errorBody(multipart.code, multipart.text, multipart.fields, multipart.details));
    const fe = err as FastifyError;
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
      return reply
        .code(413)
        .send(errorBody('file_too_large', { id: 'Berkas terlalu besar.', en: 'The file is too large.' }));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply.code(415).send(
        errorBody('unsupported_media_type', {
          id: 'Jenis isi permintaan tidak didukung.',
          en: 'Unsupported content type.',
        }),
      );
    }
    if (fe.statusCode === 429) {
      return reply.code(429).send(
        errorBody('rate_limited', {
          id: 'Terlalu banyak percobaan. Coba lagi beberapa saat lagi.',
          en: 'Too many attempts. Please try again shortly.',
        }),
      );
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.code(fe.statusCode).send(
        errorBody(fe.code ? fe.code.toLowerCase() : 'bad_request', {
          id: 'Permintaan tidak valid.',
          en: fe.message || 'Bad request.',
        }),
      );
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(
      errorBody('internal_error', {
        id: 'Terjadi kesalahan pada server. Data Anda yang sudah tersimpan tetap aman.',
        en: 'Something went wrong on the server. Your saved data is safe.',
      }),
    );
  });
  app.setNotFoundHandler((req, reply) => {
    // A router that finds no route for an over-long parameter answers as frameworkErrors does.
    if (hasOverlongSegment(req.url)) return reply.code(414).send(pathTooLong());
    reply.code(404).send(errorBody('not_found', { id: 'Tidak ditemukan.', en: 'Not found.' }));
  });
}

/** The router's bound on one path parameter (Fastify's default maxParamLength). */
export const MAX_PATH_PARAMETER = 100;

/** 414 `path_too_long`: one part of the address is longer than the router takes. */
export const pathTooLong = () =>
  errorBody('path_too_long', {
    id: `Alamat terlalu panjang: satu bagian alamat paling banyak ${MAX_PATH_PARAMETER} karakter.`,
    en: `The address is too long: one part of an address holds at most ${MAX_PATH_PARAMETER} characters.`,
  });

/** Whether a URL has a path segment longer than the router takes as a parameter. */
export function hasOverlongSegment(url: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  return pathname.split('/').some((segment) => segment.length > MAX_PATH_PARAMETER);
}

/**
 * Fastify's `frameworkErrors` answer: what the router refuses before any route (a path parameter longer
 * than MAX_PATH_PARAMETER → 414 `path_too_long`; a URL that does not decode → 400 `bad_url`) in our body.
 */
export function frameworkAnswer(err: FastifyError): { status: number; body: ErrorBody } {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return { status: 414, body: pathTooLong() };
  if (err.code === 'FST_ERR_BAD_URL')
    return {
      status: 400,
      body: errorBody('bad_url', {
        id: 'Alamat tidak valid: ada bagian yang tidak dapat dibaca.',
        en: 'Invalid address: a part of it cannot be read.',
      }),
    };
  return {
    status: err.statusCode && err.statusCode < 500 ? err.statusCode : 400,
    body: errorBody(err.code ? err.code.toLowerCase() : 'bad_request', {
      id: 'Permintaan tidak valid.',
      en: 'Bad request.',
    }),
  };
}
