import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportPool, XLSX_AHEAD } from '../src/modules/exports/pool.js';

/*
 * The export pool reads a spreadsheet's rows as its thread takes them: an export queued behind another
 * (one thread) reads only XLSX_AHEAD batches until the thread is free, then the rest, and the file holds
 * every row in order. Before, every admitted export read all its rows at once on the event loop.
 */

const bytesOf = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const p of r) parts.push(p as Buffer);
  return Buffer.concat(parts);
};

describe('export pool: spreadsheet rows read at the pace they are written', () => {
  const pool = new ExportPool({ threads: 1, queue: 4, perUser: 4 });
  afterAll(() => pool.close());

  it('reads a queued spreadsheet only as far as XLSX_AHEAD batches until its thread starts on it', async () => {
    // The first export holds the only thread: after one batch it waits until `release`.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    async function* first() {
      yield [['pertama', 1]];
      await held;
    }
    const a = bytesOf(pool.xlsx(1, first(), 'id', 'A'));

    let pulled = 0;
    async function* second() {
      for (let i = 0; i < 40; i++) {
        pulled++;
        yield [[`baris ${i}`, i]];
      }
    }
    const b = bytesOf(pool.xlsx(2, second(), 'id', 'B'));
    await sleep(400);
    expect(pulled).toBe(XLSX_AHEAD);

    release();
    await a;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await b) as unknown as ArrayBuffer);
    expect(pulled).toBe(40);
    const sheet = wb.worksheets[0];
    // The header row, then the 40 rows in order.
    expect(sheet.rowCount).toBe(41);
    expect(sheet.getRow(2).getCell(1).value).toBe('baris 0');
    expect(sheet.getRow(41).getCell(1).value).toBe('baris 39');
  });
});
