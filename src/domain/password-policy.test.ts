import { describe, expect, it } from 'vitest';
import { checkPassword, MAX_PASSWORD_LENGTH } from './password-policy.js';

const person = { email: 'budi.santoso@pemkot-uji.go.id', name: 'Budi Santoso' };

describe('password policy (zxcvbn, score ≥ 3)', () => {
  const cases: [password: string, code: string | null][] = [
    ['password12', 'password_too_common'],
    ['Password1!', 'password_too_common'],
    ['P@ssw0rd2026', 'password_too_common'],
    ['password123', 'password_too_common'],
    ['bismillah123', 'password_too_common'],
    ['qwertyuiop', 'password_too_common'],
    ['indonesia1945', 'password_too_weak'],
    ['jakarta123', 'password_too_weak'],
    ['Sayangku2026', 'password_too_weak'],
    ['1234567890', 'password_too_common'],
    ['aaaaaaaaaaaa', 'password_too_weak'],
    ['budisantoso2026', 'password_too_common'], // the person's own name
    ['pemkot-uji-123', 'password_too_common'], // the e-mail's domain
    ['Sinovik2026!', 'password_too_common'], // the application's own words
    ['Pendek1!', 'password_too_short'],
    ['Kunci-Gerbang-Timur-4821', null],
    ['Sandi-Baru-Yang-Kuat-77', null],
    ['Uji-Coba-Sandi-2026', null], // the tests' password
  ];
  it.each(cases)('%s → %s', (password, code) => {
    expect(checkPassword(password, person)?.code ?? null).toBe(code);
  });

  it('explains the reason in Indonesian and English', () => {
    expect(checkPassword('Password1!', person)?.message).toEqual({
      id: 'Ini mirip kata sandi yang umum dipakai. Gunakan beberapa kata yang tidak umum, misalnya tiga kata acak dengan tanda pemisah.',
      en: 'This is similar to a commonly used password. Use several uncommon words, for example three random words with separators.',
    });
    expect(checkPassword('budisantoso2026', person)?.message.id).toContain('nama Anda');
  });

  it('refuses an over-long password before estimating it, and estimates the longest allowed one quickly', () => {
    expect(checkPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1))?.code).toBe('password_too_long');
    checkPassword('warm-up-the-dictionaries');
    const worst = 'Xk9#mQ2!vL7@pR4$'.repeat(8);
    const started = performance.now();
    expect(checkPassword(worst)).toBeNull();
    // ~100 ms on a loaded 2-core machine; without the caps (l33t substitutions, Levenshtein) it took 3–5 s.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
