/*
 * Public participation (issue 13 point 8, KIPP 2025): the public rates the kebermanfaatan (benefit) of the
 * finalists, 1–5, in a window the organizer sets, one rating per person per finalist, verified by an
 * e-mail code. Pure rules: the window, who counts as one person (the normalized address), the refused
 * disposable domains, the code's life, the limits. The anomaly report is in public-ratings-anomalies.ts.
 */
import { AppError, conflict, fieldError, retryLater, t, type Text } from './errors.js';
import { DISPOSABLE_MAIL_DOMAINS } from './public-ratings-disposable.js';
import { formatInstant } from './time.js';

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A code is typed within this many minutes of being sent. */
export const CODE_TTL_MINUTES = 15;
/** Wrong tries on one code before it is dead (one in 200,000 chances to guess a 6-digit code). */
export const CODE_MAX_ATTEMPTS = 5;
/** Codes one address may ask for per hour (for one competition). */
export const CODES_PER_ADDRESS_PER_HOUR = 3;
/** A rating session lasts this long from verification: long enough to read and rate, short enough to expire. */
export const SESSION_TTL_MINUTES = 120;
/** Per network address (@fastify/rate-limit): code requests per 15 minutes and ratings per minute. */
export const CODE_REQUESTS_PER_IP = 20;
export const RATINGS_PER_IP_PER_MINUTE = 600;
/** Per rating session: ratings (and re-ratings) per minute; a person reads before rating. */
export const RATINGS_PER_SESSION_PER_MINUTE = 60;

export interface RatingWindow {
  enabled: boolean;
  opensAt: string | null;
  closesAt: string | null;
}
export type RatingWindowState = 'off' | 'unscheduled' | 'before' | 'open' | 'closed';

export function ratingWindowState(w: RatingWindow | null, now: Date): RatingWindowState {
  if (!w || !w.enabled) return 'off';
  if (!w.opensAt || !w.closesAt) return 'unscheduled';
  const at = now.getTime();
  if (at < Date.parse(w.opensAt)) return 'before';
  return at < Date.parse(w.closesAt) ? 'open' : 'closed';
}

/** Why a code request or a rating is refused now: 409 with both instants (hour and zone), or null. */
export function ratingRefusal(w: RatingWindow | null, now: Date, timeZone: string): AppError | null {
  const state = ratingWindowState(w, now);
  if (state === 'open') return null;
  const when = (at: string | null | undefined) =>
    at ? { id: formatInstant(at, timeZone, 'id'), en: formatInstant(at, timeZone, 'en') } : null;
  const opens = when(w?.opensAt);
  const closes = when(w?.closesAt);
  const text =
    state === 'off' || state === 'unscheduled'
      ? t('Penilaian publik kompetisi ini tidak dibuka.', "This competition's public rating is not open.")
      : state === 'before'
        ? t(
            `Penilaian publik dibuka ${opens!.id} dan ditutup ${closes!.id}.`,
            `Public rating opens ${opens!.en} and closes ${closes!.en}.`,
          )
        : t(
            `Penilaian publik telah ditutup pada ${closes!.id}; penilaian tidak dapat diberikan atau diubah lagi.`,
            `Public rating closed ${closes!.en}; ratings can no longer be given or changed.`,
          );
  return new AppError(
    409,
    state === 'closed' ? 'rating_window_closed' : 'rating_window_not_open',
    text,
    {},
    { window: state, opensAt: w?.opensAt ?? null, closesAt: w?.closesAt ?? null },
  );
}

/** The organizer's window as set: both instants or none, closing after opening. */
export function checkWindowSetting(w: RatingWindow): AppError | null {
  if (!w.enabled && !w.opensAt && !w.closesAt) return null;
  if (!w.opensAt || !w.closesAt)
    return fieldError(
      w.opensAt ? 'closesAt' : 'opensAt',
      'required',
      t('Isi waktu buka dan waktu tutup penilaian publik.', 'Fill in when public rating opens and closes.'),
    );
  if (Date.parse(w.closesAt) <= Date.parse(w.opensAt))
    return fieldError(
      'closesAt',
      'closes_before_opens',
      t('Waktu tutup harus sesudah waktu buka.', 'The closing time must be after the opening time.'),
    );
  return null;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * Who counts as one person: the address in lower case, without a "+tag" (every provider that knows
 * sub-addressing delivers a+x@ to a@), and for Gmail without dots in the name and with googlemail.com
 * folded into gmail.com (Gmail ignores both). Null when it is not an address.
 */
export function voterIdentity(email: string): string | null {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at < 1 || at === e.length - 1 || /\s/.test(e)) return null;
  let local = e.slice(0, at);
  let domain = e.slice(at + 1).replace(/\.$/, '');
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) return null;
  local = local.split('+')[0]!;
  if (GMAIL.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  if (!local) return null;
  return `${local}@${domain}`;
}

/** A throw-away mailbox (the domain or a subdomain of one on the list). */
export function isDisposable(email: string): boolean {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  const parts = domain.split('.');
  for (let i = 0; i < parts.length - 1; i++)
    if (DISPOSABLE_MAIL_DOMAINS.has(parts.slice(i).join('.'))) return true;
  return false;
}

