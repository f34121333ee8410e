/*
 * The words of a text as the search sees them, each with where it stands in the original text (so a
 * snippet can cut and highlight the text as written). A word is normalized: NFKC (full-width letters,
 * ligatures), lower case, Latin diacritics off ("Pelayánan" → "pelayanan"), apostrophes dropped
 * ("Jum'at" → "jumat"). Hyphenated words: a reduplication is one word ("anak-anak" → "anak"), a hyphenated
 * abbreviation stays whole ("e-KTP" → "ektp", when the caller says it is one), anything else is its parts.
 * Pure, linear in the text, never throws: any string (emoji, Arabic script, control characters) gives words
 * or none.
 */

/** A word of a text: normalized, and its span [start, end) in the original string (UTF-16 offsets). */
export interface Word {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Longer words are cut to this many characters (a run of 5,000 letters is not a word anyone searches). */
export const MAX_WORD_LENGTH = 40;
/** A text is read up to this many characters: far above any answer the forms accept. */
export const MAX_TEXT_LENGTH = 300_000;

/**
 * Words nobody searches for: the short function words of Indonesian. Short on purpose (a longer list
 * drops words that matter in a title, like "tanpa" in "Layanan Tanpa Antre").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'dengan',
  'pada',
  'ini',
  'itu',
  'atau',
  'dalam',
  'oleh',
  'akan',
  'juga',
  'sebagai',
  'adalah',
  'tersebut',
  'bagi',
  'serta',
  'agar',
  'karena',
  'kepada',
  'para',
  'yaitu',
  'yakni',
  'pun',
  'nya',
]);

// A run of letters, marks and digits, with inner hyphens or apostrophes ("e-KTP", "Jum'at").
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011'\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const HYPHEN = /[-\u2010\u2011]/;
const APOSTROPHES = /['\u2019]/g;
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/** One word normalized: NFKC, lower case, Latin diacritics off, cut to MAX_WORD_LENGTH. */
export function normalizeWord(raw: string): string {
  const word = raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(LATIN_DIACRITICS, '')
    .normalize('NFC')
    .replace(APOSTROPHES, '');
  return word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word;
}

/**
 * The words of a text in order, stop words included (the caller drops them: a phrase like "dinas
 * kependudukan dan pencatatan sipil" is matched without them). `keepWhole(joined)` says whether a
 * hyphenated token written together ("ektp") is a word of its own.
 */
export function tokenize(text: string, keepWhole: (joined: string) => boolean = () => false): Word[] {
  const source = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const words: Word[] = [];
  for (const match of source.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    if (!HYPHEN.test(raw)) {
      pushWord(words, normalizeWord(raw), start, start + raw.length);
      continue;
    }
    const parts = splitParts(raw, start);
    const joined = normalizeWord(raw.replace(/[-\u2010\u2011]/g, ''));
    const normalized = parts.map((p) => normalizeWord(p.text));
    if (keepWhole(joined)) pushWord(words, joined, start, start + raw.length);
    else if (normalized.every((w) => w === normalized[0]))
      pushWord(words, normalized[0] ?? '', start, start + raw.length); // "anak-anak"
    else parts.forEach((p, i) => pushWord(words, normalized[i] ?? '', p.start, p.end));
  }
  return words;
}

function pushWord(words: Word[], word: string, start: number, end: number): void {
  if (word) words.push({ word, start, end });
}

function splitParts(raw: string, offset: number): { text: string; start: number; end: number }[] {
  const parts: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || HYPHEN.test(raw[i] ?? '')) {
      if (i > from) parts.push({ text: raw.slice(from, i), start: offset + from, end: offset + i });
      from = i + 1;
    }
  }
  return parts;
}
