import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { toWinAnsi } from '../../domain/winansi.js';

/*
 * The certificate (piagam) as a PDF: A4 landscape, Bahasa Indonesia first with an English line under each
 * part, the organizer, the number, the innovation and its institution, the award, the competition and
 * year, the issue date and the signer, and bottom left the QR code of the verification address with the
 * address printed under it. Made in a thread of the export pool (exports/tasks.ts), never on the event
 * loop. The QR code is drawn as vector squares (sharp at any print size): one square of QR_MODULE points
 * per dark module, from the QR code's own origin.
 */

/** Plain data, handed to a thread of the export pool. */
export interface CertificatePdfInput {
  number: string;
  organizer: string;
  competitionName: string;
  year: number;
  innovationTitle: string;
  institutionName: string;
  unitName: string;
  awardLabelId: string;
  awardLabelEn: string;
  signerName: string;
  signerPosition: string;
  /** The issue date, already written in each language (the competition's zone). */
  issuedOn: { id: string; en: string };
  /** The full verification address (base URL, path and code). */
  verificationUrl: string;
}

/** The side of one QR module, in points. */
export const QR_MODULE = 2.5;
/** The error correction the QR code is made with (M: 15 % of it may be dirty or torn). */
export const QR_OPTIONS = { errorCorrectionLevel: 'M' } as const;

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const GOLD = '#8a6d1f';

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const w = (s: string) => toWinAnsi(s);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 48, bottom: 40, left: 64, right: 64 },
    lang: 'id-ID',
    info: {
      Title: w(`Piagam ${input.number}`),
      Subject: w(input.competitionName),
      Creator: 'Sinovik',
      Producer: 'Sinovik',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const W = doc.page.width;
  const H = doc.page.height;
  const left = doc.page.margins.left;
  const width = W - left - doc.page.margins.right;

  // The frame: a gold line and a thin one inside it.
  doc
    .lineWidth(3)
    .strokeColor(GOLD)
    .rect(20, 20, W - 40, H - 40)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(28, 28, W - 56, H - 56)
    .stroke();

  const center = (text: string, font: string, size: number, color = INK, gap = 0) => {
    doc.font(font).fontSize(size).fillColor(color).text(w(text), left, doc.y, { width, align: 'center' });
    if (gap) doc.moveDown(gap);
  };
  doc.y = 48;
  center(input.organizer.toUpperCase(), 'Helvetica-Bold', 11, MUTED, 0.6);
  center('PIAGAM PENGHARGAAN', 'Helvetica-Bold', 30, GOLD);
  center('Certificate of Award', 'Helvetica-Oblique', 13, MUTED, 0.3);
  center(`Nomor / Number: ${input.number}`, 'Helvetica', 10.5, INK, 0.9);
  center('Diberikan kepada / Presented to', 'Helvetica', 11, MUTED, 0.3);

  // The innovation's title: as large as fits in three lines.
  let size = 22;
  doc.font('Helvetica-Bold');
  while (size > 12 && doc.fontSize(size).heightOfString(w(input.innovationTitle), { width }) > size * 3.6)
    size -= 1;
  center(input.innovationTitle, 'Helvetica-Bold', size, INK, 0.2);
  center(`${input.unitName} \u2014 ${input.institutionName}`, 'Helvetica', 12.5, INK, 0.7);
  center('sebagai / as', 'Helvetica', 11, MUTED, 0.3);
  center(input.awardLabelId, 'Helvetica-Bold', 17, GOLD);
  if (input.awardLabelEn !== input.awardLabelId) center(input.awardLabelEn, 'Helvetica-Oblique', 11.5, MUTED);
  doc.moveDown(0.4);
  // The competition's name usually carries its year already (Kompetisi Inovasi Pelayanan Publik 2026).
  const competition = input.competitionName.includes(String(input.year))
    ? input.competitionName
    : `${input.competitionName} ${input.year}`;
  center(`dalam ${competition}`, 'Helvetica', 12, INK);
  center(`in ${competition}`, 'Helvetica-Oblique', 10, MUTED);

  // Bottom left: the QR code and the address under it.
  const qr = QRCode.create(input.verificationUrl, QR_OPTIONS);
  const n = qr.modules.size;
  const qrSide = n * QR_MODULE;
  const qrX = left;
  const qrY = H - 60 - qrSide - 34;
  doc.save();
  doc.translate(qrX, qrY);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) doc.rect(c * QR_MODULE, r * QR_MODULE, QR_MODULE, QR_MODULE);
  doc.fillColor('#000000').fill();
  doc.restore();
  // The address on one line (the QR code's text, typed by whoever cannot scan it).
  const noteWidth = W - 64 - 280 - qrX - 16;
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(INK)
    .text(w(input.verificationUrl), qrX, qrY + qrSide + 6, { width: noteWidth, lineBreak: false });
  doc.x = qrX;
  doc.y = qrY + qrSide + 16;
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(w('Pindai atau buka alamat ini untuk memeriksa keaslian piagam.'), { width: noteWidth })
    .text(w('Scan or open this address to check that the certificate is genuine.'), { width: noteWidth });

  // Bottom right: the date and the signer.
  const signX = W - 64 - 280;
  let y = H - 60 - 128;
  const right = (text: string, font: string, sz: number, color = INK) => {
    doc.font(font).fontSize(sz).fillColor(color).text(w(text), signX, y, { width: 280, align: 'center' });
    y = doc.y;
  };
  right(`Ditetapkan pada ${input.issuedOn.id}`, 'Helvetica', 10.5);
  right(`Issued on ${input.issuedOn.en}`, 'Helvetica-Oblique', 9, MUTED);
  y += 4;
  right(input.signerPosition, 'Helvetica-Bold', 10.5);
  y += 44;
  doc
    .moveTo(signX + 40, y)
    .lineTo(signX + 240, y)
    .lineWidth(0.6)
    .strokeColor(MUTED)
    .stroke();
  y += 4;
  right(input.signerName || '\u2014', 'Helvetica-Bold', 11.5);

  doc.end();
  return done;
}
