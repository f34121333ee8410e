import { describe, expect, it } from 'vitest';
import {
  importLevels,
  parseInstitutionCsv,
  parseInstitutionType,
  provinceInstitution,
  regencyInstitution,
  regionalInstitutions,
  titleCaseRegion,
  validateInstitutionRows,
  type CsvRecord,
  type ImportContext,
} from './institutions.js';

const emptyCtx: ImportContext = {
  existingNames: new Set(),
  takenRegions: new Set(),
  storedRegionCodes: new Set(),
};

const records = (csv: string): CsvRecord[] => {
  const parsed = parseInstitutionCsv(csv);
  if (!parsed.ok) throw new Error(`${parsed.code}: ${parsed.message.en}`);
  return parsed.records;
};

describe('regional government names', () => {
  it('title-cases area names, keeping "dan" lowercase and DKI uppercase', () => {
    expect(titleCaseRegion('KEPULAUAN BANGKA BELITUNG')).toBe('Kepulauan Bangka Belitung');
    expect(titleCaseRegion('PANGKAJENE DAN KEPULAUAN')).toBe('Pangkajene dan Kepulauan');
    expect(titleCaseRegion('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(titleCaseRegion('PANGKAL PINANG')).toBe('Pangkal Pinang');
  });

  it('spells out the abbreviations KAB., KEP. and ADM.', () => {
    expect(titleCaseRegion('KEP. SERIBU')).toBe('Kepulauan Seribu');
    expect(
      regencyInstitution({ code: '31.01', name: 'KAB. ADM. KEP. SERIBU', provinceCode: '31' }).name,
    ).toBe('Pemerintah Kabupaten Administrasi Kepulauan Seribu');
  });

  it('names provinces as people write them, the special region of Yogyakarta included', () => {
    expect(provinceInstitution({ code: '64', name: 'KALIMANTAN TIMUR' })).toEqual({
      type: 'pemerintah_provinsi',
      name: 'Pemerintah Provinsi Kalimantan Timur',
      shortName: 'Pemprov Kalimantan Timur',
      regionCode: '64',
      parentRegionCode: null,
    });
    expect(provinceInstitution({ code: '31', name: 'DKI JAKARTA' }).name).toBe(
      'Pemerintah Provinsi DKI Jakarta',
    );
    expect(provinceInstitution({ code: '34', name: 'DAERAH ISTIMEWA YOGYAKARTA' }).name).toBe(
      'Pemerintah Daerah Istimewa Yogyakarta',
    );
    expect(provinceInstitution({ code: '34', name: 'DI YOGYAKARTA' }).name).toBe(
      'Pemerintah Daerah Istimewa Yogyakarta',
    );
  });

  it('names regencies and cities with their type and parent province', () => {
    expect(regencyInstitution({ code: '36.03', name: 'KABUPATEN TANGERANG', provinceCode: '36' })).toEqual({
      type: 'pemerintah_kabupaten',
      name: 'Pemerintah Kabupaten Tangerang',
      shortName: 'Pemkab Tangerang',
      regionCode: '36.03',
      parentRegionCode: '36',
    });
    expect(regencyInstitution({ code: '35.78', name: 'KOTA SURABAYA', provinceCode: '35' })).toMatchObject({
      type: 'pemerintah_kota',
      name: 'Pemerintah Kota Surabaya',
    });
  });

  it('uses the official spelling where the data splits a name', () => {
    expect(regencyInstitution({ code: '74.72', name: 'KOTA BAU BAU', provinceCode: '74' }).name).toBe(
      'Pemerintah Kota Baubau',
    );
    expect(
      regencyInstitution({ code: '72.09', name: 'KABUPATEN TOJO UNA UNA', provinceCode: '72' }).name,
    ).toBe('Pemerintah Kabupaten Tojo Una-Una');
  });

  it('adds the province in parentheses only to names that would otherwise repeat', () => {
    const all = regionalInstitutions(
      [
        { code: '32', name: 'JAWA BARAT' },
        { code: '35', name: 'JAWA TIMUR' },
      ],
      [
        { code: '32.01', name: 'KABUPATEN BOGOR', provinceCode: '32' },
        { code: '32.90', name: 'KABUPATEN SAMA', provinceCode: '32' },
        { code: '35.90', name: 'KABUPATEN SAMA', provinceCode: '35' },
      ],
    );
    expect(all.map((i) => i.name)).toEqual([
      'Pemerintah Provinsi Jawa Barat',
      'Pemerintah Provinsi Jawa Timur',
      'Pemerintah Kabupaten Bogor',
      'Pemerintah Kabupaten Sama (Jawa Barat)',
      'Pemerintah Kabupaten Sama (Jawa Timur)',
    ]);
  });
});

describe('institution types', () => {
  it('accepts the key or the label in any case', () => {
    expect(parseInstitutionType('pemerintah_kota')).toBe('pemerintah_kota');
    expect(parseInstitutionType('Pemerintah Kabupaten')).toBe('pemerintah_kabupaten');
    expect(parseInstitutionType(' bumn ')).toBe('bumn');
    expect(parseInstitutionType('dinas')).toBeNull();
  });
});

describe('parseInstitutionCsv', () => {
  it('reads comma- and semicolon-separated files with a BOM, numbering rows as a spreadsheet does', () => {
    const comma = records('\uFEFFtype,name,short_name\nlembaga,Badan Uji,BU\n\nbumn,PT Uji,\n');
    expect(comma.map((r) => [r.row, r.values.type, r.values.name, r.values.short_name])).toEqual([
      [2, 'lembaga', 'Badan Uji', 'BU'],
      [4, 'bumn', 'PT Uji', ''],
    ]);
    const semi = records('type;name;region_code\npemerintah_kota;"Pemerintah Kota A; B";99.71\n');
    expect(semi[0].values).toMatchObject({ name: 'Pemerintah Kota A; B', region_code: '99.71' });
    expect(records('type;name\nlembaga;Badan Kecil\n')[0].values).toMatchObject({
      type: 'lembaga',
      name: 'Badan Kecil',
    });
  });

  it('refuses an empty file, a missing required column and an unknown column', () => {
    expect(parseInstitutionCsv('')).toMatchObject({ ok: false, code: 'csv_empty' });
    expect(parseInstitutionCsv('type,short_name\nlembaga,X\n')).toMatchObject({
      ok: false,
      code: 'csv_missing_column',
    });
    expect(parseInstitutionCsv('type,name,kota\nlembaga,X,Y\n')).toMatchObject({
      ok: false,
      code: 'csv_unknown_column',
    });
    expect(parseInstitutionCsv('type,name\n\n')).toMatchObject({ ok: false, code: 'csv_no_rows' });
  });

  it('refuses more than 5,000 rows', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `lembaga,Badan ${i}`).join('\n');
    expect(parseInstitutionCsv(`type,name\n${rows}\n`)).toMatchObject({ ok: false, code: 'too_many_rows' });
  });
});

