import { describe, expect, it } from 'vitest';
import {
  AWARD_ORDER,
  bestAwardRank,
  gallerySlug,
  gallerySummary,
  orderAwards,
  regionCodes,
  SUMMARY_WORDS,
} from './gallery.js';

describe('the gallery rules', () => {
  it('makes a stable lower-case address without repeating the competition code', () => {
    expect(gallerySlug('KIPP', 'KIPP-2026-00042')).toBe('kipp-2026-00042');
    expect(gallerySlug('KIPP', 'KIPP')).toBe('kipp');
    expect(gallerySlug('IPD Jatim', 'IPD-2025/007')).toBe('ipd-jatim-ipd-2025-007');
    expect(gallerySlug('KIPPX', 'KIPP-2026-1')).toBe('kippx-kipp-2026-1');
  });

  it('orders award levels from the highest, the finalist level last, and ranks an entry by its best', () => {
    expect(orderAwards(['TOP99', 'TOP45', 'TOP99', 'BOGUS'])).toEqual(['TOP45', 'TOP99']);
    expect(AWARD_ORDER.at(-1)).toBe('TOP99');
    expect(bestAwardRank(['TOP99', 'TOP5_REPLIKASI'])).toBe(AWARD_ORDER.indexOf('TOP5_REPLIKASI'));
    expect(bestAwardRank([])).toBe(AWARD_ORDER.length);
  });

  it('takes the ringkasan as the summary, else the first answer cut to its first words', () => {
    expect(gallerySummary('  Ringkasan\n singkat. ', 'Jawaban pertama.')).toBe('Ringkasan singkat.');
    expect(gallerySummary('  ', 'Jawaban pertama.')).toBe('Jawaban pertama.');
    const long = Array.from({ length: SUMMARY_WORDS + 5 }, (_, i) => `kata${i}`).join(' ');
    const cut = gallerySummary(null, long);
    expect(cut.split(' ')).toHaveLength(SUMMARY_WORDS + 1);
    expect(cut.endsWith('kata199 …')).toBe(true);
    expect(gallerySummary(null, null)).toBe('');
  });

  it('reads the province and regency of a region code', () => {
    expect(regionCodes('36.03')).toEqual({ province: '36', regency: '36.03' });
    expect(regionCodes('36.03.01')).toEqual({ province: '36', regency: '36.03' });
    expect(regionCodes('36')).toEqual({ province: '36', regency: null });
    expect(regionCodes(null)).toEqual({ province: null, regency: null });
    expect(regionCodes('pusat')).toEqual({ province: null, regency: null });
  });
});
