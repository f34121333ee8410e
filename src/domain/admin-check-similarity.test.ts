import { describe, expect, it } from 'vitest';
import {
  copyCandidates,
  decodeFingerprint,
  encodeFingerprint,
  estimate,
  fingerprintOf,
  jaccard,
  shingles,
  signature,
} from './admin-check-similarity.js';

const BASE =
  'Petugas kecamatan datang langsung ke rumah warga lanjut usia untuk merekam data kependudukan, mencetak kartu identitas dan memperbarui kartu keluarga tanpa biaya';
const OTHER =
  'Kader posyandu mencatat tumbuh kembang balita di aplikasi dan orang tua menerima pengingat imunisasi lewat pesan singkat setiap bulan dari puskesmas terdekat';

describe('copy detection', () => {
  it('Jaccard of word shingles: identical 1, unrelated 0, case and punctuation ignored', () => {
    expect(jaccard(shingles(BASE), shingles(BASE.toUpperCase().replace(/,/g, ' ;')))).toBe(1);
    expect(jaccard(shingles(BASE), shingles(OTHER))).toBe(0);
    // One word changed near the end: most shingles stay.
    const edited = BASE.replace('tanpa biaya', 'dengan gratis');
    const j = jaccard(shingles(BASE), shingles(edited));
    expect(j).toBeGreaterThan(0.6);
    expect(j).toBeLessThan(1);
  });

  it('ignores answers too short to tell', () => {
    expect(shingles('Layanan cepat dan mudah').size).toBe(0);
    expect(signature(new Set())).toEqual([]);
  });

  it('MinHash estimates track the exact similarity', () => {
    const a = shingles(BASE);
    expect(estimate(signature(a), signature(a))).toBe(1);
    expect(estimate(signature(a), signature(shingles(OTHER)))).toBeLessThan(0.15);
  });

  it('fingerprints survive encoding, and candidates find the copied section across sections', () => {
    const own = fingerprintOf([{ sectionKey: 'ringkasan', text: BASE }]);
    const round = decodeFingerprint(encodeFingerprint(own));
    expect(round).toEqual(own);
    const found = copyCandidates(
      own,
      [
        { id: 7, fingerprint: fingerprintOf([{ sectionKey: 'kebaruan', text: `${BASE} setiap minggu` }]) },
        { id: 8, fingerprint: fingerprintOf([{ sectionKey: 'ringkasan', text: OTHER }]) },
      ],
      0.6,
    );
    expect(found.map((c) => [c.id, c.sectionKey, c.otherSectionKey])).toEqual([[7, 'ringkasan', 'kebaruan']]);
  });
});
