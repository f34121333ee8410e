/** A message in both languages the product speaks: Bahasa Indonesia first, English second. */
export interface Text {
  id: string;
  en: string;
}

export interface FieldProblem {
  code: string;
  message: Text;
}

/**
 * Every refusal the system gives is an AppError: an HTTP status, a stable machine-readable code,
 * a message in id/en, and optionally field-level problems. Routes never build error bodies by hand.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly text: Text,
    public readonly fields: Record<string, FieldProblem> = {},
    /** Extra top-level keys of the error body (e.g. `rows` of a refused import); never code/message/fields. */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const t = (id: string, en: string): Text => ({ id, en });

export const badRequest = (code: string, text: Text, fields?: Record<string, FieldProblem>) =>
  new AppError(400, code, text, fields);

/** One or more fields are wrong; the form shows each message beside its field. */
export const invalidFields = (fields: Record<string, FieldProblem>) =>
  new AppError(
    400,
    'validation_failed',
    t('Periksa kembali isian yang ditandai.', 'Please check the highlighted fields.'),
    fields,
  );

export const fieldError = (field: string, code: string, message: Text) =>
  invalidFields({ [field]: { code, message } });

export const notFound = (what: Text = t('Data tidak ditemukan.', 'Not found.')) =>
  new AppError(404, 'not_found', what);

export const conflict = (code: string, text: Text, fields?: Record<string, FieldProblem>) =>
  new AppError(409, code, text, fields);

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', t('Silakan masuk terlebih dahulu.', 'Please log in first.'));

/**
 * 429: the caller must wait `retryAfterSeconds` (sent as the Retry-After header and as `retryAfter` in
 * the body); nothing is held open on the server while it waits.
 */
export const retryLater = (code: string, text: Text, retryAfterSeconds: number) =>
  new AppError(429, code, text, {}, { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) });
