import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';
import type { FieldProblem, Text } from './errors.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-length.js';

/*
 * Password strength, estimated with zxcvbn (@zxcvbn-ts) over the common-password list, English and
 * Indonesian dictionaries and names, keyboard patterns, dates and repeats, with the person's e-mail and
 * name and the installation's own words as user inputs. A password must reach score 3 ("safely
 * unguessable": about 10^8 guesses) and have 10 to 128 characters. The reason is our own text in Bahasa
 * Indonesia and English, chosen from zxcvbn's warning (its keys, not its translations).
 */

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH };
export const MIN_SCORE = 3;
/** Words every Sinovik user sees; a password built on them is guessed early. */
const SITE_WORDS = ['sinovik', 'kipp', 'kemenpanrb', 'panrb', 'inovasi', 'pelayanan', 'publik'];

let factory: ZxcvbnFactory | null = null;
/** Built on first use (the dictionaries take a moment to rank), then kept. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...indonesian.dictionary },
    useLevenshteinDistance: false,
    l33tMaxSubstitutions: 4,
    maxLength: MAX_PASSWORD_LENGTH,
  });
  return factory;
}

/** Our own text for each zxcvbn warning key (its Indonesian translations exist, its English do not). */
const WARNINGS: Record<string, Text> = {
  straightRow: {
    id: 'Deretan tombol keyboard yang lurus mudah ditebak.',
    en: 'A straight row of keyboard keys is easy to guess.',
  },
  keyPattern: {
    id: 'Pola keyboard yang pendek mudah ditebak.',
    en: 'A short keyboard pattern is easy to guess.',
  },
  simpleRepeat: {
    id: 'Karakter berulang seperti "aaa" mudah ditebak.',
    en: 'Repeated characters like "aaa" are easy to guess.',
  },
  extendedRepeat: {
    id: 'Pola berulang seperti "abcabcabc" mudah ditebak.',
    en: 'Repeated patterns like "abcabcabc" are easy to guess.',
  },
  sequences: {
    id: 'Urutan umum seperti "abc" atau "123" mudah ditebak.',
    en: 'Common sequences like "abc" or "123" are easy to guess.',
  },
  recentYears: { id: 'Tahun-tahun terakhir mudah ditebak.', en: 'Recent years are easy to guess.' },
  dates: { id: 'Tanggal mudah ditebak.', en: 'Dates are easy to guess.' },
  topTen: {
    id: 'Ini salah satu kata sandi yang paling sering dipakai.',
    en: 'This is a very common password.',
  },
  topHundred: { id: 'Ini kata sandi yang sering dipakai.', en: 'This is a frequently used password.' },
  common: { id: 'Ini kata sandi yang umum dipakai.', en: 'This is a commonly used password.' },
  similarToCommon: {
    id: 'Ini mirip kata sandi yang umum dipakai.',
    en: 'This is similar to a commonly used password.',
  },
  wordByItself: { id: 'Satu kata saja mudah ditebak.', en: 'A single word is easy to guess.' },
  namesByThemselves: {
    id: 'Nama atau nama keluarga saja mudah ditebak.',
    en: 'A first or last name by itself is easy to guess.',
  },
  commonNames: {
    id: 'Nama dan nama keluarga yang umum mudah ditebak.',
    en: 'Common names and surnames are easy to guess.',
  },
  userInputs: {
    id: 'Kata sandi ini memuat e-mail, nama Anda, atau nama aplikasi ini.',
    en: 'This password contains your e-mail, your name or the name of this application.',
  },
};
const GENERIC: Text = { id: 'Kata sandi ini mudah ditebak.', en: 'This password is easy to guess.' };
const ADVICE: Text = {
  id: 'Gunakan beberapa kata yang tidak umum, misalnya tiga kata acak dengan tanda pemisah.',
  en: 'Use several uncommon words, for example three random words with separators.',
};
/** Warnings that say "this is a known password or word": reported as password_too_common. */
const COMMON_KEYS = new Set([
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
]);

/** The words of the person's e-mail and name, and the installation's, for the estimator. */
function userInputs(context: { email?: string; name?: string }): string[] {
  const words = new Set(SITE_WORDS);
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local) {
    words.add(local);
    for (const w of local.split(/[^a-z0-9]+/)) if (w.length >= 3) words.add(w);
  }
  const domain = context.email?.split('@')[1]?.toLowerCase();
  if (domain) for (const w of domain.split('.')) if (w.length >= 3) words.add(w);
  if (context.name) {
    const name = context.name.toLowerCase();
    words.add(name.replace(/\s+/g, ''));
    for (const w of name.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) words.add(w);
  }
  return [...words];
}

/** zxcvbn's estimate for a password of acceptable length (exported for the measurements in the tests). */
export function estimate(password: string, context: { email?: string; name?: string } = {}): ZxcvbnResult {
  return estimator().check(password, userInputs(context));
}

/**
 * Checks a new password: 10 to 128 characters, and zxcvbn score ≥ 3 against common passwords, the
 * dictionaries and the person's own e-mail and name. Returns the field problem to show, or null.
 */
export function checkPassword(
  password: string,
  context: { email?: string; name?: string } = {},
): FieldProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      code: 'password_too_short',
      message: {
        id: `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`,
        en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
      },
    };
  if (password.length > MAX_PASSWORD_LENGTH)
    return {
      code: 'password_too_long',
      message: {
        id: `Kata sandi maksimal ${MAX_PASSWORD_LENGTH} karakter.`,
        en: `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`,
      },
    };
  const result = estimate(password, context);
  if (result.score >= MIN_SCORE) return null;
  const key = result.feedback.warning ?? '';
  const warning = WARNINGS[key] ?? GENERIC;
  return {
    code: COMMON_KEYS.has(key) ? 'password_too_common' : 'password_too_weak',
    message: { id: `${warning.id} ${ADVICE.id}`, en: `${warning.en} ${ADVICE.en}` },
  };
}
