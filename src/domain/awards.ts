import {
  AWARD_IMPORT_COLUMNS,
  AWARD_IMPORT_MAX_ROWS,
  AWARD_INSTITUTION_MAX,
  AWARD_LEVELS,
  AWARD_TITLE_MAX,
  AWARD_URL_MAX,
  AWARD_YEAR_MAX,
  AWARD_YEAR_MIN,
  type AwardLevel,
} from '../contracts/awards.js';
import { parseCsvTable, type CsvTableRecord, type CsvTableResult } from './csv-table.js';
import { t, type Text } from './errors.js';

/*
 * Pure rules of the award registry: how levels are named, when two rows are the same award, which
 * directory institution a name written by a news page clearly designates, and reading an import file.
 */

/** How people name each level, in both languages. */
export const AWARD_LEVEL_LABELS: Record<AwardLevel, Text> = {
  TOP9: t('Top 9', 'Top 9'),
  TOP25: t('Top 25', 'Top 25'),
  TOP35: t('Top 35', 'Top 35'),
  TOP40: t('Top 40', 'Top 40'),
  TOP45: t('Top 45', 'Top 45'),
  TOP99: t('Top 99', 'Top 99'),
  OPSI: t('OPSI', 'OPSI'),
  TOP5_REPLIKASI: t('Top 5 Replikasi', 'Top 5 Replication'),
  KHUSUS: t('Top Kelompok Khusus', 'Top Special Group'),
  OAPSI: t('OAPSI', 'OAPSI'),
};

/** An award as notices name it: "Sistem Antrean Terpadu (Top 45 2023)". */
export const awardCaption = (
  a: { innovationTitle: string; level: AwardLevel; year: number },
  locale: 'id' | 'en',
) => `${a.innovationTitle} (${AWARD_LEVEL_LABELS[a.level][locale]} ${a.year})`;

/** A text as stored: trimmed, inner runs of white space collapsed. */
export const cleanText = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The level written as its code in any case, spaces or dashes allowed ("top 5 replikasi", "Top-99"). */
export function parseAwardLevel(text: string): AwardLevel | null {
  const token = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^TOP_(?=\d)/, 'TOP');
  return (AWARD_LEVELS as readonly string[]).includes(token) ? (token as AwardLevel) : null;
}

/**
 * The identity of an award row, as the registry's unique index sees it: year, level, title regardless of
 * case, and the institution name exactly as stored (after `cleanText`).
 */
export const awardIdentityKey = (a: {
  year: number;
  level: string;
  innovationTitle: string;
  institutionName: string | null;
}) =>
  `${a.year}|${a.level}|${cleanText(a.innovationTitle).toLowerCase()}|${cleanText(a.institutionName ?? '')}`;

/* ====================================================== matching an institution name */

const REGION_WORD = /^(provinsi|kabupaten|kota)\s/i;

/**
 * The names (lower case) a written institution name may stand for in the directory: the whole name, the
 * part before a parenthesis and the part inside it ("RSUD X (Pemerintah Provinsi Jawa Tengah)"), each also
 * with "Pemerintah " before a region ("Kota Cimahi" → "Pemerintah Kota Cimahi"). Editorial notes in square
 * brackets are ignored. A bare place name ("Banyuwangi") yields nothing beyond itself: it is not clear.
 */
export function institutionNameCandidates(raw: string): string[] {
  const withoutNotes = cleanText(raw.replace(/\[[^\]]*\]/g, ' '));
  if (!withoutNotes) return [];
  const parts = [withoutNotes];
  const paren = /^(.*?)\(([^()]*)\)\s*$/.exec(withoutNotes);
  if (paren) parts.push(paren[1], paren[2]);
  const out = new Set<string>();
  for (const p of parts.map(cleanText).filter(Boolean)) {
    out.add(p.toLowerCase());
    if (REGION_WORD.test(p)) out.add(`pemerintah ${p.toLowerCase()}`);
  }
  return [...out];
}

export interface DirectoryInstitution {
  id: number;
  name: string;
  shortName: string | null;
}

/**
 * The directory institution a written name clearly designates: every candidate name that matches an
 * institution's name or short name (case and spacing ignored) must point to the same one; otherwise null.
 */
export function matchInstitution(
  raw: string | null,
  directory: readonly DirectoryInstitution[],
): number | null {
  if (!raw) return null;
  const candidates = new Set(institutionNameCandidates(raw));
  const ids = new Set<number>();
  for (const i of directory) {
    if (candidates.has(cleanText(i.name).toLowerCase())) ids.add(i.id);
    else if (i.shortName && candidates.has(cleanText(i.shortName).toLowerCase())) ids.add(i.id);
  }
  return ids.size === 1 ? [...ids][0] : null;
}

/* ============================================================ CSV import */

export type AwardImportColumn = (typeof AWARD_IMPORT_COLUMNS)[number] | 'notes';
const ALL_COLUMNS: readonly AwardImportColumn[] = [...AWARD_IMPORT_COLUMNS, 'notes'];
const COLUMN_LIST = AWARD_IMPORT_COLUMNS.join(', ');

