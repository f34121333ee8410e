import { z } from 'zod';

/*
 * One phone rule for every form (UPP account, profile, account request, proposal contact): an Indonesian
 * number as people write it — "0812 7777 0001", "0812-7777-0001", "+62 812 7777 0001", "62812…",
 * "(021) 3456 7890" — with the national prefix 0, 62 or +62. The national number after the prefix starts
 * with 1–9 and has 8 to 12 digits (landlines with their area code, mobiles 8xx). Accepted numbers are
 * stored normalized to the international form "+62…" (E.164), so one person has one spelling, it can be
 * dialled from anywhere and opened in WhatsApp (wa.me/62…).
 */

const SEPARATORS = /[\s\-.()/]/g;

/** The number in the form "+62…", or null when it is not an Indonesian phone number. */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(SEPARATORS, '');
  const m = /^(?:\+62|62|0)([1-9][0-9]{7,11})$/.exec(compact);
  return m ? `+62${m[1]}` : null;
}

export const PHONE_MESSAGE =
  'Tulis nomor telepon Indonesia, mis. 0812 3456 7890 atau +62 812 3456 7890.|Write an Indonesian phone number, e.g. 0812 3456 7890 or +62 812 3456 7890.';

const INDONESIAN_PHONE = /^(?:\+62|62|0)[1-9][0-9]{7,11}$/;
const compactOf = (v: unknown) => (typeof v === 'string' ? v.replace(SEPARATORS, '') : v);

/** A required phone number: checked by the one rule (code invalid_format), stored as "+62…". */
export const phoneSchema = (requiredMessage?: string) =>
  z.preprocess(
    compactOf,
    z
      .string(requiredMessage)
      .min(1, requiredMessage ?? 'Wajib diisi.|Required.')
      .regex(INDONESIAN_PHONE, PHONE_MESSAGE)
      .transform((v) => normalizePhone(v)!),
  );

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** An optional phone number: blank becomes null; otherwise as phoneSchema. */
export const optionalPhoneSchema = () => z.preprocess(blankToNull, phoneSchema().nullable().optional());
