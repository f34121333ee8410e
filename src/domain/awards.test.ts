import { describe, expect, it } from 'vitest';
import {
  awardIdentityKey,
  institutionNameCandidates,
  matchInstitution,
  parseAwardCsv,
  parseAwardLevel,
  validateAwardRows,
} from './awards.js';

describe('award levels', () => {
  it('reads a level code in any case, with spaces or dashes', () => {
    expect(parseAwardLevel('top45')).toBe('TOP45');
    expect(parseAwardLevel(' Top 5 Replikasi ')).toBe('TOP5_REPLIKASI');
    expect(parseAwardLevel('Top-99')).toBe('TOP99');
    expect(parseAwardLevel('juara 1')).toBe(null);
    expect(parseAwardLevel('TOP100')).toBe(null);
  });

  it('identifies an award by year, level, title regardless of case and institution name', () => {
    expect(
      awardIdentityKey({
        year: 2019,
        level: 'TOP99',
        innovationTitle: ' Rantang  KASIH',
        institutionName: null,
      }),
    ).toBe('2019|TOP99|rantang kasih|');
  });
});

describe('matching a written institution name to the directory', () => {
  it('offers the whole name, the parts around a parenthesis, and "Pemerintah" before a region', () => {
    expect(institutionNameCandidates('Kota Koiokerto [sic; article lists Pemkot Mojokerto]')).toEqual([
      'kota koiokerto',
      'pemerintah kota koiokerto',
    ]);
    expect(
      institutionNameCandidates('RSUD Prof Dr Margono Soekarjo Purwokerto (Pemerintah Provinsi Jawa Tengah)'),
    ).toEqual([
      'rsud prof dr margono soekarjo purwokerto (pemerintah provinsi jawa tengah)',
      'rsud prof dr margono soekarjo purwokerto',
      'pemerintah provinsi jawa tengah',
    ]);
    expect(institutionNameCandidates('')).toEqual([]);
  });

  const directory = [
    { id: 1, name: 'Pemerintah Kota Cimahi', shortName: 'Pemkot Cimahi' },
    { id: 2, name: 'Kementerian Dalam Negeri', shortName: 'Kemendagri' },
    { id: 3, name: 'Pemerintah Provinsi Jawa Tengah', shortName: 'Pemprov Jawa Tengah' },
    { id: 4, name: 'Pemerintah Kabupaten Banyuwangi', shortName: 'Pemkab Banyuwangi' },
  ];

  it('links a name that clearly designates one institution', () => {
    expect(matchInstitution('Kota Cimahi', directory)).toBe(1);
    expect(matchInstitution('pemkot  cimahi', directory)).toBe(1);
    expect(
      matchInstitution('Kementerian Dalam Negeri (Ditjen Kependudukan dan Pencatatan Sipil)', directory),
    ).toBe(2);
    expect(
      matchInstitution('Dinas Koperasi dan UMKM Jawa Tengah (Pemerintah Provinsi Jawa Tengah)', directory),
    ).toBe(3);
  });

  it('leaves a bare place name, an unknown name or an ambiguous one unlinked', () => {
    expect(matchInstitution('Banyuwangi', directory)).toBe(null);
    expect(matchInstitution('Jabar', directory)).toBe(null);
    expect(matchInstitution('Kementerian Dalam Negeri (Pemerintah Provinsi Jawa Tengah)', directory)).toBe(
      null,
    );
    expect(matchInstitution(null, directory)).toBe(null);
  });
});

describe('award CSV', () => {
  const header = 'year,level,innovation,institution,source';

  it('reads the published format, quoted fields included', () => {
    const parsed = parseAwardCsv(
      `\uFEFF${header}\r\n2019,TOP99,"Sidalimu Daliya, Sistem Kendali Mutu",Kabupaten Bogor,https://example.go.id/a\r\n\r\n`,
    );
    expect(parsed).toEqual({
      ok: true,
      records: [
        {
          row: 2,
          values: {
            year: '2019',
            level: 'TOP99',
            innovation: 'Sidalimu Daliya, Sistem Kendali Mutu',
            institution: 'Kabupaten Bogor',
            source: 'https://example.go.id/a',
            notes: '',
          },
          extraCells: 0,
        },
      ],
    });
  });

  it('refuses a file without the required columns or with unknown ones', () => {
    expect(parseAwardCsv('tahun,level,innovation\n2019,TOP99,X')).toMatchObject({
      ok: false,
      code: 'csv_unknown_column',
    });
    expect(parseAwardCsv('level,innovation\nTOP99,X')).toMatchObject({
      ok: false,
      code: 'csv_missing_column',
    });
    expect(parseAwardCsv(' \n')).toMatchObject({ ok: false, code: 'csv_empty' });
    expect(parseAwardCsv(`${header}\n`)).toMatchObject({ ok: false, code: 'csv_no_rows' });
  });

  it('reports every bad row with its number, field and code', () => {
    const parsed = parseAwardCsv(
      [
        header,
        '2019,TOP99,Rantang Kasih,Banyuwangi,http://jatim.tribunnews.com/x',
        '19,TOP99,A,B,',
        '2019,TOP100,A,B,',
        '2019,TOP45,,B,ftp://x',
        '2019,TOP99,Rantang  kasih,Banyuwangi,',
      ].join('\n'),
    );
    if (!parsed.ok) throw new Error('unreadable');
    const { rows, repeated, problems } = validateAwardRows(parsed.records);
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'year', 'invalid_year'],
      [4, 'level', 'unknown_level'],
      [5, 'innovation', 'required'],
      [5, 'source', 'invalid_url'],
    ]);
    expect(problems[1].message).toEqual({
      id: 'Tingkat "TOP100" tidak dikenal. Pilih salah satu: TOP9, TOP25, TOP35, TOP40, TOP45, TOP99, OPSI, TOP5_REPLIKASI, KHUSUS, OAPSI.',
      en: 'Unknown level "TOP100". Use one of: TOP9, TOP25, TOP35, TOP40, TOP45, TOP99, OPSI, TOP5_REPLIKASI, KHUSUS, OAPSI.',
    });
    expect(rows).toEqual([
      {
        row: 2,
        year: 2019,
        level: 'TOP99',
        innovationTitle: 'Rantang Kasih',
        institutionName: 'Banyuwangi',
        sourceUrl: 'http://jatim.tribunnews.com/x',
        notes: null,
      },
    ]);
    expect(repeated).toBe(1);
  });
});
