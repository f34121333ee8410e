import { describe, expect, it } from 'vitest';
import { formatInstant, zonedToUtc, zoneAbbreviation } from './time.js';

describe('time', () => {
  it('converts KIPP 2021 closing 11 May 2021 23:59 WIB to 16:59 UTC', () => {
    expect(
      zonedToUtc({ year: 2021, month: 5, day: 11, hour: 23, minute: 59 }, 'Asia/Jakarta').toISOString(),
    ).toBe('2021-05-11T16:59:00.000Z');
  });

  it('formats a deadline with hour and zone in both languages', () => {
    expect(formatInstant('2021-05-11T16:59:00.000Z', 'Asia/Jakarta', 'id')).toBe('11 Mei 2021 23.59 WIB');
    expect(formatInstant('2021-05-11T16:59:00.000Z', 'Asia/Jakarta', 'en')).toBe('11 May 2021 23:59 WIB');
    expect(formatInstant('2021-05-11T16:59:00.000Z', 'Asia/Makassar', 'id')).toBe('12 Mei 2021 00.59 WITA');
    expect(formatInstant('2021-05-11T16:59:00.000Z', 'Asia/Jayapura', 'en')).toBe('12 May 2021 01:59 WIT');
  });

  it('names the Indonesian zones', () => {
    expect(zoneAbbreviation('Asia/Jakarta')).toBe('WIB');
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Asia/Jayapura')).toBe('WIT');
  });
});
