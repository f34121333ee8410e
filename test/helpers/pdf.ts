import zlib from 'node:zlib';

/*
 * Just enough PDF reading to check what a generated document says: the page count from the page objects,
 * and the text of every content stream (inflated when compressed) from its TJ/Tj operators, decoded as
 * WinAnsi, the encoding of the standard fonts. Not a general PDF parser.
 */

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page(?![s\w])/g) ?? []).length;
}

// Node's TextDecoder reads "windows-1252" as Latin-1, so 0x80–0x9F are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const hexText = (hex: string) =>
  [...Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')]
    .map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)))
    .join('');

/** The text drawn on the pages, one line per text operator, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n([^]*?)\r?\nendstream/g)) {
    const dict = m[1];
    let body = Buffer.from(m[2], 'latin1');
    if (/\/FlateDecode/.test(dict)) {
      try {
        body = zlib.inflateSync(body);
      } catch {
        continue;
      }
    }
    const content = body.toString('latin1');
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const pieces =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]) : [op[2]];
      lines.push(pieces.map(hexText).join(''));
    }
  }
  return lines.join('\n');
}