export type AwardCsvRecord = CsvTableRecord<AwardImportColumn>;

export interface AwardRowProblem {
  row: number;
  field: string;
  code: string;
  message: Text;
}

export type AwardCsvParseResult = CsvTableResult<AwardImportColumn>;

/**
 * Reads an award file: UTF-8 text (BOM allowed), comma- or semicolon-separated, a header row with the
 * columns year, level, innovation, institution, source (the format of the published list; an optional
 * notes column too). Refuses a file it cannot read as a whole; row checks are `validateAwardRows`.
 */
export function parseAwardCsv(text: string): AwardCsvParseResult {
  return parseCsvTable(text, {
    columns: ALL_COLUMNS,
    required: ['year', 'level', 'innovation'],
    maxRows: AWARD_IMPORT_MAX_ROWS,
    columnList: COLUMN_LIST,
    unknownHint: t(' (dan notes)', ' (and notes)'),
    normalizeHeader: (h) => h.trim().toLowerCase(),
  });
}

export interface ValidAwardRow {
  row: number;
  year: number;
  level: AwardLevel;
  innovationTitle: string;
  /** '' when the file names none. */
  institutionName: string;
  sourceUrl: string | null;
  notes: string | null;
}

/**
 * Checks every row (nothing is imported unless all pass): a whole year in range, a known level, a title,
 * lengths within the limits, a source that is a web address. Rows repeated within the file are returned
 * once and counted in `repeated`.
 */
export function validateAwardRows(records: readonly AwardCsvRecord[]): {
  rows: ValidAwardRow[];
  repeated: number;
  problems: AwardRowProblem[];
} {
  const problems: AwardRowProblem[] = [];
  const rows: ValidAwardRow[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  for (const r of records) {
    const v = r.values;
    let ok = true;
    const fail = (field: string, code: string, message: Text) => {
      ok = false;
      problems.push({ row: r.row, field, code, message });
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
    const year = Number(v.year);
    if (!v.year) fail('year', 'required', t('Tahun wajib diisi.', 'The year is required.'));
    else if (!/^\d{4}$/.test(v.year) || year < AWARD_YEAR_MIN || year > AWARD_YEAR_MAX)
      fail(
        'year',
        'invalid_year',
        t(
          `Tahun "${v.year}" tidak valid: tulis empat angka antara ${AWARD_YEAR_MIN} dan ${AWARD_YEAR_MAX}.`,
          `The year "${v.year}" is not valid: write four digits between ${AWARD_YEAR_MIN} and ${AWARD_YEAR_MAX}.`,
        ),
      );
    const level = parseAwardLevel(v.level);
    if (!v.level) fail('level', 'required', t('Tingkat penghargaan wajib diisi.', 'The level is required.'));
    else if (!level)
      fail(
        'level',
        'unknown_level',
        t(
          `Tingkat "${v.level}" tidak dikenal. Pilih salah satu: ${AWARD_LEVELS.join(', ')}.`,
          `Unknown level "${v.level}". Use one of: ${AWARD_LEVELS.join(', ')}.`,
        ),
      );
    const title = cleanText(v.innovation);
    if (!title)
      fail('innovation', 'required', t('Judul inovasi wajib diisi.', 'The innovation title is required.'));
    else if (title.length > AWARD_TITLE_MAX)
      fail(
        'innovation',
        'too_long',
        t(
          `Judul maksimal ${AWARD_TITLE_MAX} karakter.`,
          `A title has at most ${AWARD_TITLE_MAX} characters.`,
        ),
      );
    const institution = cleanText(v.institution);
    if (institution.length > AWARD_INSTITUTION_MAX)
      fail(
        'institution',
        'too_long',
        t(
          `Nama instansi maksimal ${AWARD_INSTITUTION_MAX} karakter.`,
          `An institution name has at most ${AWARD_INSTITUTION_MAX} characters.`,
        ),
      );
    const source = v.source.trim();
    if (source && (!/^https?:\/\/\S+$/i.test(source) || source.length > AWARD_URL_MAX))
      fail(
        'source',
        'invalid_url',
        t(
          'Sumber harus berupa alamat web (http:// atau https://).',
          'The source must be a web address (http:// or https://).',
        ),
      );
    const notes = cleanText(v.notes);
    if (notes.length > 2000)
      fail('notes', 'too_long', t('Catatan maksimal 2000 karakter.', 'Notes have at most 2000 characters.'));
    if (!ok || !level) continue;
    const valid: ValidAwardRow = {
      row: r.row,
      year,
      level,
      innovationTitle: title,
      institutionName: institution,
      sourceUrl: source || null,
      notes: notes || null,
    };
    const key = awardIdentityKey(valid);
    if (seen.has(key)) {
      repeated++;
      continue;
    }
    seen.add(key);
    rows.push(valid);
  }
  return { rows, repeated, problems };
}
