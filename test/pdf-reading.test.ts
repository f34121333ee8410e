import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfStreams, pdfText } from './helpers/pdf.js';

/** A PDF stream object as pdfkit writes it: its dictionary with a direct /Length, "stream\n", bytes, "\nendstream". */
const streamObject = (data: Buffer) =>
  Buffer.concat([
    Buffer.from(`1 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);

describe("the tests' PDF reading (test/helpers/pdf.ts)", () => {
  it('reads a compressed stream whose last byte is 0x0D (1 in 256: it was cut, and its text lost)', () => {
    let checked = 0;
    for (let i = 0; checked < 5 && i < 20_000; i++) {
      const data = zlib.deflateSync(
        Buffer.from(`BT <48656c6c6f> Tj ET % ${i} ${'x'.repeat(i % 97)}`, 'latin1'),
      );
      if (data[data.length - 1] !== 0x0d) continue;
      expect(pdfText(streamObject(data))).toBe('Hello');
      checked++;
    }
    expect(checked).toBe(5);
  });

  it('reads two streams one after the other, each by its length', () => {
    const a = zlib.deflateSync(Buffer.from('BT <41> Tj ET', 'latin1'));
    const b = zlib.deflateSync(Buffer.from('BT [<42> 10 <43>] TJ ET', 'latin1'));
    const pdf = Buffer.concat([streamObject(a), streamObject(b)]);
    expect(pdfStreams(pdf)).toHaveLength(2);
    expect(pdfText(pdf)).toBe('A\nBC');
  });
});
