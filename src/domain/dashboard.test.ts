import { describe, expect, it } from 'vitest';
import {
  dashboardFacts,
  dayInZone,
  perDay,
  provinceKeyOf,
  provinceLabel,
  type CountRow,
} from './dashboard.js';

describe('provinceKeyOf', () => {
  it.each([
    ['kementerian', null, null, 'pusat'],
    ['lembaga', null, null, 'pusat'],
    ['bumn', null, null, 'pusat'],
    ['pemerintah_provinsi', '64', null, '64'],
    ['pemerintah_kabupaten', '36.03', null, '36'],
    ['pemerintah_kota', '32.71', null, '32'],
    ['bumd', null, '32.71', '32'],
    ['bumd', null, null, 'tidak_diketahui'],
    ['pemerintah_kota', null, null, 'tidak_diketahui'],
  ] as const)('%s %s (owner %s) counts in %s', (type, region, owner, key) => {
    expect(provinceKeyOf(type, region, owner)).toBe(key);
  });

  it('labels provinces by name, the national bucket and unknown codes', () => {
    const place = (code: string) => ({ '64': 'Kalimantan Timur' })[code];
    expect(provinceLabel('64', place)).toEqual({ id: 'Kalimantan Timur', en: 'Kalimantan Timur' });
    expect(provinceLabel('pusat', place)).toEqual({ id: 'Pusat / nasional', en: 'Central / national' });
    expect(provinceLabel('99', place)).toEqual({ id: 'Provinsi 99', en: 'Province 99' });
  });
});

describe('per-day series', () => {
  it('cuts days on the competition wall clock (WIB, WITA, WIT)', () => {
    expect(dayInZone('2026-04-01T16:59', 'Asia/Jakarta')).toBe('2026-04-01');
    expect(dayInZone('2026-04-01T17:00', 'Asia/Jakarta')).toBe('2026-04-02');
    expect(dayInZone('2026-04-01T16:00', 'Asia/Makassar')).toBe('2026-04-02');
    expect(dayInZone('2026-04-01T14:59:59.000Z', 'Asia/Jayapura')).toBe('2026-04-01');
  });

  it('fills the days between with zeros', () => {
    expect(
      perDay(
        [
          { series: 'started', at: '2026-04-01T03:00', n: 2 },
          { series: 'forwarded', at: '2026-04-03T20:00', n: 1 },
          { series: 'sent', at: '2026-04-01T04:00', n: 1 },
        ],
        'Asia/Jakarta',
      ),
    ).toEqual([
      { date: '2026-04-01', started: 2, sent: 1, forwarded: 0 },
      { date: '2026-04-02', started: 0, sent: 0, forwarded: 0 },
      { date: '2026-04-03', started: 0, sent: 0, forwarded: 0 },
      { date: '2026-04-04', started: 0, sent: 0, forwarded: 1 },
    ]);
    expect(perDay([], 'Asia/Jakarta')).toEqual([]);
  });
});

describe('dashboardFacts', () => {
  const row = (over: Partial<CountRow>): CountRow => ({
    state: 'draft',
    groupKey: 'umum',
    categoryKey: null,
    institutionType: 'pemerintah_kabupaten',
    provinceKey: '32',
    n: 1,
    ...over,
  });

  it('adds up states, slices and totals; submitted means forwarded or received', () => {
    const f = dashboardFacts({
      rows: [
        row({ n: 3 }),
        row({ state: 'returned', categoryKey: 'kesehatan' }),
        row({ state: 'withdrawn', categoryKey: 'kesehatan' }),
        row({ state: 'forwarded', categoryKey: 'kesehatan', provinceKey: '64', n: 2 }),
        row({ state: 'received', categoryKey: 'kesehatan', provinceKey: 'pusat', institutionType: 'bumn' }),
        row({ state: 'frozen', groupKey: 'replikasi' }),
      ],
      instants: [],
      timeZone: 'Asia/Jakarta',
      groups: [
        { key: 'umum', label: { id: 'Umum', en: 'General' } },
        { key: 'replikasi', label: { id: 'Replikasi', en: 'Replication' } },
      ],
      categories: [
        { key: 'kesehatan', label: { id: 'Kesehatan', en: 'Health' } },
        { key: 'pendidikan', label: { id: 'Pendidikan', en: 'Education' } },
      ],
      provincePlace: (code) => ({ '32': 'Jawa Barat', '64': 'Kalimantan Timur' })[code],
    });
    expect(f.totals).toEqual({ started: 9, withProposer: 4, withLocalAdmin: 1, submitted: 3, frozen: 1 });
    expect(f.byState.find((s) => s.state === 'forwarded')?.count).toBe(2);
    expect(f.byGroup.map((g) => [g.key, g.started, g.submitted])).toEqual([
      ['umum', 8, 3],
      ['replikasi', 1, 0],
    ]);
    expect(f.byCategory.map((c) => [c.key, c.started, c.submitted])).toEqual([
      ['kesehatan', 5, 3],
      ['pendidikan', 0, 0],
      ['belum_dipilih', 4, 0],
    ]);
    // Most submitted first, then most started.
    expect(f.byProvince.map((p) => [p.key, p.started, p.submitted])).toEqual([
      ['64', 2, 2],
      ['pusat', 1, 1],
      ['32', 6, 0],
    ]);
    expect(f.byInstitutionType.find((x) => x.key === 'bumn')).toMatchObject({ started: 1, submitted: 1 });
  });
});
