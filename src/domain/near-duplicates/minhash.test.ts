import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION } from './fingerprint-codec.js';
import { fmix32, fnv1a32 } from './hash.js';
import { bandKeys, BANDS, candidateProbability } from './lsh.js';
import { estimate, signature, SIGNATURE_SIZE } from './minhash.js';
import { prepareProposal } from './prepare.js';
import { PAST_WINNER } from './texts.fixtures.js';

/** n distinct 32-bit values from `from` on, spread by fmix32. */
const values = (from: number, n: number) => Array.from({ length: n }, (_, i) => fmix32(from + i));

describe('MinHash signatures', () => {
  it('the hashes are the published FNV-1a 32 and murmur3 fmix32 (stored fingerprints must stay comparable)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  it('shingles and signatures of a fixed text are pinned: if they change, bump FINGERPRINT_VERSION', () => {
    const p = prepareProposal({
      id: 1,
      title: 'x',
      answers: [{ key: 'a', text: 'Petugas Disdukcapil datang langsung ke rumah warga lansia.' }],
    });
    expect([...p.answers[0].shingles]).toEqual([0xe9d8fa17, 0x31db3da0, 0x5202e3e5, 0x8359c8f4]);
    expect([...p.fingerprint.signature!.slice(0, 4)]).toEqual([0x1d40449, 0x1089978, 0x1d40449, 0x1089978]);
    expect(FINGERPRINT_VERSION).toBe('nd1');
  });

  it('are deterministic: the same text gives the same signature and marks, prepared twice', () => {
    const once = prepareProposal(PAST_WINNER).fingerprint;
    const twice = prepareProposal(structuredClone(PAST_WINNER)).fingerprint;
    expect(once.signature).toHaveLength(SIGNATURE_SIZE);
    expect(twice).toEqual(once);
    expect(bandKeys(twice.signature!)).toEqual(bandKeys(once.signature!));
  });

  it('do not depend on the order of the set', () => {
    const set = values(0, 300);
    expect(signature([...set].reverse())).toEqual(signature(set));
  });

  it('estimate the Jaccard similarity within three standard deviations (±0.13 at 128 bins)', () => {
    for (const [shared, own] of [
      [1000, 0],
      [600, 200],
      [400, 300],
      [200, 400],
      [50, 500],
      [0, 500],
    ]) {
      const common = values(1_000_000, shared);
      const a = signature([...common, ...values(2_000_000, own)]);
      const b = signature([...common, ...values(3_000_000, own)]);
      const exact = shared / (shared + 2 * own);
      expect(Math.abs(estimate(a, b) - exact)).toBeLessThan(0.13);
    }
  });

  it('an empty set has no signature and estimates 0; a one-shingle set fills every bin', () => {
    expect(signature([])).toBeNull();
    expect(estimate(null, signature([1]))).toBe(0);
    const one = signature([42])!;
    expect(new Set(one).size).toBe(1);
    expect(estimate(one, signature([42]))).toBe(1);
    expect(estimate(one, signature([43]))).toBe(0);
  });
});

describe('LSH banding', () => {
  it('32 bands of 4 rows: the S-curve of lsh.ts', () => {
    expect(BANDS).toBe(32);
    expect(candidateProbability(0.1)).toBeLessThan(0.005);
    expect(candidateProbability(0.2)).toBeCloseTo(0.05, 2);
    expect(candidateProbability(0.5)).toBeCloseTo(0.873, 3);
    expect(candidateProbability(0.6)).toBeGreaterThan(0.98);
  });

  it('equal signatures share every band key; the band number is part of the key', () => {
    const sig = new Uint32Array(SIGNATURE_SIZE).fill(7);
    const keys = bandKeys(sig);
    expect(new Set(keys).size).toBe(BANDS);
    expect(bandKeys(sig.slice())).toEqual(keys);
  });
});
