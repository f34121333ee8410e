/*
 * The hashes of near-duplicate detection, written by hand so they are the same on every platform, in the
 * browser and in Node, forever (stored fingerprints must stay comparable across years): FNV-1a 32-bit over
 * UTF-16 code units for words, and murmur3's 32-bit finalizer (fmix32) to spread bits. fmix32 is a
 * bijection on 32-bit integers, so mixing never merges two different values. Pure: no I/O.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit of a string (its UTF-16 code units). */
export function fnv1a32(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** murmur3's finalizer: every input bit affects every output bit; a permutation of the 32-bit integers. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One 32-bit hash of `count` consecutive 32-bit values from `from` (a shingle of word hashes). */
export function hashRun(values: ArrayLike<number>, from: number, count: number, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = from; i < from + count; i++) {
    h ^= values[i];
    h = Math.imul(h, FNV_PRIME);
    h ^= h >>> 15;
  }
  return fmix32(h);
}
