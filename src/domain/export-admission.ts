import { AppError } from './errors.js';

/*
 * Who may start one more PDF or spreadsheet now. The exports are made in a pool of worker threads with a
 * bounded queue; each user holds at most `perUser` of its places (running or waiting), so one person
 * clicking "export" twenty times cannot keep everyone else waiting. A refusal carries the number of
 * seconds after which trying again is likely to succeed (the HTTP Retry-After).
 */

export interface ExportLoad {
  /** Exports of this user running or waiting now. */
  userActive: number;
  /** Exports of everyone running or waiting now. */
  active: number;
  /** Threads making exports at the same time. */
  threads: number;
  /** Exports that may wait for a thread. */
  queue: number;
  /** Exports one user may have running or waiting. */
  perUser: number;
  /** How long one export takes, as recently measured (ms). */
  typicalMs: number;
}

export type ExportAdmission =
  { ok: true } | { ok: false; reason: 'user_limit' | 'pool_full'; retryAfterS: number };

const MAX_RETRY_S = 120;
const clampS = (ms: number) => Math.min(MAX_RETRY_S, Math.max(1, Math.ceil(ms / 1000)));

export function admitExport(load: ExportLoad): ExportAdmission {
  const typical = Math.max(0, load.typicalMs);
  if (load.userActive >= load.perUser)
    // The user's own oldest export should be done within about one export's time.
    return { ok: false, reason: 'user_limit', retryAfterS: clampS(typical) };
  if (load.active >= load.threads + load.queue) {
    // Everything waiting ahead of this one, shared out over the threads.
    const ahead = load.active - load.threads + 1;
    return { ok: false, reason: 'pool_full', retryAfterS: clampS((typical * ahead) / load.threads) };
  }
  return { ok: true };
}

/** The 429 of a refused export: `export_busy`, both languages, and `retryAfter` (seconds) in the body. */
export function exportBusy(
  refusal: { reason: 'user_limit' | 'pool_full'; retryAfterS: number },
  perUser: number,
) {
  const s = refusal.retryAfterS;
  const text =
    refusal.reason === 'user_limit'
      ? {
          id: `Anda sedang menjalankan ${perUser} ekspor atau unduhan PDF sekaligus. Tunggu hingga selesai, lalu coba lagi dalam ${s} detik.`,
          en: `You already have ${perUser} exports or PDF downloads in progress. Wait for them to finish, then try again in ${s} seconds.`,
        }
      : {
          id: `Server sedang menyiapkan banyak ekspor dan PDF. Coba lagi dalam ${s} detik.`,
          en: `The server is busy preparing many exports and PDFs. Please try again in ${s} seconds.`,
        };
  return new AppError(429, 'export_busy', text, {}, { retryAfter: s, reason: refusal.reason });
}
