/**
 * Personal-data erasure and retention (UU PDP 27/2022, issue 15 point 5): the rules, pure. The person's
 * row stays as a tombstone so every id of the competition record still resolves; what the person wrote into
 * the record (scores, proposals as the institution's, decisions) stays, their identity does not.
 */
import type { Text } from './errors.js';

/** The name an erased person's row shows everywhere (the record keeps the id). */
export const tombstoneName = (userId: number) => `Pengguna terhapus #${userId}`;

/** An unroutable, unique address (RFC 2606 `.invalid`): the old address is free to register again. */
export const tombstoneEmail = (userId: number) => `erased-${userId}@invalid`;

/** What a delivered erasure notice keeps instead of the old address. */
export const ERASED_NOTICE_ADDRESS = 'erased@invalid';

/** The most characters of a request reference ("Surat permohonan No. …"). */
export const REFERENCE_MAX = 200;

/** The retention settings, in days, as the API and the page name them. */
export interface RetentionDays {
  loginFailureDays: number;
  sessionDays: number;
  mailBodyDays: number;
  notificationDays: number;
  tokenDays: number;
}

export type RetentionKey = keyof RetentionDays;

/** Each setting's default and bounds: at least a week for the throttle and the mail's delivery records. */
export const RETENTION_RULES: Record<RetentionKey, { default: number; min: number; max: number }> = {
  loginFailureDays: { default: 90, min: 1, max: 3650 },
  sessionDays: { default: 30, min: 1, max: 3650 },
  mailBodyDays: { default: 180, min: 7, max: 3650 },
  notificationDays: { default: 365, min: 7, max: 3650 },
  tokenDays: { default: 30, min: 1, max: 3650 },
};

export const RETENTION_KEYS = Object.keys(RETENTION_RULES) as RetentionKey[];

export const RETENTION_DEFAULTS = Object.fromEntries(
  RETENTION_KEYS.map((k) => [k, RETENTION_RULES[k].default]),
) as unknown as RetentionDays;

/** The bilingual message of a setting out of its bounds ("Bahasa Indonesia|English", as contracts write it). */
export const retentionRangeMessage = (key: RetentionKey) => {
  const { min, max } = RETENTION_RULES[key];
  return `Isi bilangan bulat hari antara ${min} dan ${max}.|Enter a whole number of days between ${min} and ${max}.`;
};

/** The instant before which a row of a setting is removed (ISO, compared as text like every instant). */
export const retentionCutoff = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString();

/** Whether the typed confirmation names the person's address (case and surrounding spaces ignored). */
export const confirmsEmail = (typed: string, email: string) =>
  typed.trim().toLowerCase() === email.trim().toLowerCase();

export const ERASE_CONFIRM_MISMATCH: Text = {
  id: 'Ketik alamat e-mail pengguna ini persis untuk mengonfirmasi.',
  en: "Type this user's e-mail address exactly to confirm.",
};
