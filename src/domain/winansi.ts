/*
 * PDF's standard fonts (Helvetica, Courier) only have the WinAnsi (Windows-1252) characters. Text typed by
 * people can hold anything, so every string is mapped before it is drawn: accented letters outside the
 * set lose their accent ("ā" → "a"), common symbols get a spelled-out stand-in, invisible characters go,
 * and whatever is left becomes "?" rather than a wrong glyph.
 */

/** The characters of Windows-1252 in 0x80–0x9F (the rest of the set is Latin-1 0x20–0x7E, 0xA0–0xFF). */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((c) => c.codePointAt(0)!));

const REPLACEMENTS: Record<string, string> = {
  '\t': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2022': '•',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u2023': '•',
  '\u2043': '-',
  '\u201b': '‘',
  '\u201f': '“',
  '\u00ad': '',
};

/** True for a code point the standard PDF fonts can draw. */
export function isWinAnsi(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    CP1252_EXTRA.has(codePoint)
  );
}

const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]/;
const SPACES = /[\u2000-\u200a\u202f\u205f\u3000]/;

/** The text as the standard PDF fonts can show it (line breaks kept, CR LF as LF). */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (isWinAnsi(cp)) out += ch;
    else if (INVISIBLE.test(ch)) continue;
    else if (SPACES.test(ch)) out += ' ';
    else {
      const bare = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += bare && [...bare].every((c) => isWinAnsi(c.codePointAt(0)!)) ? bare : '?';
    }
  }
  return out;
}
