/*
 * Shingle sets as sorted arrays of distinct 32-bit hashes: compact (4 bytes a shingle), and the exact
 * Jaccard and containment of two sets are one merge walk. Pure: no I/O.
 */

/** The distinct values of some arrays, sorted ascending. */
export function sortedUnique(...parts: readonly ArrayLike<number>[]): Uint32Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const all = new Uint32Array(n);
  let at = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) all[at++] = p[i];
  all.sort();
  let w = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[w++] = all[i];
  return all.slice(0, w);
}

/** |A ∩ B| of two sorted distinct arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (nothing to compare is not a match). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (!a.length && !b.length) return 0;
  const common = intersectionSize(a, b);
  return common / (a.length + b.length - common);
}

/** |A ∩ B| / |A|: how much of A is inside B (a copied paragraph lies wholly inside); 0 for an empty A. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length ? intersectionSize(a, b) / a.length : 0;
}
