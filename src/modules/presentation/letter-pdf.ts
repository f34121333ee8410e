import PDFDocument from 'pdfkit';
import { formatInstant } from '../../domain/time.js';
import { toWinAnsi } from '../../domain/winansi.js';

/*
 * The invitation letter to the presentation and interview (issue 13 point 2), A4: the organizer, the
 * letter number (and the revision it replaces), the date with hour and zone, the finalist, the slot's date
 * and time with zone, the room or meeting link, what to bring and the upload deadline. Bahasa Indonesia;
 * for an English-locale reader the English version follows. Made in a thread of the export pool
 * (modules/exports), never on the event loop. Standard Helvetica only: every string goes through toWinAnsi.
 */

export interface LetterPdfInput {
  letterNumber: string;
  revision: number;
  issuedAt: string;
  locale: 'id' | 'en';
  organizer: string;
  competition: { name: string; timeZone: string };
  proposal: { code: string; title: string; institution: string; unit: string };
  slot: { startsAt: string; endsAt: string };
  session: { name: string; mode: 'offline' | 'online'; room: string | null; meetingUrl: string | null };
  presentationMinutes: number;
  interviewMinutes: number;
  uploadDeadline: string | null;
  bringId: string;
  bringEn: string;
}

/** "6 Juli 2026 08.00 WIB – 6 Juli 2026 08.20 WIB". */
export const slotText = (slot: { startsAt: string; endsAt: string }, tz: string, l: 'id' | 'en') =>
  `${formatInstant(slot.startsAt, tz, l)} – ${formatInstant(slot.endsAt, tz, l)}`;

export const placeText = (
  s: { name: string; mode: 'offline' | 'online'; room: string | null; meetingUrl: string | null },
  l: 'id' | 'en',
) =>
  s.mode === 'online'
    ? `${s.name}, ${l === 'id' ? 'daring' : 'online'}: ${s.meetingUrl ?? ''}`
    : `${s.name}, ${s.room ?? ''}`;

export async function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const tz = input.competition.timeZone;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    lang: 'id-ID',
    info: {
      Title: `${input.letterNumber} Undangan presentasi ${input.proposal.code}`,
      Subject: input.competition.name,
      Creator: 'Sinovik',
      Producer: 'Sinovik',
      CreationDate: new Date(input.issuedAt),
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
  const p = input.proposal;

  doc.font('Helvetica-Bold').fontSize(12).fillColor('#1a1a1a').text(w(input.organizer.toUpperCase()), {
    width,
    align: 'center',
  });
  doc.moveDown(0.2);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1)
    .stroke();
  doc.moveDown(0.8);

  const part = (l: 'id' | 'en') => {
    const id = l === 'id';
    const row = (label: string, value: string) => {
      doc.font('Helvetica-Bold').fontSize(10).text(w(label), { continued: true });
      doc.font('Helvetica').text(w(` ${value}`), { width });
    };
    row(id ? 'Nomor:' : 'Number:', input.letterNumber);
    if (input.revision > 1)
      row(
        id ? 'Revisi:' : 'Revision:',
        id
          ? `${input.revision} (menggantikan surat sebelumnya)`
          : `${input.revision} (replaces the previous letter)`,
      );
    row(id ? 'Tanggal:' : 'Date:', formatInstant(input.issuedAt, tz, l));
    row(
      id ? 'Perihal:' : 'Subject:',
      id ? 'Undangan presentasi dan wawancara' : 'Invitation to the presentation and interview',
    );
    doc.moveDown(0.6);
    doc
      .font('Helvetica')
      .fontSize(10.5)
      .text(w(id ? `Yth. Pimpinan ${p.institution}` : `To the head of ${p.institution}`), { width });
    doc.moveDown(0.6);
    doc.text(
      w(
        id
          ? `Dengan hormat, proposal ${p.code} "${p.title}" (${p.unit}) ditetapkan sebagai finalis ${input.competition.name}. Kami mengundang Bapak/Ibu untuk mempresentasikan inovasi tersebut di hadapan Tim Panel Independen (${input.presentationMinutes} menit presentasi, dilanjutkan ${input.interviewMinutes} menit wawancara) pada:`
          : `Proposal ${p.code} "${p.title}" (${p.unit}) is a finalist of ${input.competition.name}. We invite you to present the innovation to the independent panel (${input.presentationMinutes} minutes of presentation, then ${input.interviewMinutes} minutes of interview) at:`,
      ),
      { width, align: 'justify' },
    );
    doc.moveDown(0.5);
    row(id ? 'Waktu:' : 'Time:', slotText(input.slot, tz, l));
    row(id ? 'Tempat:' : 'Place:', placeText(input.session, l));
    row(
      id ? 'Batas unggah bahan dan tautan video:' : 'Upload deadline for the slides and video link:',
      input.uploadDeadline ? formatInstant(input.uploadDeadline, tz, l) : '-',
    );
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text(w(id ? 'Yang perlu dibawa/disiapkan:' : 'Please bring/prepare:'));
    doc.font('Helvetica').text(w(id ? input.bringId : input.bringEn), { width });
    doc.moveDown(0.5);
    doc.text(
      w(
        id
          ? 'Permintaan perubahan jadwal dapat diajukan oleh admin lokal melalui Sinovik dengan menyebutkan alasan dan waktu yang tidak dapat dihadiri.'
          : 'The admin lokal may ask to reschedule through Sinovik, giving the reason and the times they cannot attend.',
      ),
      { width, align: 'justify' },
    );
  };
  part('id');
  if (input.locale === 'en') {
    doc.moveDown(1);
    doc.font('Helvetica-Oblique').fontSize(9).fillColor('#555555').text('English version');
    doc.fillColor('#1a1a1a');
    doc.moveDown(0.3);
    part('en');
  }
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(10).text(w(input.organizer), { width, align: 'right' });
  doc.end();
  return done;
}
