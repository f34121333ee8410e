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

// The settings' names, defaults and bounds are the API's (contracts/erasure.ts); the rules use them.
export {
  REFERENCE_MAX,
  RETENTION_DEFAULTS,
  RETENTION_KEYS,
  RETENTION_RULES,
  retentionRangeMessage,
  type RetentionDays,
  type RetentionKey,
} from '../contracts/erasure.js';

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
