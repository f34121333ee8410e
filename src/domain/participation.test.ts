import { describe, expect, it } from 'vitest';
import {
  defaultParticipation,
  EVERYONE,
  mayTakePart,
  parseParticipation,
  participationText,
  serializeParticipation,
  validateParticipation,
  type ParticipationRule,
} from './participation.js';

const BANTEN: ParticipationRule = {
  types: ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'],
  regions: ['36'],
};

describe('mayTakePart', () => {
  const inst = (type: string, regionCode: string | null, ownerRegionCode: string | null = null) => ({
    type: type as never,
    regionCode,
    ownerRegionCode,
  });
  it.each([
    ['everyone: a ministry', EVERYONE, inst('kementerian', null), true],
    ['everyone: a regency of Kaltim', EVERYONE, inst('pemerintah_kabupaten', '64.02'), true],
    ['Banten: the province', BANTEN, inst('pemerintah_provinsi', '36'), true],
    ['Banten: Kabupaten Tangerang', BANTEN, inst('pemerintah_kabupaten', '36.03'), true],
    ['Banten: Kota Tangerang', BANTEN, inst('pemerintah_kota', '36.71'), true],
    ['Banten: a regency of Kaltim', BANTEN, inst('pemerintah_kabupaten', '64.02'), false],
    ['Banten: code 3 is not 36', BANTEN, inst('pemerintah_kabupaten', '3'), false],
    ['Banten: code 360 is not in 36', BANTEN, inst('pemerintah_kabupaten', '360.1'), false],
    ['Banten: a ministry', BANTEN, inst('kementerian', null), false],
    ['Banten: a BUMD of Banten (type not listed)', BANTEN, inst('bumd', null, '36'), false],
    ['Banten: a regency without a region code', BANTEN, inst('pemerintah_kabupaten', null), false],
    [
      'regions only: a BUMD by its owner region',
      { types: null, regions: ['36'] },
      inst('bumd', null, '36.03'),
      true,
    ],
    ['types only: ministries', { types: ['kementerian'], regions: [] }, inst('kementerian', null), true],
    [
      'types only: not a province',
      { types: ['kementerian'], regions: [] },
      inst('pemerintah_provinsi', '36'),
      false,
    ],
    [
      'a regency rule: its own code',
      { types: null, regions: ['36.03'] },
      inst('pemerintah_kabupaten', '36.03'),
      true,
    ],
    [
      'a regency rule: not the province',
      { types: null, regions: ['36.03'] },
      inst('pemerintah_provinsi', '36'),
      false,
    ],
  ] as const)('%s', (_n, rule, institution, expected) => {
    expect(mayTakePart(rule as ParticipationRule, institution)).toBe(expected);
  });
});

describe('defaultParticipation', () => {
  it.each([
    ['KemenPAN-RB (national KIPP): everyone', { type: 'kementerian', regionCode: null }, EVERYONE],
    [
      'a province: itself and its regencies/cities',
      { type: 'pemerintah_provinsi', regionCode: '36' },
      BANTEN,
    ],
    [
      'a province without a region code: everyone',
      { type: 'pemerintah_provinsi', regionCode: null },
      EVERYONE,
    ],
    [
      'a regency: the institutions of the regency',
      { type: 'pemerintah_kabupaten', regionCode: '36.03' },
      { types: null, regions: ['36.03'] },
    ],
  ] as const)('%s', (_n, organizer, expected) => {
    expect(defaultParticipation(organizer as never)).toEqual(expected);
  });
});

describe('stored form', () => {
  it('reads null and unreadable text as everyone, and round-trips a rule', () => {
    expect(parseParticipation(null)).toEqual(EVERYONE);
    expect(parseParticipation('{oops')).toEqual(EVERYONE);
    expect(parseParticipation('{"types":["nope"],"regions":[5]}')).toEqual(EVERYONE);
    expect(parseParticipation(serializeParticipation(BANTEN))).toEqual(BANTEN);
    expect(serializeParticipation(EVERYONE)).toBeNull();
  });
});

describe('validateParticipation', () => {
  it('refuses unknown types and malformed region codes field by field, in both languages', () => {
    expect(validateParticipation({ types: ['pemerintah_provinsi'], regions: ['36'] })).toEqual({});
    const problems = validateParticipation({ types: [], regions: ['Banten'] });
    expect(Object.keys(problems)).toEqual(['types', 'regions.0']);
    expect(problems.types.code).toBe('participants_no_type');
    expect(problems['regions.0']).toEqual({
      code: 'invalid_region_code',
      message: {
        id: 'Kode wilayah "Banten" tidak valid (contoh: 36 untuk provinsi, 36.03 untuk kabupaten/kota).',
        en: 'Region code "Banten" is not valid (for example 36 for a province, 36.03 for a regency/city).',
      },
    });
  });
});

describe('participationText', () => {
  const names = { '36': 'Banten', '64': 'Kalimantan Timur', '36.03': 'Kabupaten Tangerang' };
  it.each([
    [
      'everyone',
      EVERYONE,
      'Peserta: semua instansi (kementerian, lembaga, pemerintah daerah, BUMN, dan BUMD)',
      'Participants: every institution (ministries, agencies, regional governments, BUMN and BUMD)',
    ],
    [
      'a province and its regencies/cities',
      BANTEN,
      'Peserta: Pemerintah Provinsi Banten dan kabupaten/kota di Banten',
      'Participants: the Provincial Government of Banten and the regencies/cities in Banten',
    ],
    [
      'two provinces',
      { ...BANTEN, regions: ['36', '64'] },
      'Peserta: Pemerintah Provinsi Banten, Kalimantan Timur dan kabupaten/kota di Banten, Kalimantan Timur',
      'Participants: the Provincial Government of Banten, Kalimantan Timur and the regencies/cities in Banten, Kalimantan Timur',
    ],
    [
      'types only',
      { types: ['kementerian', 'lembaga'], regions: [] },
      'Peserta: Kementerian, Lembaga',
      'Participants: Kementerian, Lembaga',
    ],
    [
      'regions only',
      { types: null, regions: ['36.03'] },
      'Peserta: instansi di Kabupaten Tangerang',
      'Participants: institutions in Kabupaten Tangerang',
    ],
    [
      'types in a region (unknown name shown by its code)',
      { types: ['pemerintah_kabupaten', 'bumd'], regions: ['99'] },
      'Peserta: Pemerintah Kabupaten, BUMD di wilayah 99',
      'Participants: Pemerintah Kabupaten, BUMD in region 99',
    ],
  ] as const)('%s', (_n, rule, id, en) => {
    expect(participationText(rule as ParticipationRule, names)).toEqual({ id, en });
  });
});
