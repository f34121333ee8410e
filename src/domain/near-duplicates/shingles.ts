import { fnv1a32, hashRun } from './hash.js';
import { tokenize, type Token } from './normalize.js';
import { sortedUnique } from './sets.js';

/*
 * Word shingles (issue 14 point 5). An answer becomes the sequence of its k-word shingles (k = 5: four words
 * in a row are still common Indonesian phrasing — "dalam rangka meningkatkan pelayanan" — five are rarely
 * shared by chance), each hashed to 32 bits; shingle i covers words i … i+k−1, so a shared shingle maps
 * back to its words and their character offsets. Shingles never span two answers. An answer of fewer than
 * k words has no shingle: it is too short to tell a copy from a coincidence ("Tidak ada.").
 * Titles are short: they are compared by their character trigrams (title.ts), not by shingles.
 * Pure: no I/O.
 */

export const SHINGLE_WORDS = 5;

/** The hashes of the answer's k-word shingles in text order (with repeats); empty under k words. */
export function shingleSequence(tokens: readonly Token[], k = SHINGLE_WORDS): Uint32Array {
  if (tokens.length < k) return new Uint32Array(0);
  const words = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) words[i] = fnv1a32(tokens[i].word);
  const out = new Uint32Array(tokens.length - k + 1);
  for (let i = 0; i < out.length; i++) out[i] = hashRun(words, i, k);
  return out;
}

export interface AnswerText {
  /** The section the answer belongs to (e.g. "ringkasan"); passages name it. */
  key: string;
  text: string;
}

export interface PreparedAnswer extends AnswerText {
  tokens: Token[];
  /** shingles[i] is the hash of tokens i … i+k−1. */
  shingles: Uint32Array;
}

export function prepareAnswer(a: AnswerText): PreparedAnswer {
  const tokens = tokenize(a.text);
  return { key: a.key, text: a.text, tokens, shingles: shingleSequence(tokens) };
}

/** The set of all the answers' shingles, sorted and distinct. */
export function shingleSet(answers: readonly PreparedAnswer[]): Uint32Array {
  return sortedUnique(...answers.map((a) => a.shingles));
}
