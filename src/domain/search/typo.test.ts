import { describe, expect, it } from 'vitest';
import { buildTypoIndex, corrections, editDistance, maxEdits, trigrams } from './typo.js';

const VOCABULARY = [
  'kependudukan',
  'penduduk',
  'pelayanan',
  'layanan',
  'desa',
  'dana',
  'data',
  'kesehatan',
  'puskesmas',
  'posyandu',
  'tangerang',
  'pendidikan',
];

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('kependudkan', 'kependudukan', 2)).toBe(1);
    expect(editDistance('pelayanna', 'pelayanan', 2)).toBe(1);
    expect(editDistance('desa', 'dena', 1)).toBe(1);
    expect(editDistance('kesehtan', 'kesehatan', 2)).toBe(1);
    expect(editDistance('kshatan', 'kesehatan', 2)).toBe(2);
    expect(editDistance('desa', 'desa', 0)).toBe(0);
  });

  it('stops at max + 1', () => {
    expect(editDistance('desa', 'tangerang', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});

describe('corrections', () => {
  const index = buildTypoIndex(VOCABULARY);

  it('reads "kependudkan" as "kependudukan" and "pelaynan" as "pelayanan"', () => {
    expect(corrections(index, 'kependudkan')).toEqual(['kependudukan']);
    expect(corrections(index, 'pelaynan')).toEqual(['pelayanan']);
    expect(corrections(index, 'tanggerang')).toEqual(['tangerang']);
  });

  it('allows two edits from 8 letters, one from 4, none below', () => {
    expect([maxEdits('dsa'), maxEdits('desa'), maxEdits('pelayan'), maxEdits('pelayann')]).toEqual([
      0, 1, 1, 2,
    ]);
    expect(corrections(index, 'kependudkn')).toEqual(['kependudukan']);
    expect(corrections(index, 'dsea')).toEqual(['desa']);
    expect(corrections(index, 'dta')).toEqual([]);
    expect(corrections(index, 'posynadu')).toEqual(['posyandu']);
    // A wrong letter and a swap: two edits; one more is too many.
    expect(corrections(index, 'pkskesmsa')).toEqual(['puskesmas']);
    expect(corrections(index, 'pkskesnsa')).toEqual([]);
  });

  it('gives all words at the smallest distance, alphabetically, and nothing for a known word', () => {
    expect(corrections(index, 'dasa')).toEqual(['dana', 'data', 'desa']);
    expect(corrections(index, 'desa')).toEqual([]);
  });

  it('does not correct other scripts, numbers, or words far from any', () => {
    expect(corrections(index, 'مرحبا')).toEqual([]);
    expect(corrections(index, '2024')).toEqual([]);
    expect(corrections(index, 'jembatan')).toEqual([]);
  });

  it('finds a typo among 100,000 words in bounded time', () => {
    const words: string[] = [];
    for (let i = 0; i < 100_000; i++) words.push(`kata${i.toString(36)}x`);
    const big = buildTypoIndex([...words, ...VOCABULARY]);
    const started = performance.now();
    expect(corrections(big, 'kependudkan')).toEqual(['kependudukan']);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('pads trigrams so the first and last letters count', () => {
    expect(trigrams('desa')).toEqual(['$de', 'des', 'esa', 'sa$']);
  });
});
