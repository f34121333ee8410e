import { hashRun } from './hash.js';
import { SIGNATURE_SIZE } from './minhash.js';

/*
 * Locality-sensitive hashing of signatures: the 128 bins are cut into BANDS bands of ROWS bins; two
 * proposals become candidates when all the bins of at least one band are equal. For a pair of Jaccard
 * similarity s the probability of that is 1 − (1 − s^ROWS)^BANDS, an S-curve whose steep part sits near
 * (1/BANDS)^(1/ROWS). With 32 bands of 4 rows it sits at 0.42:
 *
 *     s       0.1    0.2    0.3    0.4    0.5    0.6    0.7    0.8
 *     P     0.003  0.050  0.229  0.564  0.873  0.988  1.000  1.000
 *
 * A renamed proposal (answers Jaccard ≥ 0.5, thresholds.ts) is found with probability ≥ 0.87, ≥ 0.98 from
 * 0.6 on; two unrelated proposals (s < 0.1) almost never meet. We chose the curve a little below the 0.5 of
 * the verdict because a miss is silent while a false candidate only costs an estimate and, above the floor,
 * one exact comparison. (16 × 8 would sit at 0.71 and miss three pairs in four at 0.6; 64 × 2 at 0.13
 * would make a candidate of 15 % of the unrelated pairs at 0.05, thousands per proposal.) Pairs below the
 * curve that share a long passage are found by the winnowing marks (winnow.ts). Pure: no I/O.
 */

export const BANDS = 32;
export const ROWS = 4;
if (BANDS * ROWS !== SIGNATURE_SIZE) throw new Error('BANDS × ROWS must be SIGNATURE_SIZE');

/** The probability that a pair of Jaccard similarity s becomes a candidate. */
export function candidateProbability(s: number): number {
  return 1 - (1 - s ** ROWS) ** BANDS;
}

/** One 32-bit bucket key per band (the band's number is hashed in, so equal rows in two bands differ). */
export function bandKeys(signature: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) keys[b] = hashRun(signature, b * ROWS, ROWS, b + 1);
  return keys;
}
