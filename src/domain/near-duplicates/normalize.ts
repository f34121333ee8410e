/*
 * Text → words with their place in the original text (issue 14 point 5). A word is a run of letters,
 * combining marks and digits; everything else (punctuation, spaces, symbols) separates words. Each word is
 * folded: NFKC (full-width and ligature forms become plain letters), lower case, diacritics off (é → e), so
 * "Sí JEMPOL," and "si jempol" are the same two words. The fold runs per word, not on the whole text, so every
 * word keeps the character offsets of its original spelling: passages found later are highlighted in the
 * text the participant wrote. A fold that yields several words (NFKC of "½" is "1⁄2") gives them all the
 * offsets of the original word. Pure: no I/O.
 */

export interface Token {
  /** The folded word: lower case, no diacritics, letters and digits only. */
  word: string;
  /** Offsets in the original text: text.slice(start, end) is the word as written. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const PLAIN = /^[A-Za-z0-9]+$/;
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The folded form of one written word; usually one word, sometimes none or several (see above). */
export function fold(raw: string): string[] {
  if (PLAIN.test(raw)) return [raw.toLowerCase()]; // the common case, spared the Unicode folds
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .split(NOT_WORD)
    .filter(Boolean);
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    for (const word of fold(m[0])) out.push({ word, start, end });
  }
  return out;
}

/** The folded words joined by single spaces ("Sí-JEMPOL 2.0!" → "si jempol 2 0"). */
export function normalizedText(text: string): string {
  return tokenize(text)
    .map((t) => t.word)
    .join(' ');
}
