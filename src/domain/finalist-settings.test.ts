import { describe, expect, it } from 'vitest';
import { checkFinalistSettings, defaultPerGroup, finalistSettingsOf } from './finalist-settings.js';

const ctx = { groupKeys: ['umum', 'replikasi', 'khusus'], categoryKeys: ['kesehatan', 'pendidikan'] };
const quota = (over: Record<string, unknown> = {}) => ({
  key: 'min-3t',
  dimension: 'is3T',
  value: 'true',
  min: 5,
  ...over,
});
const fieldsOf = (input: unknown) => {
  const r = checkFinalistSettings(input, ctx);
  if (r.ok) throw new Error('expected a refusal');
  return r.fields;
};

describe('finalist settings', () => {
  it('default to the KIPP 2022 shape where its groups exist, else 10', () => {
    expect(defaultPerGroup(['umum', 'replikasi', 'khusus'])).toEqual({ umum: 99, replikasi: 15, khusus: 15 });
    expect(defaultPerGroup(['umum', 'daerah'])).toEqual({ umum: 99, daerah: 10 });
    expect(finalistSettingsOf({}, ['umum'])).toEqual({
      perGroup: { umum: 99 },
      passMark: null,
      quotas: [],
      threeTRegions: [],
    });
  });

  it('read leniently: a malformed stored value takes its default, a removed group is dropped', () => {
    const s = finalistSettingsOf(
      {
        finalists: { perGroup: { umum: -3, lama: 4, khusus: 7 }, passMark: 'x', threeTRegions: ['91', 'x'] },
      },
      ['umum', 'khusus'],
    );
    expect(s).toEqual({
      perGroup: { umum: 99, khusus: 7 },
      passMark: null,
      quotas: [],
      threeTRegions: ['91'],
    });
  });

  it('accept a valid body, with defaults for the groups not sent', () => {
    const r = checkFinalistSettings(
      {
        perGroup: { umum: 50 },
        passMark: 85,
        quotas: [
          quota(),
          quota({
            key: 'max-kes',
            dimension: 'category',
            value: 'kesehatan',
            min: null,
            max: 12,
            group: 'umum',
          }),
        ],
        threeTRegions: ['91', '94.01', '91'],
      },
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      settings: {
        perGroup: { umum: 50, replikasi: 15, khusus: 15 },
        passMark: 85,
        quotas: [
          { key: 'min-3t', dimension: 'is3T', value: 'true', group: null, min: 5, max: null },
          { key: 'max-kes', dimension: 'category', value: 'kesehatan', group: 'umum', min: null, max: 12 },
        ],
        threeTRegions: ['91', '94.01'],
      },
    });
  });

  it.each([
    ['unknown group in N', { perGroup: { daerah: 3 } }, 'perGroup.daerah', 'unknown_group'],
    ['negative N', { perGroup: { umum: -1 } }, 'perGroup.umum', 'invalid_places'],
    ['fractional N', { perGroup: { umum: 2.5 } }, 'perGroup.umum', 'invalid_places'],
    ['pass mark above 100', { passMark: 101 }, 'passMark', 'invalid_pass_mark'],
    ['pass mark with three decimals', { passMark: 85.125 }, 'passMark', 'invalid_pass_mark'],
    ['min above max', { quotas: [quota({ min: 9, max: 3 })] }, 'quotas.0.min', 'min_above_max'],
    ['negative min', { quotas: [quota({ min: -2 })] }, 'quotas.0.min', 'invalid_bound'],
    ['no bound', { quotas: [quota({ min: null })] }, 'quotas.0.min', 'no_bound'],
    [
      'unknown category',
      { quotas: [quota({ dimension: 'category', value: 'pariwisata' })] },
      'quotas.0.value',
      'unknown_category',
    ],
    [
      'unknown participant type',
      { quotas: [quota({ dimension: 'participantType', value: 'desa' })] },
      'quotas.0.value',
      'unknown_participant_type',
    ],
    [
      'unknown province',
      { quotas: [quota({ dimension: 'province', value: 'Papua' })] },
      'quotas.0.value',
      'unknown_province',
    ],
    [
      'unknown dimension',
      { quotas: [quota({ dimension: 'gender' })] },
      'quotas.0.dimension',
      'unknown_dimension',
    ],
    ['unknown quota group', { quotas: [quota({ group: 'daerah' })] }, 'quotas.0.group', 'unknown_group'],
    ['duplicate key', { quotas: [quota(), quota({ value: 'false' })] }, 'quotas.1.key', 'duplicate_key'],
    ['same rule twice', { quotas: [quota(), quota({ key: 'lagi' })] }, 'quotas.1.value', 'duplicate_quota'],
    ['bad key', { quotas: [quota({ key: 'Min 3T!' })] }, 'quotas.0.key', 'invalid_key'],
    ['bad 3T region', { threeTRegions: ['91', 'Papua'] }, 'threeTRegions.1', 'invalid_region_code'],
  ])('refuse %s, naming the field in both languages', (_name, body, field, code) => {
    const fields = fieldsOf(body);
    expect(fields[field]?.code).toBe(code);
    expect(fields[field]?.message.id).not.toBe('');
    expect(fields[field]?.message.en).not.toBe('');
    expect(fields[field]?.message.id).not.toBe(fields[field]?.message.en);
  });
});
