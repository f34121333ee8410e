import PDFDocument from 'pdfkit';
import { formatInstant } from '../../domain/time.js';
import { toWinAnsi } from '../../domain/winansi.js';

/*
 * One evaluation's score sheet as a PDF (issue 12 point 9, A4): the organizer, the competition and stage,
 * the proposal (code, title, institution, group), the evaluator, each criterion with its weight, score,
 * whether the evidence supports it and the comment, the weighted total, and when it was submitted with
 * hour and zone; Bahasa Indonesia first, English second. Standard Helvetica only: every string goes
 * through toWinAnsi, and pdfkit writes it as a hex string, so a comment is drawn as the letters typed
 * (no PDF operator, no script, no link can be smuggled in through it).
 */

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';

/** What a sheet is made of: plain data, handed to a thread of the export pool. */
export interface ScoreSheetInput {
  organizer: string;
  competition: { name: string; timeZone: string };
  stage: { nameId: string; nameEn: string };
  proposal: { code: string; title: string; institution: string; groupId: string; groupEn: string };
  /** The evaluator's name; null on a sheet for the participant, who never learns who scored. */
  evaluator: string | null;
  criteria: {
    labelId: string;
    labelEn: string;
    weight: number;
    value: number | null;
    evidenceSupports: boolean | null;
    comment: string | null;
  }[];
  total: number | null;
  submittedAt: string;
  /** When the file was made (footer). */
  generatedAt: string;
}

/** 83.5 → "83,50" (id) / "83.50" (en); weights and scores are kept to two decimals. */
export const formatScore = (n: number, lang: 'id' | 'en') => {
  const s = n.toFixed(2);
  return lang === 'id' ? s.replace('.', ',') : s;
};

const supports = (v: boolean | null) => (v === null ? '-' : v ? 'Ya / Yes' : 'Tidak / No');

export async function renderScoreSheetPdf(input: ScoreSheetInput): Promise<Buffer> {
  const tz = input.competition.timeZone;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: 'id-ID',
    info: {
      Title: toWinAnsi(`Lembar Penilaian ${input.proposal.code}`),
      Subject: toWinAnsi(input.competition.name),
      Creator: 'Sinovik',
      Producer: 'Sinovik',
      CreationDate: new Date(input.generatedAt),
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
  const room = (h: number) => {
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };

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
  doc.font('Helvetica-Bold').fontSize(14).text('LEMBAR PENILAIAN', { width, align: 'center' });
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Score sheet', { width, align: 'center' });
  doc.moveDown(0.3);
  doc.fillColor(INK).fontSize(10).text(w(input.competition.name), { width, align: 'center' });
  doc.text(w(`${input.stage.nameId} / ${input.stage.nameEn}`), { width, align: 'center' });
  doc.moveDown(1);

  const facts: [string, string][] = [
    ['Kode / Code', input.proposal.code],
    ['Judul inovasi / Title', input.proposal.title],
    ['Instansi / Institution', input.proposal.institution],
    ['Kelompok / Group', `${input.proposal.groupId} / ${input.proposal.groupEn}`],
  ];
  if (input.evaluator !== null) facts.push(['Penilai / Evaluator', input.evaluator]);
  facts.push([
    'Dikirim / Submitted',
    `${formatInstant(input.submittedAt, tz, 'id')} / ${formatInstant(input.submittedAt, tz, 'en')}`,
  ]);
  const labelWidth = 130;
  for (const [label, value] of facts) {
    doc.font('Helvetica').fontSize(10);
    const h = Math.max(
      doc.heightOfString(w(label), { width: labelWidth - 8 }),
      doc.heightOfString(w(value), { width: width - labelWidth }),
    );
    room(h + 4);
    const y = doc.y;
    doc.fillColor(MUTED).text(w(label), left, y, { width: labelWidth - 8 });
    doc
      .fillColor(INK)
      .font('Helvetica-Bold')
      .text(w(value), left + labelWidth, y, { width: width - labelWidth });
    doc.y = y + h + 4;
    doc.x = left;
  }
  doc.moveDown(0.8);

  // The criteria: number, label (ID, then EN in grey), weight, score, evidence; the comment below.
  const cols = [24, width - 24 - 54 - 54 - 86, 54, 54, 86];
  const drawRow = (cells: string[], bold: boolean) => {
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(INK);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(w(c), { width: cols[i]! - 6 })));
    room(h + 4);
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(w(c), x, y, { width: cols[i]! - 6, align: i >= 2 && i <= 3 ? 'right' : 'left' });
      x += cols[i]!;
    });
    doc.y = y + h + 2;
    doc.x = left;
  };
  const rule = () => {
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    doc.y += 3;
  };
  drawRow(
    ['No.', 'Kriteria / Criterion', 'Bobot / Weight', 'Nilai / Score', 'Bukti mendukung / Evidence supports'],
    true,
  );
  rule();
  input.criteria.forEach((c, i) => {
    drawRow(
      [
        String(i + 1),
        c.labelId,
        formatScore(c.weight, 'id'),
        c.value === null ? '-' : formatScore(c.value, 'id'),
        supports(c.evidenceSupports),
      ],
      false,
    );
    doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED);
    const enH = doc.heightOfString(w(c.labelEn), { width: cols[1]! - 6 });
    room(enH + 2);
    doc.text(w(c.labelEn), left + cols[0]!, doc.y, { width: cols[1]! - 6 });
    doc.x = left;
    if (c.comment) {
      const text = `Komentar / Comment: ${c.comment}`;
      doc.font('Helvetica').fontSize(9).fillColor(INK);
      const h = doc.heightOfString(w(text), { width: width - cols[0]! });
      room(h + 2);
      doc.text(w(text), left + cols[0]!, doc.y + 2, { width: width - cols[0]! });
      doc.x = left;
    }
    doc.y += 3;
    rule();
  });
  doc.moveDown(0.6);
  room(40);
  const total =
    input.total === null ? '-' : `${formatScore(input.total, 'id')} (${formatScore(input.total, 'en')})`;
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor(INK)
    .text(w(`Nilai total tertimbang / Weighted total: ${total}`), left, doc.y, { width });
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      'Jumlah (nilai x bobot) dibagi jumlah bobot / Sum of (score x weight) divided by the sum of the weights',
      {
        width,
      },
    );

  const range = doc.bufferedPageRange();
  const made = `${formatInstant(input.generatedAt, tz, 'id')}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(w(`${input.proposal.code} · dibuat / made ${made}`), left, y, {
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
