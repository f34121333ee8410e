import { describe, expect, it } from 'vitest';
import { formatInstant, wallClock, zonedToUtc, zoneAbbreviation } from './time.js';

/** The wall clock as Intl reads it, field by field: what wallClock must equal. */
function intlReading(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour'),
    minute: n('minute'),
    second: n('second'),
  };
}

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

  it('reads the wall clock as Intl does, minute by minute across offset changes inside an hour', () => {
    // St John's moves its clock at 02:00 local = 05:30 UTC (inside a UTC hour); Jakarta moved from +07:30
    // to +07:00 on 1 January 1964; Lord Howe moves by half an hour; the Indonesian zones never move now.
    const spans: [string, string][] = [
      ['America/St_Johns', '2026-03-08T04:00:00Z'],
      ['America/St_Johns', '2026-11-01T03:00:00Z'],
      ['Asia/Jakarta', '1963-12-31T15:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
      ['Asia/Jakarta', '2026-12-31T16:00:00Z'],
      ['Asia/Makassar', '2021-05-11T15:00:00Z'],
      ['Asia/Jayapura', '2021-05-11T15:00:00Z'],
    ];
    for (const [zone, from] of spans)
      for (let m = 0; m < 180; m++) {
        const at = new Date(Date.parse(from) + m * 60_000 + 17_345);
        expect(wallClock(at, zone), `${zone} ${at.toISOString()}`).toEqual(intlReading(at, zone));
      }
  });
});
