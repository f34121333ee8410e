import { describe, expect, it } from 'vitest';
import {
  emptyCounts,
  funnelOf,
  percentText,
  regionLabel,
  regionLevelOf,
  seasonReportOf,
  type FunnelRow,
} from './season-report.js';

const places = new Map([
  ['33', 'Jawa Tengah'],
  ['33.02', 'Kabupaten Banyumas'],
]);
const placeOf = (c: string) => places.get(c);

describe('the season report rules', () => {
  it('gives each step its rate to the previous step and to the registered, none after a zero', () => {
    const f = funnelOf({
      registered: 200,
      forwarded: 150,
      passedAdmin: 0,
      nominated: 0,
      finalist: 0,
      topTerpuji: 0,
    });
    expect(f.map((s) => [s.key, s.ofPrevious, s.ofRegistered])).toEqual([
      ['registered', null, 1],
      ['forwarded', 0.75, 0.75],
      ['passedAdmin', 0, 0],
      ['nominated', null, 0],
      ['finalist', null, 0],
      ['topTerpuji', null, 0],
    ]);
    expect(funnelOf(emptyCounts()).every((s) => s.ofRegistered === null)).toBe(true);
  });

  it('writes rates the Indonesian way first', () => {
    expect(percentText(0.725, 'id')).toBe('72,5%');
    expect(percentText(0.725, 'en')).toBe('72.5%');
    expect(percentText(null, 'id')).toBe('—');
  });

  it('breaks regions down by regency for a regional organizer or a province filter, else by province', () => {
    expect(regionLevelOf('kementerian', null)).toBe('province');
    expect(regionLevelOf('kementerian', '33')).toBe('regency');
    expect(regionLevelOf('pemerintah_provinsi', null)).toBe('regency');
    expect(regionLevelOf('pemerintah_kota', null)).toBe('regency');
  });

  it('names regions: provinces, regencies, the province level and the national bucket', () => {
    expect(regionLabel('33', 'province', placeOf)).toEqual({ id: 'Jawa Tengah', en: 'Jawa Tengah' });
    expect(regionLabel('33', 'regency', placeOf).id).toBe('Jawa Tengah (tingkat provinsi)');
    expect(regionLabel('33.02', 'regency', placeOf).id).toBe('Kabupaten Banyumas');
    expect(regionLabel('33.99', 'regency', placeOf)).toEqual({
      id: 'Kabupaten/Kota 33.99',
      en: 'Regency/city 33.99',
    });
    expect(regionLabel('pusat', 'regency', placeOf).id).toBe('Pusat / nasional');
  });

  it('sums the grouped rows into breakdowns that each add up to the totals', () => {
    const row = (over: Partial<FunnelRow>, registered: number, finalist: number): FunnelRow => ({
      categoryKey: 'kesehatan',
      groupKey: 'umum',
      institutionType: 'pemerintah_kabupaten',
      regionKey: '33',
      counts: { ...emptyCounts(), registered, forwarded: registered, finalist },
      ...over,
    });
    const rows = [
      row({}, 10, 1),
      row({ categoryKey: null, groupKey: 'khusus' }, 3, 0),
      row({ institutionType: 'kementerian', regionKey: 'pusat' }, 5, 2),
    ];
    const r = seasonReportOf(rows, {
      groups: [
        { key: 'umum', label: { id: 'Umum', en: 'General' } },
        { key: 'replikasi', label: { id: 'Replikasi', en: 'Replication' } },
        { key: 'khusus', label: { id: 'Khusus', en: 'Special' } },
      ],
      categories: [{ key: 'kesehatan', label: { id: 'Kesehatan', en: 'Health' } }],
      placeOf,
      regionLevel: 'province',
    });
    expect(r.totals).toMatchObject({ registered: 18, finalist: 3 });
    for (const slices of Object.values(r.breakdowns))
      expect(slices.reduce((n, s) => n + s.counts.registered, 0)).toBe(18);
    // Groups keep their order, the empty one too; regions by size.
    expect(r.breakdowns.group.map((g) => [g.key, g.counts.registered])).toEqual([
      ['umum', 15],
      ['replikasi', 0],
      ['khusus', 3],
    ]);
    expect(r.breakdowns.region.map((g) => g.key)).toEqual(['33', 'pusat']);
    expect(r.breakdowns.category.map((c) => c.key)).toEqual(['kesehatan', 'belum_dipilih']);
    expect(r.breakdowns.participantType.map((c) => c.key)).toEqual(['kementerian', 'pemerintah_kabupaten']);
  });
});