/** The address's field error (not an address, or a disposable one), or null. */
export function emailRefusal(email: string): AppError | null {
  if (!voterIdentity(email))
    return fieldError(
      'email',
      'invalid_email',
      t('Tuliskan alamat e-mail yang benar.', 'Write a valid e-mail address.'),
    );
  if (isDisposable(email))
    return fieldError(
      'email',
      'disposable_email',
      t(
        'Alamat e-mail sekali pakai tidak dapat dipakai untuk menilai. Pakai alamat e-mail Anda sendiri.',
        'Throw-away e-mail addresses cannot be used to rate. Use your own address.',
      ),
    );
  return null;
}

/** An address asked for too many codes in the last hour: 429 with when to try again. */
export function codeQuotaRefusal(sentInLastHour: string[], now: Date): AppError | null {
  if (sentInLastHour.length < CODES_PER_ADDRESS_PER_HOUR) return null;
  const oldest = Math.min(...sentInLastHour.map((s) => Date.parse(s)));
  const wait = Math.max(1, Math.ceil((oldest + 3600_000 - now.getTime()) / 1000));
  return retryLater(
    'rating_code_rate_limited',
    t(
      `Alamat e-mail ini sudah meminta ${CODES_PER_ADDRESS_PER_HOUR} kode dalam satu jam. Periksa kotak masuk (dan folder spam), atau coba lagi ${Math.ceil(wait / 60)} menit lagi.`,
      `This address asked for ${CODES_PER_ADDRESS_PER_HOUR} codes within an hour. Check the inbox (and the spam folder), or try again in ${Math.ceil(wait / 60)} minutes.`,
    ),
    wait,
  );
}

export interface CodeState {
  attempts: number;
  expiresAt: string;
  usedAt: string | null;
}

/** Why a code can no longer be used (before comparing it), or null. */
export function codeRefusal(code: CodeState | undefined, now: Date): AppError | null {
  if (!code)
    return new AppError(
      404,
      'rating_code_unknown',
      t(
        'Permintaan kode ini tidak dikenal. Minta kode baru.',
        'This code request is unknown. Ask for a new code.',
      ),
    );
  if (code.usedAt)
    return conflict(
      'rating_code_used',
      t(
        'Kode ini sudah dipakai. Bila sesi penilaian Anda berakhir, minta kode baru.',
        'This code was already used. If your rating session ended, ask for a new code.',
      ),
    );
  if (Date.parse(code.expiresAt) <= now.getTime())
    return new AppError(
      410,
      'rating_code_expired',
      t(
        `Kode ini kedaluwarsa (berlaku ${CODE_TTL_MINUTES} menit). Minta kode baru.`,
        `This code expired (it lasts ${CODE_TTL_MINUTES} minutes). Ask for a new code.`,
      ),
    );
  if (code.attempts >= CODE_MAX_ATTEMPTS)
    return new AppError(
      429,
      'rating_code_attempts',
      t(
        `Kode salah dimasukkan ${CODE_MAX_ATTEMPTS} kali; kode ini tidak berlaku lagi. Minta kode baru.`,
        `The code was entered wrongly ${CODE_MAX_ATTEMPTS} times; it no longer works. Ask for a new code.`,
      ),
    );
  return null;
}

/** A wrong code: a field error saying how many tries are left. */
export function wrongCode(attemptsAfter: number): AppError {
  const left = Math.max(0, CODE_MAX_ATTEMPTS - attemptsAfter);
  return fieldError(
    'code',
    'rating_code_wrong',
    t(`Kode salah. Sisa percobaan: ${left}.`, `Wrong code. Tries left: ${left}.`),
  );
}

/** A rating is a whole number from 1 to 5. */
export const validRating = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= RATING_MIN && v <= RATING_MAX;

export interface PublicRatingSummary {
  /** Ratings counted in the mean (the excluded ones are not). */
  count: number;
  /** Mean of the counted ratings, two decimals; null when none. */
  mean: number | null;
  /** Counted ratings per value: [ones, twos, threes, fours, fives]. */
  distribution: [number, number, number, number, number];
  /** Some of this finalist's ratings are in a flagged group not excluded yet. */
  anomaly: boolean;
  /** Ratings the secretariat excluded from the mean. */
  excluded: number;
}

/** The summary of one finalist from its counts per value (counted and excluded). */
export function summarize(
  counted: readonly number[],
  excluded: number,
  anomaly: boolean,
): PublicRatingSummary {
  const distribution = [0, 0, 0, 0, 0] as [number, number, number, number, number];
  for (let v = 1; v <= 5; v++) distribution[v - 1] = counted[v - 1] ?? 0;
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    count,
    mean: count ? Math.round((sum / count) * 100) / 100 : null,
    distribution,
    anomaly,
    excluded,
  };
}

/** The words every view of the public's ratings carries: an input to the panel, never its decision. */
export const INPUT_NOT_DECISION: Text = t(
  'Penilaian publik adalah masukan bagi Tim Panel Independen, bukan keputusan. Nilai ini tidak dijumlahkan ke nilai finalis.',
  "The public's rating is an input to the Independent Panel, never the decision. It is not added to the finalist's score.",
);
