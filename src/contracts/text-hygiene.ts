/*
 * Text that people type is stored clean: normalized to NFC, without control characters (NUL, C0, DEL,
 * C1), bidirectional overrides and isolates (U+202A–202E, U+2066–2069, which can make a title read
 * differently from what it is) and zero-width characters (U+200B–200D, U+2060, U+FEFF, which hide text
 * or make two titles that look alike differ). Long text keeps its line breaks (as "\n") and tabs; in a
 * one-line text (a title, a name, a file name) a line break or tab becomes a space.
 *
 * Cost: text with nothing to clean (plain ASCII, the common case) is one regex test and no copy.
 */

/** Anything outside printable ASCII: only such text can need cleaning. */
const NEEDS_WORK_LINE = /[^\x20-\x7e]/;
const NEEDS_WORK_LONG = /[^\x20-\x7e\n]/;

/** Removed everywhere (the line breaks and tabs are handled before). */
// eslint-disable-next-line no-control-regex
const STRIP = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;

/** One-line text: NFC, line breaks and tabs as spaces, the rest of the characters above removed. */
export function cleanLine(text: string): string {
  if (!NEEDS_WORK_LINE.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(/\r\n|[\t\n\r\u2028\u2029]/g, ' ')
    .replace(STRIP, '');
}

/** Long text: NFC, line breaks kept (CR LF and CR as LF), tabs kept, the rest of the characters removed. */
export function cleanLong(text: string): string {
  if (!NEEDS_WORK_LONG.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(STRIP, '');
}
