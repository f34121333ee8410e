import { ApiError } from '../api/client.js';
import type { Lang } from '../i18n/index.js';

/**
 * Spreads an API error over a form: field messages next to their fields (in the reader's language), and
 * the general message returned for an alert. Non-API errors give a generic message.
 */
export function apiErrorMessages(
  err: unknown,
  lang: Lang,
): { general: string; fields: Record<string, string>; code: string } {
  if (err instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(err.fields)) fields[k] = v.message[lang];
    return { general: err.text[lang], fields, code: err.code };
  }
  return {
    general: lang === 'id' ? 'Terjadi kesalahan. Coba lagi.' : 'Something went wrong. Please try again.',
    fields: {},
    code: 'unknown',
  };
}