describe('validateInstitutionRows', () => {
  it('reports every bad row with its row number, field and code', () => {
    const csv = [
      'type,name,short_name,region_code,parent_region_code',
      'dinas,Badan A,,,', // 2: unknown type
      'lembaga,,,,', // 3: empty name
      'lembaga,Badan B,,,', // 4: ok
      'lembaga,badan  b,,,', // 5: duplicate of row 4
      'lembaga,Sudah Ada,,,', // 6: stored
      'pemerintah_kota,Pemerintah Kota C,,99.71,99', // 7: code taken
      'pemerintah_kota,Pemerintah Kota D,,9x,', // 8: bad code
      'bumd,PD E,,,98', // 9: unknown parent
    ].join('\n');
    const { rows, problems } = validateInstitutionRows(records(csv), {
      existingNames: new Set(['sudah ada']),
      takenRegions: new Set(['pemerintah_kota|99.71']),
      storedRegionCodes: new Set(['99']),
    });
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'type', 'unknown_type'],
      [3, 'name', 'required'],
      [5, 'name', 'duplicate_in_file'],
      [6, 'name', 'institution_name_taken'],
      [7, 'region_code', 'region_code_taken'],
      [8, 'region_code', 'invalid_region_code'],
      [9, 'parent_region_code', 'unknown_parent'],
    ]);
    expect(problems[2].message).toEqual({
      id: 'Nama ini sudah ada di baris 4.',
      en: 'This name already appears in row 4.',
    });
    expect(rows.map((r) => r.row)).toEqual([4]);
  });

  it('accepts a parent defined in the same file and inserts it first', () => {
    const csv = [
      'type,name,region_code,parent_region_code',
      'pemerintah_kota,Pemerintah Kota Baru,97.71,97',
      'pemerintah_provinsi,Pemerintah Provinsi Baru,97,',
      'bumd,Perumda Baru,,97.71',
    ].join('\n');
    const { rows, problems } = validateInstitutionRows(records(csv), emptyCtx);
    expect(problems).toEqual([]);
    const levels = importLevels(rows, emptyCtx.storedRegionCodes);
    expect(levels.map((l) => l.map((s) => s.row.name))).toEqual([
      ['Pemerintah Provinsi Baru'],
      ['Pemerintah Kota Baru'],
      ['Perumda Baru'],
    ]);
    expect(levels[1][0].parentInFile?.name).toBe('Pemerintah Provinsi Baru');
  });

  it('refuses parents that form a cycle inside the file', () => {
    const csv = ['type,name,region_code,parent_region_code', 'lembaga,A,01,02', 'bumn,B,02,01'].join('\n');
    const { problems } = validateInstitutionRows(records(csv), emptyCtx);
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'parent_cycle'],
      [3, 'parent_cycle'],
    ]);
  });
});
