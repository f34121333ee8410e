/*
 * Typo tolerance without a database's fuzzy functions (so SQLite and PostgreSQL agree): a query word
 * nobody wrote is read as the closest words that were written — the vocabulary of the indexed texts —
 * within 1 edit (words of 4–7 letters) or 2 edits (8 letters or more); shorter words are not corrected.
 * An edit is an insertion, a deletion, a substitution or two neighbours swapped ("kependudkan" →
 * "kependudukan", "pelaynan" → "pelayanan"). Candidates come from a trigram index over the vocabulary:
 * an insertion, deletion or substitution destroys at most 3 of a word's trigrams, so a word within k of
 * them shares at least (its trigrams − 3k); a swap destroys up to 4, so the swaps are tried on the query
 * word first (each swapped form, then k − 1 other edits). Only candidates are measured. (Two swaps in one
 * word are not found.) Pure.
 */

export interface TypoIndex {
  readonly words: readonly string[];
  /** Trigram → indexes into `words`, ascending. */
  readonly byTrigram: ReadonlyMap<string, readonly number[]>;
  /** Word → its index in `words`. */
  readonly position: ReadonlyMap<string, number>;
}

/** At most this many corrections per word, the closest first. */
export const MAX_CORRECTIONS = 3;
const LATIN_WORD = /^[a-z]+$/;

/** How many edits a word may be from what was meant: 0 below 4 letters, 1 up to 7, 2 from 8. */
export function maxEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

/** The distinct trigrams of a word padded with '$' ("desa" → $de, des, esa, sa$). */
export function trigrams(word: string): string[] {
  const padded = `$${word}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** The index of a vocabulary (normalized words, as tokenize.ts gives them); repeats are dropped. */
export function buildTypoIndex(vocabulary: Iterable<string>): TypoIndex {
  const words = [...new Set(vocabulary)].filter((w) => LATIN_WORD.test(w)).sort();
  const byTrigram = new Map<string, number[]>();
  words.forEach((word, i) => {
    for (const gram of trigrams(word)) {
      const list = byTrigram.get(gram);
      if (list) list.push(i);
      else byTrigram.set(gram, [i]);
    }
  });
  return { words, byTrigram, position: new Map(words.map((w, i) => [w, i])) };
}

/**
 * The edit distance of two words (optimal string alignment: a swap of neighbours counts 1), or max + 1
 * as soon as it is certain to exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  const d = previous[b.length] ?? 0;
  return d > max ? max + 1 : d;
}

/**
 * The vocabulary words a word may have been meant as: those at the smallest distance within maxEdits,
 * alphabetically, at most MAX_CORRECTIONS. Empty when the word is in the vocabulary, too short, or not
 * a Latin word.
 */
export function corrections(index: TypoIndex, word: string): string[] {
  const max = maxEdits(word);
  if (max === 0 || !LATIN_WORD.test(word) || index.position.has(word)) return [];
  const candidates = new Set(near(index, word, max));
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const swapped = word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    for (const c of near(index, swapped, max - 1)) candidates.add(c);
  }
  let best = max + 1;
  let found: string[] = [];
  for (const i of candidates) {
    const candidate = index.words[i] ?? '';
    const d = editDistance(word, candidate, max);
    if (d < best) {
      best = d;
      found = [candidate];
    } else if (d === best && d <= max) found.push(candidate);
  }
  return found.sort().slice(0, MAX_CORRECTIONS);
}

/** The vocabulary words that may be within `edits` insertions, deletions or substitutions of a word. */
function near(index: TypoIndex, word: string, edits: number): number[] {
  const exact = index.position.get(word);
  if (edits === 0) return exact === undefined ? [] : [exact];
  const grams = trigrams(word);
  const needed = Math.max(1, grams.length - 3 * edits);
  const shared = new Map<number, number>();
  for (const gram of grams)
    for (const i of index.byTrigram.get(gram) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  const out: number[] = [];
  for (const [i, count] of shared) {
    const candidate = index.words[i] ?? '';
    if (count >= needed && Math.abs(candidate.length - word.length) <= edits) out.push(i);
  }
  return out;
}
