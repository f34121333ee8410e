import { describe, expect, it } from 'vitest';
import {
  certificateKind,
  codeMessage,
  defaultAwardLabel,
  formatCertificateNumber,
  numberSlug,
  verdictOf,
  verificationPath,
  type CertificateFacts,
} from './certificates.js';

const FACTS: CertificateFacts = {
  number: 'PIAGAM/KIPP/2026/0012',
  innovationTitle: 'Layanan Cepat',
  institutionName: 'Pemerintah Kabupaten Uji',
  unitName: 'Dinas Uji',
  award: 'FINALIST',
  awardLabelId: 'Finalis',
  year: 2026,
};

describe('certificates (domain)', () => {
  it('numbers with the prefix and four digits at least', () => {
    expect(formatCertificateNumber('PIAGAM/KIPP/2026', 12)).toBe('PIAGAM/KIPP/2026/0012');
    expect(formatCertificateNumber('PIAGAM/KIPP/2026', 12345)).toBe('PIAGAM/KIPP/2026/12345');
  });

  it('writes the number in the address without slashes, the same however it is typed', () => {
    expect(numberSlug('PIAGAM/KIPP/2026/0012')).toBe('PIAGAM-KIPP-2026-0012');
    expect(numberSlug('piagam-kipp-2026-0012')).toBe('PIAGAM-KIPP-2026-0012');
    expect(numberSlug('/A.B//1/')).toBe('A-B-1');
    expect(verificationPath('PIAGAM/KIPP/2026/0012', 'abc')).toBe(
      '/verifikasi/piagam/PIAGAM-KIPP-2026-0012?k=abc',
    );
  });

  it('keeps the registry’s Top 99 as the finalist’s certificate, other levels as they are', () => {
    expect(certificateKind('TOP99')).toBe('FINALIST');
    expect(certificateKind('TOP45')).toBe('TOP45');
    expect(defaultAwardLabel('TOP99')).toEqual({ id: 'Finalis', en: 'Finalist' });
  });

  it('covers every fact with the code: changing any one changes the text it is computed over', () => {
    const base = codeMessage(FACTS);
    for (const [k, v] of Object.entries({
      number: 'PIAGAM/KIPP/2026/0013',
      innovationTitle: 'Layanan Lambat',
      institutionName: 'Pemerintah Kota Uji',
      unitName: 'Dinas Lain',
      award: 'TOP45',
      awardLabelId: 'Top Terpuji',
      year: 2027,
    }))
      expect(codeMessage({ ...FACTS, [k]: v }), k).not.toBe(base);
  });

  it('judges an address: the matching certificate is genuine or revoked; none matching is not valid', () => {
    const rows = [
      { id: 1, revoked: false },
      { id: 2, revoked: true },
    ];
    expect(verdictOf(rows, (r) => r.id === 1)).toEqual({ verdict: 'genuine', certificate: rows[0] });
    expect(verdictOf(rows, (r) => r.id === 2)).toEqual({ verdict: 'revoked', certificate: rows[1] });
    expect(verdictOf(rows, () => false)).toEqual({ verdict: 'not_valid', certificate: null });
    expect(verdictOf([], () => true)).toEqual({ verdict: 'not_valid', certificate: null });
  });
});
