import type { FieldProblem } from './errors.js';

/** The commonest passwords (and the obvious local ones) are refused whatever their length. */
const COMMON = new Set(
  [
    '1234567890',
    '12345678910',
    '123456789012',
    '0123456789',
    '1111111111',
    '0000000000',
    'qwertyuiop',
    'qwerty12345',
    'qwerty123456',
    '1q2w3e4r5t',
    '1qaz2wsx3edc',
    'password123',
    'password1234',
    'password12345',
    'passw0rd123',
    'iloveyou123',
    'abcdefghij',
    'abcd123456',
    'abc1234567',
    'aaaaaaaaaa',
    'asdfghjkl1',
    'letmein123',
    'welcome123',
    'admin12345',
    'administrator',
    'sayangku123',
    'bismillah123',
    'bismillah1',
    'indonesia123',
    'indonesia1945',
    'merdeka1945',
    'jakarta123',
    'rahasia123',
    'katasandi123',
    'sinovik123',
    'sinovik2026',
    'kemenpanrb123',
    'superman123',
    'football123',
    'monkey12345',
    'dragon12345',
  ].map((s) => s.toLowerCase()),
);

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Checks a new password: at least 10 characters, not one of the commonest, not the e-mail or name.
 * Returns the field problem to show, or null when acceptable.
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
  if (password.length > 200)
    return {
      code: 'password_too_long',
      message: {
        id: 'Kata sandi maksimal 200 karakter.',
        en: 'The password may have at most 200 characters.',
      },
    };
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (
    COMMON.has(lower) ||
    /^(.)\1+$/.test(password) ||
    (local && local.length >= 4 && lower.includes(local)) ||
    (context.name && context.name.length >= 4 && lower === context.name.toLowerCase().replace(/\s+/g, ''))
  )
    return {
      code: 'password_too_common',
      message: {
        id: 'Kata sandi ini terlalu umum atau mudah ditebak. Pilih yang lain.',
        en: 'This password is too common or easy to guess. Choose another.',
      },
    };
  return null;
}
