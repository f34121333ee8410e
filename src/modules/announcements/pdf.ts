import PDFDocument from 'pdfkit';
import type { AnnouncementRow } from '../../db/schema.js';
import { formatInstant } from '../../domain/time.js';
import { toWinAnsi } from '../../domain/winansi.js';
import type { AnnouncementEntry } from '../../contracts/announcements.js';

/*
 * The announcement letter as a PDF (A4): the organizer, the letter number, the date with hour and zone,
 * the title and text in Bahasa Indonesia then English, and the numbered list (code, title, institution,
 * group), numbered pages. Standard Helvetica only: every string goes through toWinAnsi.
 */

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';

/** What the letter is made of: plain data, handed to a thread of the export pool. */
export interface AnnouncementPdfInput {
  announcement: AnnouncementRow;
  entries: AnnouncementEntry[];
  competition: { name: string; timeZone: string };
  organizer: string;
}

/** The heading of the letter's list, by the announcement's kind (ID / EN). */
export function listHeading(kind: string, count: number): string {
  if (kind === 'finalists_provisional') return `Daftar finalis sementara (${count}) / Provisional finalists`;
  if (kind === 'final_results') return `Hasil per kelompok (${count}) / Results by group`;
  if (kind === 'finalists_final') return `Daftar finalis (${count}) / Finalists`;
  if (kind === 'administrative_results')
    return `Daftar proposal yang lolos (${count}) / Proposals that passed`;
  return `Daftar proposal (${count}) / Proposals`;
}

export async function renderAnnouncementPdf(input: AnnouncementPdfInput): Promise<Buffer> {
  const a = input.announcement;
  const tz = input.competition.timeZone;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: 'id-ID',
    info: {
      Title: `${a.letter_number} ${a.title_id}`,
      Subject: input.competition.name,
      Creator: 'Sinovik',
      Producer: 'Sinovik',
      CreationDate: new Date(a.published_at),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const w = (s: string | null | undefined) => toWinAnsi(s ?? '');

  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor(INK)
    .text(w(input.organizer.toUpperCase()), { width, align: 'center' });
  doc.moveDown(0.2);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1)
    .strokeColor(INK)
    .stroke();
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(14).text(w(a.title_id), { width, align: 'center' });
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(w(a.title_en), { width, align: 'center' });
  doc.moveDown(0.4);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(INK)
    .text(w(`Nomor / Number: ${a.letter_number}`), { width, align: 'center' });
  doc.text(
    w(
      `Tanggal / Date: ${formatInstant(a.published_at, tz, 'id')} / ${formatInstant(a.published_at, tz, 'en')}`,
    ),
    { width, align: 'center' },
  );
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(w(a.body_id), { width, align: 'justify' });
  doc.moveDown(0.5);
  doc
    .font('Helvetica-Oblique')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(w(a.body_en), { width, align: 'justify' });
  doc.moveDown(1);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor(INK)
    .text(w(listHeading(a.kind, input.entries.length)), { width });
  doc.moveDown(0.3);

  const cols = [28, 92, width - 28 - 92 - 150, 150];
  const header = ['No.', 'Kode / ID', 'Judul inovasi / Title', 'Instansi / Institution'];
  const drawRow = (cells: string[], bold: boolean) => {
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8.5)
      .fillColor(INK);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(w(c), { width: cols[i]! - 6 })));
    if (doc.y + h + 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(w(c), x, y, { width: cols[i]! - 6 });
      x += cols[i]!;
    });
    doc.y = y + h + 3;
    doc
      .moveTo(left, doc.y - 1.5)
      .lineTo(left + width, doc.y - 1.5)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    doc.x = left;
  };
  drawRow(header, true);
  input.entries.forEach((e, i) =>
    drawRow(
      [String(i + 1), e.code, e.award ? `${e.title}\n${e.award.id} / ${e.award.en}` : e.title, e.institution],
      false,
    ),
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(w(`${a.letter_number} · ${input.competition.name}`), left, y, {
        width: width - 130,
        lineBreak: false,
      });
    doc.text(
      `Halaman ${i + 1} dari ${range.count} / Page ${i + 1} of ${range.count}`,
      left + width - 130,
      y,
      {
        width: 130,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
