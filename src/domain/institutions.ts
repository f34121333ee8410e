import {
  INSTITUTION_IMPORT_COLUMNS,
  INSTITUTION_IMPORT_MAX_ROWS,
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  REGION_CODE_PATTERN,
  type InstitutionType,
} from '../contracts/institutions.js';
import { parseCsvTable, type CsvTableRecord, type CsvTableResult } from './csv-table.js';
import { t, type Text } from './errors.js';

// The search words of a typed query ("Kab. Sleman" → kabupaten, sleman): kept in a file of their own.
export { institutionSearchWords } from './institution-search.js';

/* ============================================================ names */

/** Names are unique whatever their case or spacing: "Kota  bogor" is the same institution as "Kota Bogor". */
export const nameKey = (name: string) => cleanName(name).toLowerCase();

/** A name as stored: trimmed, inner runs of white space collapsed. */
export const cleanName = (name: string) => name.trim().replace(/\s+/g, ' ');

/** The type as people read it ("Pemerintah Kabupaten", "BUMN"). */
export const institutionTypeLabel = (type: InstitutionType, locale: 'id' | 'en' = 'id') =>
  INSTITUTION_TYPE_LABELS[type][locale];

const typeToken = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

/** The type written as its key ("pemerintah_kota") or its label ("Pemerintah Kota"), any case; else null. */
export function parseInstitutionType(text: string): InstitutionType | null {
  const token = typeToken(text);
  if (!token) return null;
  for (const type of INSTITUTION_TYPES) {
    if (token === type || token === typeToken(INSTITUTION_TYPE_LABELS[type].id)) return type;
  }
  return null;
}

/* ============================================ regional governments (idn-area-data) */

/** Abbreviations some releases of the area data use, spelled out as people write the names. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bKAB\.\s*/g, 'KABUPATEN '],
  [/\bKEP\.\s*/g, 'KEPULAUAN '],
  [/\bADM\.\s*/g, 'ADMINISTRASI '],
  [/\bPROV\.\s*/g, 'PROVINSI '],
];
const KEEP_UPPER = new Set(['DKI', 'DIY']);
const KEEP_LOWER = new Set(['dan']);

const expandAbbreviations = (raw: string) => {
  let s = raw.toUpperCase().trim();
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return s.replace(/\s+/g, ' ').trim();
};

