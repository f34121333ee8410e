import { fnv1a32 } from './hash.js';
import { normalizedText } from './normalize.js';
import { intersectionSize, sortedUnique } from './sets.js';

/*
 * Title similarity. Titles are a few words, too short for word shingles; and the words people reuse
 * ("Sistem Informasi …", "Layanan …") carry little. Character trigrams of the folded title, padded with a
 * space at each end, tolerate a changed suffix, spacing and spelling ("Si Jempol" ~ "SI-JEMPOL 2.0") while
 * two titles that share one common word still differ in most trigrams. The score is the Sørensen–Dice
 * coefficient of the trigram sets, 2·|A ∩ B| / (|A| + |B|) in [0, 1] (Dice rather than Jaccard: a name kept
 * with words added or dropped around it — "Si Jempol: Jemput Bola Pelayanan Administrasi Kependudukan bagi
 * Lansia" / "SI JEMPOL — Jemput Bola Adminduk Lansia" — scores 0.61, not 0.44).
 * A title alone never flags a pair (compare.ts): it only tells `same` from `renamed`. Pure: no I/O.
 */

export function titleGrams(title: string): Uint32Array {
  const s = ` ${normalizedText(title)} `;
  if (s.trim() === '') return new Uint32Array(0);
  const grams: number[] = [];
  for (let i = 0; i + 3 <= s.length; i++) grams.push(fnv1a32(s.slice(i, i + 3)));
  return sortedUnique(grams);
}

export function titleSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  return (2 * intersectionSize(a, b)) / (a.length + b.length);
}
