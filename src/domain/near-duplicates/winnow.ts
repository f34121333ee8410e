import { SHINGLE_WORDS } from './shingles.js';

/*
 * Winnowing (Schleimer, Wilkerson & Aiken 2003, the fingerprints of MOSS): in every window of WINDOW
 * consecutive shingles of an answer, the smallest hash (the rightmost on a tie) is a mark. Identical
 * windows choose identical marks, so two texts sharing a run of n shingles share the marks of its windows.
 *
 * Why besides MinHash: a 60-word paragraph copied into 600-word answers makes a Jaccard of about 0.05,
 * far below what any LSH threshold can find among 30,000 proposals; a shared mark finds it. A shared run of
 * n ≥ 2·WINDOW shingles holds marks at two positions (the mark of its first window sits at p < WINDOW, and
 * the window starting at p + 1 is still inside the run and chooses another position) — two distinct marks
 * unless the run repeats a shingle. With WINDOW = 12 that is any shared run of 24 shingles = 28 words, below
 * the 30 words of a copied passage (thresholds.ts), so MIN_SHARED_MARKS = 2 never misses one. About
 * 2 / (WINDOW + 1) ≈ 15 % of the shingles are marks.
 * Pure: no I/O.
 */

export const WINDOW = 12;
export const MIN_SHARED_MARKS = 2;
/** The words of the shortest shared run that always shares MIN_SHARED_MARKS marks. */
export const GUARANTEED_RUN_WORDS = 2 * WINDOW + SHINGLE_WORDS - 1;

/** The marks of one answer's shingle sequence (with repeats, in text order); a short answer's minimum. */
export function winnow(shingles: Uint32Array): number[] {
  const marks: number[] = [];
  if (!shingles.length) return marks;
  const w = Math.min(WINDOW, shingles.length);
  let chosen = -1;
  for (let start = 0; start + w <= shingles.length; start++) {
    if (chosen < start) {
      // The previous mark left the window: scan it whole (rightmost minimum).
      chosen = start;
      for (let i = start + 1; i < start + w; i++) if (shingles[i] <= shingles[chosen]) chosen = i;
      marks.push(shingles[chosen]);
    } else {
      const last = start + w - 1;
      if (shingles[last] <= shingles[chosen]) {
        chosen = last;
        marks.push(shingles[chosen]);
      }
    }
  }
  return marks;
}