/** "KEPULAUAN BANGKA BELITUNG" → "Kepulauan Bangka Belitung", "PANGKAJENE DAN KEPULAUAN" → "… dan …". */
export function titleCaseRegion(raw: string): string {
  return expandAbbreviations(raw)
    .split(' ')
    .map((word, i) => {
      if (KEEP_UPPER.has(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && KEEP_LOWER.has(lower)) return lower;
      return lower.replace(/(^|[-'(])(\p{L})/gu, (_m, before: string, c: string) => before + c.toUpperCase());
    })
    .join(' ');
}

/**
 * Official spellings where the area data splits, joins or spells a name differently from the law that
 * formed the region (people search for the official form).
 */
export const REGION_NAME_FIXES: Readonly<Record<string, string>> = {
  '12.77': 'Padangsidimpuan',
  '17.06': 'Mukomuko',
  '62.71': 'Palangka Raya',
  '72.04': 'Tolitoli',
  '72.09': 'Tojo Una-Una',
  '74.72': 'Baubau',
  '92.03': 'Fakfak',
};

export interface AreaProvince {
  code: string;
  name: string;
}
export interface AreaRegency {
  code: string;
  name: string;
  provinceCode: string;
}

export interface RegionalInstitution {
  type: InstitutionType;
  name: string;
  shortName: string;
  regionCode: string;
  parentRegionCode: string | null;
}

/** The province as its name is written on its own ("Kalimantan Timur", "DI Yogyakarta"). */
export function provincePlaceName(p: AreaProvince): string {
  if (REGION_NAME_FIXES[p.code]) return REGION_NAME_FIXES[p.code];
  const di = /^(DI|DAERAH ISTIMEWA) (.+)$/.exec(expandAbbreviations(p.name));
  return di ? `DI ${titleCaseRegion(di[2])}` : titleCaseRegion(p.name);
}

/** "Pemerintah Provinsi Kalimantan Timur"; the special region of Yogyakarta is "Pemerintah Daerah Istimewa Yogyakarta". */
export function provinceInstitution(p: AreaProvince): RegionalInstitution {
  const di = /^(DI|DAERAH ISTIMEWA) (.+)$/.exec(expandAbbreviations(p.name));
  if (di) {
    const rest = titleCaseRegion(di[2]);
    return {
      type: 'pemerintah_provinsi',
      name: `Pemerintah Daerah Istimewa ${rest}`,
      shortName: rest === 'Yogyakarta' ? 'Pemda DIY' : `Pemda DI ${rest}`,
      regionCode: p.code,
      parentRegionCode: null,
    };
  }
  const place = provincePlaceName(p);
  return {
    type: 'pemerintah_provinsi',
    name: `Pemerintah Provinsi ${place}`,
    shortName: `Pemprov ${place}`,
    regionCode: p.code,
    parentRegionCode: null,
  };
}

/** "KABUPATEN TANGERANG" → "Pemerintah Kabupaten Tangerang"; "KOTA SURABAYA" → "Pemerintah Kota Surabaya". */
export function regencyInstitution(r: AreaRegency): RegionalInstitution {
  const m = /^(KABUPATEN|KOTA) (.+)$/.exec(expandAbbreviations(r.name));
  if (!m) throw new Error(`unexpected regency name "${r.name}" (${r.code})`);
  const city = m[1] === 'KOTA';
  const place = REGION_NAME_FIXES[r.code] ?? titleCaseRegion(m[2]);
  return {
    type: city ? 'pemerintah_kota' : 'pemerintah_kabupaten',
    name: `Pemerintah ${city ? 'Kota' : 'Kabupaten'} ${place}`,
    shortName: `${city ? 'Pemkot' : 'Pemkab'} ${place}`,
    regionCode: r.code,
    parentRegionCode: r.provinceCode,
  };
}

/**
 * Every province and regency/city government, named as people write them. Names must be unique: where two
 * regencies share a name, each gets its province in parentheses ("… (Jawa Barat)"); the others stay plain.
 */
export function regionalInstitutions(
  provinces: readonly AreaProvince[],
  regencies: readonly AreaRegency[],
): RegionalInstitution[] {
  const placeOf = new Map(provinces.map((p) => [p.code, provincePlaceName(p)]));
  const all = [...provinces.map(provinceInstitution), ...regencies.map(regencyInstitution)];
  const count = new Map<string, number>();
  for (const i of all) count.set(nameKey(i.name), (count.get(nameKey(i.name)) ?? 0) + 1);
  return all.map((i) => {
    if ((count.get(nameKey(i.name)) ?? 0) < 2 || !i.parentRegionCode) return i;
    const province = placeOf.get(i.parentRegionCode) ?? i.parentRegionCode;
    return { ...i, name: `${i.name} (${province})` };
  });
}

/* ============================================================ CSV import */

export type ImportColumn = (typeof INSTITUTION_IMPORT_COLUMNS)[number];

/** One data row of the file; `row` is its number as a spreadsheet shows it (the header is row 1). */
export type CsvRecord = CsvTableRecord<ImportColumn>;

export interface RowProblem {
  row: number;
  field: string;
  code: string;
  message: Text;
}

export type CsvParseResult = CsvTableResult<ImportColumn>;

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const COLUMN_LIST = INSTITUTION_IMPORT_COLUMNS.join(', ');

/**
 * Reads an import file (UTF-8 text, with or without BOM; comma- or semicolon-separated; header row with
 * the columns type, name, short_name, region_code, parent_region_code — only type and name are required).
 * Refuses a file it cannot read as a whole; row-level checks are `validateInstitutionRows`.
 */
export function parseInstitutionCsv(text: string): CsvParseResult {
  return parseCsvTable(text, {
    columns: INSTITUTION_IMPORT_COLUMNS,
    required: ['type', 'name'],
    maxRows: INSTITUTION_IMPORT_MAX_ROWS,
    columnList: COLUMN_LIST,
    normalizeHeader,
  });
}

/** What is already stored, as the row checks need it. */
export interface ImportContext {
  /** nameKey() of every stored institution. */
  existingNames: ReadonlySet<string>;
  /** regionKey() of every stored institution that has a region code. */
  takenRegions: ReadonlySet<string>;
  /** Region codes of stored institutions (possible parents). */
  storedRegionCodes: ReadonlySet<string>;
}

export const regionKey = (type: string, regionCode: string) => `${type}|${regionCode}`;

export interface ValidImportRow {
  row: number;
  type: InstitutionType;
  name: string;
  shortName: string | null;
  regionCode: string | null;
  parentRegionCode: string | null;
}

const REGIONAL_TYPES: readonly InstitutionType[] = [
  'pemerintah_provinsi',
  'pemerintah_kabupaten',
  'pemerintah_kota',
];

/**
 * Checks every row (nothing is imported unless all pass): a known type, a name that is neither empty nor
 * repeated in the file nor already stored, a well-formed region code free for its type, and a parent
 * region code found among stored institutions or the file's own rows (without cycles).
 */
export function validateInstitutionRows(
  records: readonly CsvRecord[],
  ctx: ImportContext,
): { rows: ValidImportRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const add = (row: number, field: string, code: string, message: Text) =>
    problems.push({ row, field, code, message });
  const firstRowOfName = new Map<string, number>();
  const firstRowOfRegion = new Map<string, number>();
  const rows: ValidImportRow[] = [];

  for (const r of records) {
    const v = r.values;
    let ok = true;
    const fail = (field: string, code: string, message: Text) => {
      ok = false;
      add(r.row, field, code, message);
    };
    if (r.extraCells > 0)
      fail(
        '_',
        'too_many_values',
        t(
          `Baris ini memuat nilai di luar kolom yang ada (${COLUMN_LIST}). Periksa pemisah kolom dan tanda kutip.`,
          `This row has values beyond the columns (${COLUMN_LIST}). Check the separator and the quotes.`,
        ),
      );

    const type = v.type ? parseInstitutionType(v.type) : null;
    if (!v.type) fail('type', 'required', t('Jenis instansi wajib diisi.', 'The type is required.'));
    else if (!type)
      fail(
        'type',
        'unknown_type',
        t(
          `Jenis "${v.type}" tidak dikenal. Pilih salah satu: ${INSTITUTION_TYPES.join(', ')}.`,
          `Unknown type "${v.type}". Use one of: ${INSTITUTION_TYPES.join(', ')}.`,
        ),
      );

    const name = cleanName(v.name);
    if (!name) fail('name', 'required', t('Nama instansi wajib diisi.', 'The name is required.'));
    else if (name.length > 255)
      fail('name', 'too_long', t('Nama maksimal 255 karakter.', 'A name has at most 255 characters.'));
    else {
      const key = nameKey(name);
      const earlier = firstRowOfName.get(key);
      if (earlier !== undefined)
        fail(
          'name',
          'duplicate_in_file',
          t(`Nama ini sudah ada di baris ${earlier}.`, `This name already appears in row ${earlier}.`),
        );
      else {
        firstRowOfName.set(key, r.row);
        if (ctx.existingNames.has(key))
          fail(
            'name',
            'institution_name_taken',
            t('Instansi dengan nama ini sudah terdaftar.', 'An institution with this name already exists.'),
          );
      }
    }

    const shortName = cleanName(v.short_name);
    if (shortName.length > 64)
      fail(
        'short_name',
        'too_long',
        t('Nama singkat maksimal 64 karakter.', 'A short name has at most 64 characters.'),
      );

    const regionCode = v.region_code;
    if (regionCode) {
      if (!REGION_CODE_PATTERN.test(regionCode))
        fail('region_code', 'invalid_region_code', invalidRegionCodeText(regionCode));
      else if (type) {
        const key = regionKey(type, regionCode);
        const earlier = firstRowOfRegion.get(key);
        if (earlier !== undefined)
          fail(
            'region_code',
            'duplicate_in_file',
            t(
              `Kode wilayah ini sudah dipakai di baris ${earlier} untuk jenis yang sama.`,
              `This region code is already used in row ${earlier} for the same type.`,
            ),
          );
        else {
          firstRowOfRegion.set(key, r.row);
          if (ctx.takenRegions.has(key)) fail('region_code', 'region_code_taken', regionCodeTakenText());
        }
      }
    }

    const parentCode = v.parent_region_code;
    if (parentCode) {
      if (!REGION_CODE_PATTERN.test(parentCode))
        fail('parent_region_code', 'invalid_region_code', invalidRegionCodeText(parentCode));
      else if (parentCode === regionCode)
        fail(
          'parent_region_code',
          'parent_is_self',
          t(
            'Instansi tidak dapat menjadi induk dirinya sendiri.',
            'An institution cannot be its own parent.',
          ),
        );
    }

    if (ok && type)
      rows.push({
        row: r.row,
        type,
        name,
        shortName: shortName || null,
        regionCode: regionCode || null,
        parentRegionCode: parentCode || null,
      });
  }

  // Parents: a stored institution, or a row of this file (then inserted first).
  const fileCodes = new Set(
    records.map((r) => r.values.region_code).filter((c) => c && REGION_CODE_PATTERN.test(c)),
  );
  const byCode = fileParentIndex(rows);
  const valid: ValidImportRow[] = [];
  for (const row of rows) {
    const code = row.parentRegionCode;
    if (code && !ctx.storedRegionCodes.has(code)) {
      if (!fileCodes.has(code)) {
        add(
          row.row,
          'parent_region_code',
          'unknown_parent',
          t(
            `Tidak ada instansi dengan kode wilayah ${code}, baik yang terdaftar maupun di berkas ini.`,
            `No institution has the region code ${code}, neither stored nor in this file.`,
          ),
        );
        continue;
      }
      if (inCycle(row, byCode, ctx.storedRegionCodes)) {
        add(
          row.row,
          'parent_region_code',
          'parent_cycle',
          t(
            'Hubungan induk membentuk lingkaran (instansi menjadi induk dari induknya sendiri).',
            'The parent links form a cycle (an institution would be the parent of its own parent).',
          ),
        );
        continue;
      }
    }
    valid.push(row);
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows: valid, problems };
}

/** Rows of the file that can be a parent, by region code (a regional government first). */
function fileParentIndex(rows: readonly ValidImportRow[]): Map<string, ValidImportRow> {
  const byCode = new Map<string, ValidImportRow>();
  for (const row of rows) {
    if (!row.regionCode) continue;
    const current = byCode.get(row.regionCode);
    if (!current || (!REGIONAL_TYPES.includes(current.type) && REGIONAL_TYPES.includes(row.type)))
      byCode.set(row.regionCode, row);
  }
  return byCode;
}

function inCycle(
  start: ValidImportRow,
  byCode: Map<string, ValidImportRow>,
  stored: ReadonlySet<string>,
): boolean {
  const seen = new Set<ValidImportRow>([start]);
  let current: ValidImportRow | undefined = start;
  while (current?.parentRegionCode && !stored.has(current.parentRegionCode)) {
    current = byCode.get(current.parentRegionCode);
    if (!current) return false;
    if (seen.has(current)) return true;
    seen.add(current);
  }
  return false;
}

/** A row to insert and, when its parent is a row of the same file, that row (whose id is known by then). */
export interface ImportStep {
  row: ValidImportRow;
  parentInFile: ValidImportRow | null;
}

/**
 * The order to insert valid rows in: groups where every row's parent is stored or in an earlier group,
 * so each parent id is known when its children are written.
 */
export function importLevels(
  rows: readonly ValidImportRow[],
  storedRegionCodes: ReadonlySet<string>,
): ImportStep[][] {
  const byCode = fileParentIndex(rows);
  const parentOf = (row: ValidImportRow) => {
    const code = row.parentRegionCode;
    const parent = code && !storedRegionCodes.has(code) ? byCode.get(code) : undefined;
    return parent && parent !== row ? parent : null;
  };
  const depth = new Map<ValidImportRow, number>();
  const depthOf = (row: ValidImportRow): number => {
    const known = depth.get(row);
    if (known !== undefined) return known;
    const parent = parentOf(row);
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(row, d);
    return d;
  };
  const levels: ImportStep[][] = [];
  for (const row of rows) (levels[depthOf(row)] ??= []).push({ row, parentInFile: parentOf(row) });
  return levels.filter(Boolean);
}

const invalidRegionCodeText = (code: string) =>
  t(
    `Kode wilayah "${code}" tidak valid; tulis seperti 64 atau 36.03.`,
    `The region code "${code}" is not valid; write it like 64 or 36.03.`,
  );

/** The (type, region code) pair is unique: one government per region. */
export const regionCodeTakenText = () =>
  t(
    'Kode wilayah ini sudah dipakai instansi lain dengan jenis yang sama.',
    'Another institution of the same type already has this region code.',
  );

export const institutionNameTakenText = () =>
  t('Instansi dengan nama ini sudah terdaftar.', 'An institution with this name already exists.');
