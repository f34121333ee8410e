import { fmix32 } from './hash.js';

/*
 * MinHash signatures of shingle sets (issue 14 point 5). The textbook signature takes the minimum of 128
 * independent permutations ((a·x + b) mod p) of every shingle: 128 hash evaluations per shingle, about 30 s
 * of CPU for 33,500 proposals of a few thousand words — the whole time budget of the check. We use one
 * permutation hashing with optimal densification instead (Li, Owen & Zhang 2012; Shrivastava 2017), a MinHash
 * with the same estimator at one hash per shingle:
 *  - each shingle hash x is permuted once, h = fmix32(x ⊕ SEED) (a bijection on 32 bits);
 *  - its top 7 bits choose one of 128 bins, the other 25 bits are its value; each bin keeps its minimum;
 *  - a bin no shingle fell into borrows the minimum of another bin, chosen by a fixed sequence of hashes of
 *    the empty bin's number (the same sequence for every text, so two similar texts borrow alike).
 * For two sets, the probability that bin i holds the same value is their Jaccard similarity, as with 128
 * permutations, so `estimate` (the share of equal bins) is unbiased. Everything is fixed-seeded:
 * the same text gives the same signature on every machine and in every year. Pure: no I/O.
 */

export const SIGNATURE_SIZE = 128;
const BIN_BITS = 7; // 2^7 = SIGNATURE_SIZE
const VALUE_MASK = (1 << (32 - BIN_BITS)) - 1;
const EMPTY = 0xffffffff;
const SEED = 0x5bd1e995;
const BORROW_SEED = 0x27d4eb2f;

/** The signature of a set of shingle hashes; null for an empty set (nothing to compare). */
export function signature(set: ArrayLike<number>): Uint32Array | null {
  if (!set.length) return null;
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (let i = 0; i < set.length; i++) {
    const h = fmix32(set[i] ^ SEED);
    const bin = h >>> (32 - BIN_BITS);
    const value = h & VALUE_MASK;
    if (value < bins[bin]) bins[bin] = value;
  }
  const out = bins.slice();
  for (let bin = 0; bin < SIGNATURE_SIZE; bin++) {
    if (bins[bin] !== EMPTY) continue;
    // Optimal densification: probe bins by hashes of (bin, attempt) until one that was filled by a shingle.
    for (let attempt = 1; ; attempt++) {
      const from = fmix32(Math.imul(bin + 1, BORROW_SEED) ^ Math.imul(attempt, SEED)) >>> (32 - BIN_BITS);
      if (bins[from] !== EMPTY) {
        out[bin] = bins[from];
        break;
      }
    }
  }
  return out;
}

/** The share of equal bins: an estimate of the sets' Jaccard similarity (0 if either is missing). */
export function estimate(a: Uint32Array | null, b: Uint32Array | null): number {
  if (!a || !b) return 0;
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
