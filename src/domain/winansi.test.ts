import { describe, expect, it } from 'vitest';
import { isWinAnsi, toWinAnsi } from './winansi.js';

describe('toWinAnsi', () => {
  it('keeps Indonesian text, Latin-1 and the Windows-1252 punctuation as they are', () => {
    const text = 'Inovasi “Jemput Bola” — café, 50 €, naïve… ‘ok’ • Ñ';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('drops accents outside the set, spells out symbols and removes invisible characters', () => {
    expect(toWinAnsi('Zona ā → ≥ 10 ≠ ő')).toBe('Zona a -> >= 10 != o');
    expect(toWinAnsi('a\u200bb\u00adc\r\nd\te')).toBe('abc\nd e');
    expect(toWinAnsi('\u2003em\u202fspace')).toBe(' em space');
  });

  it('replaces what has no stand-in with a question mark', () => {
    expect(toWinAnsi('Layanan 🚑 医院')).toBe('Layanan ? ??');
    expect([...toWinAnsi('𝐀 ﬁ ①')].every((c) => isWinAnsi(c.codePointAt(0)!))).toBe(true);
  });
});
