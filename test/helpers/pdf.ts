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

/**
 * The bytes of every stream of a PDF with its dictionary, inflated when compressed. A stream is read by its
 * /Length, not up to "endstream": a compressed stream whose last byte is 0x0D (1 in 256, its checksum's) would
 * lose it to a "\r?\nendstream" end, fail to inflate and vanish (a test that read a PDF's text failed so).
 */
export function pdfStreams(pdf: Buffer): { dict: string; body: Buffer }[] {
  const raw = pdf.toString('latin1');
  const streams: { dict: string; body: Buffer }[] = [];
  const head = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let m = head.exec(raw); m; m = head.exec(raw)) {
    const dict = m[1]!;
    const start = head.lastIndex;
    // A direct length (an indirect one, "/Length 12 0 R", is not followed by a key or the dictionary's end).
    const direct = /\/Length (\d+)(?=\s*[/>]|\s*$)/.exec(dict);
    let end = direct ? start + Number(direct[1]) : raw.indexOf('endstream', start);
    if (end < start) break;
    if (!direct)
      end = raw.slice(start, end).endsWith('\r\n') ? end - 2 : raw[end - 1] === '\n' ? end - 1 : end;
    head.lastIndex = end;
    let body = Buffer.from(raw.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) {
      try {
        body = zlib.inflateSync(body);
      } catch {
        continue;
      }
    }
    streams.push({ dict, body });
  }
  return streams;
}

/** The text drawn on the pages, one line per text operator, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const { body } of pdfStreams(pdf)) {
    const content = body.toString('latin1');
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const pieces =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]) : [op[2]];
      lines.push(pieces.map(hexText).join(''));
    }
  }
  return lines.join('\n');
}
