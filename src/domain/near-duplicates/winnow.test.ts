import { describe, expect, it } from 'vitest';
import { fmix32 } from './hash.js';
import { PostingsBuilder } from './postings.js';
import { intersectionSize, sortedUnique } from './sets.js';
import { seeded } from './soup.fixtures.js';
import { GUARANTEED_RUN_WORDS, MIN_SHARED_MARKS, WINDOW, winnow } from './winnow.js';

const randomHashes = (random: () => number, n: number) =>
  Uint32Array.from({ length: n }, () => fmix32(Math.floor(random() * 2 ** 32)));

describe('winnowing marks', () => {
  it('choose the rightmost minimum of each window, once per change', () => {
    expect(winnow(Uint32Array.from([5, 3, 3, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1]))).toEqual([3, 9, 1]);
    expect(winnow(Uint32Array.from([4, 2, 8]))).toEqual([2]);
    expect(winnow(new Uint32Array(0))).toEqual([]);
  });

  it(`two texts sharing any run of ${2 * WINDOW} shingles (${GUARANTEED_RUN_WORDS} words) share ${MIN_SHARED_MARKS} marks`, () => {
    const random = seeded(14);
    for (let trial = 0; trial < 300; trial++) {
      const run = randomHashes(random, 2 * WINDOW);
      const a = Uint32Array.from([...randomHashes(random, 50), ...run, ...randomHashes(random, 7)]);
      const b = Uint32Array.from([...randomHashes(random, 3), ...run, ...randomHashes(random, 80)]);
      expect(intersectionSize(sortedUnique(winnow(a)), sortedUnique(winnow(b)))).toBeGreaterThanOrEqual(
        MIN_SHARED_MARKS,
      );
    }
  });

  it('mark about 2 / (WINDOW + 1) of the shingles', () => {
    const marks = winnow(randomHashes(seeded(3), 10_000)).length;
    expect(marks / 10_000).toBeGreaterThan(0.12);
    expect(marks / 10_000).toBeLessThan(0.19);
  });
});

describe('postings', () => {
  it('find the documents posted under a key, across the full 32-bit range, and none for another key', () => {
    const b = new PostingsBuilder();
    const keys = [0, 1, 0xffffffff, 0x80000000, 12345];
    for (let doc = 0; doc < 3000; doc++) b.add(keys[doc % keys.length], doc);
    const p = b.build();
    expect(p.size).toBe(3000);
    expect(p.documents(0xffffffff)).toEqual(Array.from({ length: 600 }, (_, i) => 2 + 5 * i));
    expect(p.documents(1).slice(0, 3)).toEqual([1, 6, 11]);
    expect(p.documents(7)).toEqual([]);
  });

  it('refuse a document number outside 0 … 2^21 − 1', () => {
    expect(() => new PostingsBuilder().add(1, 2 ** 21)).toThrow(RangeError);
    expect(() => new PostingsBuilder().add(1, -1)).toThrow(RangeError);
  });
});
