import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/*
 * A workbook of several sheets written as it goes (exceljs' streaming writer), for exports whose columns
 * are data (the selection's scores: one column group per rubric criterion). Each sheet: a bold, frozen
 * header row with a filter, set widths. The batches come in sheet order (a streamed sheet is committed
 * before the next starts); strings are written as strings, never as formulas, whatever they begin with.
 */

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
}

export type Cell = string | number;
export interface SheetBatch {
  sheet: number;
  rows: Cell[][];
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not empty. */
export const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';

export function workbookStream(sheets: readonly SheetSpec[], batches: AsyncIterable<SheetBatch>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Sinovik';
  let current = -1;
  let sheet: ExcelJS.Worksheet | null = null;
  const open = (index: number) => {
    sheet?.commit();
    const spec = sheets[index]!;
    sheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: Math.max(1, spec.columns.length) },
    };
    current = index;
  };
  void (async () => {
    for await (const b of batches) {
      if (b.sheet < current || b.sheet >= sheets.length) throw new Error(`sheet ${b.sheet} out of order`);
      while (current < b.sheet) open(current + 1);
      for (const row of b.rows) sheet!.addRow(row).commit();
    }
    while (current < sheets.length - 1) open(current + 1);
    (sheet as ExcelJS.Worksheet | null)?.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
