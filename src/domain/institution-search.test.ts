import { describe, expect, it } from 'vitest';
import { institutionSearchWords } from './institutions.js';

describe('institutionSearchWords: abbreviations people type find the full names', () => {
  const cases: [string, string[]][] = [
    ['Kab. Sleman', ['kabupaten', 'sleman']],
    ['kab sleman', ['kabupaten', 'sleman']],
    ['Kabupaten Sleman', ['kabupaten', 'sleman']],
    ['Pemkab Sleman', ['kabupaten', 'sleman']],
    ['Kota Surabaya', ['kota', 'surabaya']],
    ['Pemkot Surabaya', ['kota', 'surabaya']],
    ['Prov. Kalimantan Timur', ['provinsi', 'kalimantan', 'timur']],
    ['Pemprov Kaltim', ['provinsi', 'kaltim']],
    ['Propinsi Jawa Tengah', ['provinsi', 'jawa', 'tengah']],
    ['Provinsi Banten', ['provinsi', 'banten']],
    ['  Sleman,  Kab.  ', ['sleman', 'kabupaten']],
    ['Kab. Kabupaten Sleman', ['kabupaten', 'sleman']],
    ['RSUD Dr. Soetomo', ['rsud', 'dr', 'soetomo']],
    ['Kotawaringin', ['kotawaringin']],
    ['Kemen. PANRB', ['kementerian', 'panrb']],
    ['%', ['%']],
    ['. , -', ['.', ',', '-']],
    ['', []],
    ['a b c d e f g h i j k l', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']],
  ];
  for (const [query, words] of cases)
    it(`"${query}" → ${JSON.stringify(words)}`, () => expect(institutionSearchWords(query)).toEqual(words));
});
