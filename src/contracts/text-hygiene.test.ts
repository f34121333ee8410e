import { describe, expect, it } from 'vitest';
import { cleanLine, cleanLong } from './text-hygiene.js';

const e = 'e\u0301'; // "e" + combining acute: NFC makes it "é"

describe('cleanLine / cleanLong', () => {
  it.each([
    // [what, input, one-line result, long-text result]
    ['plain ASCII is untouched', 'Inovasi Layanan 24/7', 'Inovasi Layanan 24/7', 'Inovasi Layanan 24/7'],
    ['NFC', `Caf${e}`, 'Café', 'Café'],
    ['NUL', 'Ju\u0000dul', 'Judul', 'Judul'],
    ['C0 controls', 'a\u0001b\u001bc\u0007d', 'abcd', 'abcd'],
    ['DEL and C1 controls', 'a\u007fb\u0085c\u009fd', 'abcd', 'abcd'],
    ['bidi overrides', 'a\u202ab\u202bc\u202cd\u202de\u202ef', 'abcdef', 'abcdef'],
    ['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde', 'abcde'],
    ['zero-width characters', 'a\u200bb\u200cc\u200dd\u2060e\ufefff', 'abcdef', 'abcdef'],
    ['newline', 'baris satu\nbaris dua', 'baris satu baris dua', 'baris satu\nbaris dua'],
    ['CR LF and CR', 'a\r\nb\rc', 'a b c', 'a\nb\nc'],
    ['tab', 'a\tb', 'a b', 'a\tb'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c', 'a\nb\nc'],
    [
      'Indonesian and other scripts kept',
      'Pelayanan Publik — “Sinovik” 🇮🇩 日本',
      'Pelayanan Publik — “Sinovik” 🇮🇩 日本',
      'Pelayanan Publik — “Sinovik” 🇮🇩 日本',
    ],
    ['a right-to-left trick in a file name', 'laporan\u202efdp.exe', 'laporanfdp.exe', 'laporanfdp.exe'],
    ['empty', '', '', ''],
  ])('%s', (_what, input, line, long) => {
    expect(cleanLine(input)).toBe(line);
    expect(cleanLong(input)).toBe(long);
  });

  it('is idempotent', () => {
    const messy = `a\u0000\u202e b\r\n${e}\u200b\tc`;
    expect(cleanLine(cleanLine(messy))).toBe(cleanLine(messy));
    expect(cleanLong(cleanLong(messy))).toBe(cleanLong(messy));
  });
});
