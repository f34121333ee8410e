import Papa from 'papaparse';
import { t, type Text } from './errors.js';

/** One data row of an import file; `row` is its number as a spreadsheet shows it (the header is row 1). */
export interface CsvTableRecord<C extends string> {
  row: number;
  values: Record<C, string>;
  /** Cells beyond the header's columns that hold something. */
  extraCells: number;
}

export type CsvTableResult<C extends string> =
  { ok: true; records: CsvTableRecord<C>[] } | { ok: false; code: string; message: Text };

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * Reads an import file as a table with a header row: UTF-8 with or without BOM, comma- or
 * semicolon-separated (the header row decides: Excel writes ';' where the decimal mark is a comma, as in
 * Indonesia, and papaparse's own guess fails on small files). Refuses, with a stable code and a message
 * in id and en, a file it cannot read as a whole: empty, an unclosed quote, an unknown, missing or
 * repeated column, no data row, more than `maxRows` rows. Blank rows are skipped; cells are trimmed.
 */
export function parseCsvTable<C extends string>(
  text: string,
  spec: {
    /** Every column the file may have. */
    columns: readonly C[];
    required: readonly C[];
    maxRows: number;
    /** How the messages list the columns ("type, name, …"). */
    columnList: string;
    /** Added after the list where an unknown column is named (an optional column not listed). */
    unknownHint?: Text;
    normalizeHeader: (h: string) => string;
  },
): CsvTableResult<C> {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim())
    return { ok: false, code: 'csv_empty', message: t('Berkas kosong.', 'The file is empty.') };
  const headerLine = clean.split(/\r?\n/, 1)[0];
  const delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken)
    return {
      ok: false,
      code: 'csv_invalid',
      message: t(
        `Berkas CSV tidak dapat dibaca: tanda kutip tidak tertutup (baris ${(broken.row ?? 0) + 1}).`,
        `The CSV file cannot be read: an unclosed quote (row ${(broken.row ?? 0) + 1}).`,
      ),
    };
  const list = spec.columnList;
  const header = (parsed.data[0] ?? []).map((h) => spec.normalizeHeader(String(h ?? '')));
  const unknown = header.filter((h) => h && !(spec.columns as readonly string[]).includes(h));
  if (unknown.length)
    return {
      ok: false,
      code: 'csv_unknown_column',
      message: t(
        `Kolom tidak dikenal: ${unknown.join(', ')}. Kolom yang dipakai: ${list}${spec.unknownHint?.id ?? ''}.`,
        `Unknown column: ${unknown.join(', ')}. The columns are: ${list}${spec.unknownHint?.en ?? ''}.`,
      ),
    };
  const missing = spec.required.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      ok: false,
      code: 'csv_missing_column',
      message: t(
        `Baris pertama harus memuat judul kolom; kolom wajib tidak ada: ${missing.join(', ')}. Kolom yang dipakai: ${list}.`,
        `The first row must hold the column titles; required column missing: ${missing.join(', ')}. The columns are: ${list}.`,
      ),
    };
  const repeated = header.find((h, i) => h && header.indexOf(h) !== i);
  if (repeated)
    return {
      ok: false,
      code: 'csv_duplicate_column',
      message: t(`Kolom ${repeated} muncul dua kali.`, `The column ${repeated} appears twice.`),
    };

  const records: CsvTableRecord<C>[] = [];
  for (let i = 1; i < parsed.data.length; i++) {
    const cells = (parsed.data[i] ?? []).map((c) => String(c ?? ''));
    if (cells.every((c) => c.trim() === '')) continue;
    const values = Object.fromEntries(spec.columns.map((c) => [c, ''])) as Record<C, string>;
    header.forEach((h, j) => {
      if (h) values[h as C] = (cells[j] ?? '').trim();
    });
    const extraCells = cells.slice(header.length).filter((c) => c.trim() !== '').length;
    records.push({ row: i + 1, values, extraCells });
  }
  if (records.length === 0)
    return {
      ok: false,
      code: 'csv_no_rows',
      message: t('Berkas tidak memuat satu baris data pun.', 'The file has no data rows.'),
    };
  if (records.length > spec.maxRows)
    return {
      ok: false,
      code: 'too_many_rows',
      message: t(
        `Maksimal ${spec.maxRows} baris per berkas; berkas ini memuat ${records.length}. Bagi menjadi beberapa berkas.`,
        `At most ${spec.maxRows} rows per file; this one has ${records.length}. Split it into several files.`,
      ),
    };
  return { ok: true, records };
}
