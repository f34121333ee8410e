import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { INSTITUTION_TYPE_LABELS } from '../../contracts/institutions.js';
import { provinceLabel } from '../../domain/dashboard.js';
import type { Text } from '../../domain/errors.js';
import { STATE_LABELS } from '../../domain/proposal-workflow.js';
import { formatSortable } from '../../domain/time.js';
import type { ProposalListRow } from '../proposals/list.js';

type Lang = 'id' | 'en';

/** The columns of the organizer's export, in order, with their headers and widths (in characters). */
export const EXPORT_COLUMNS: { key: string; header: Text; width: number }[] = [
  { key: 'code', header: { id: 'Kode', en: 'Code' }, width: 18 },
  { key: 'title', header: { id: 'Judul', en: 'Title' }, width: 48 },
  { key: 'acronym', header: { id: 'Akronim', en: 'Acronym' }, width: 14 },
  { key: 'group', header: { id: 'Kelompok', en: 'Group' }, width: 14 },
  { key: 'category', header: { id: 'Kategori', en: 'Category' }, width: 32 },
  { key: 'institution', header: { id: 'Instansi', en: 'Institution' }, width: 40 },
  { key: 'institutionType', header: { id: 'Jenis instansi', en: 'Institution type' }, width: 22 },
  { key: 'province', header: { id: 'Provinsi', en: 'Province' }, width: 24 },
  { key: 'unit', header: { id: 'Unit', en: 'Unit' }, width: 32 },
  { key: 'state', header: { id: 'Status', en: 'State' }, width: 26 },
  { key: 'sentAt', header: { id: 'Dikirim ke Admin Lokal', en: 'Sent to the local admin' }, width: 22 },
  {
    key: 'forwardedAt',
    header: { id: 'Diteruskan ke penyelenggara', en: 'Forwarded to the organizer' },
    width: 22,
  },
  { key: 'receivedAt', header: { id: 'Diterima', en: 'Received' }, width: 22 },
  { key: 'attachments', header: { id: 'Jumlah lampiran', en: 'Attachments' }, width: 12 },
];

/** One exported row: labels in the reader's language, instants on the competition's wall clock with zone. */
export function exportRecord(
  r: ProposalListRow,
  lang: Lang,
  provincePlace: (code: string) => string | undefined,
): (string | number)[] {
  const at = (iso: string | null) => (iso ? formatSortable(iso, r.competition_time_zone) : '');
  const pick = (idText: string | null, enText: string | null) => (lang === 'id' ? idText : enText) ?? '';
  return [
    r.code,
    r.title,
    r.acronym ?? '',
    pick(r.group_name_id, r.group_name_en),
    pick(r.category_name_id, r.category_name_en),
    r.institution_name,
    INSTITUTION_TYPE_LABELS[r.institution_type][lang],
    provinceLabel(r.province_code, provincePlace)[lang],
    r.unit_name,
    STATE_LABELS[r.state][lang],
    at(r.sent_at),
    at(r.forwarded_at),
    at(r.received_at),
    r.attachment_count,
  ];
}

/**
 * CSV for Excel: UTF-8 with a BOM (names with diacritics), CRLF, fields quoted where needed, and cells
 * starting with = + - @ escaped so that a spreadsheet never runs a formula someone typed into a title.
 */
export function csvStream(batches: AsyncIterable<(string | number)[][]>, lang: Lang): Readable {
  async function* lines() {
    yield '\uFEFF' + Papa.unparse([EXPORT_COLUMNS.map((c) => c.header[lang])], { newline: '\r\n' }) + '\r\n';
    for await (const rows of batches)
      if (rows.length) yield Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true }) + '\r\n';
  }
  return Readable.from(lines());
}

/** XLSX written as it goes (exceljs' streaming writer): a bold, frozen header row with a filter, set widths. */
export function xlsxStream(
  batches: AsyncIterable<(string | number)[][]>,
  lang: Lang,
  sheetName: string,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Sinovik';
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header[lang], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  void (async () => {
    for await (const rows of batches) for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
