import { link, type Paragraph, type Template, type Vars } from './template-kit.js';

/*
 * Certificates (piagam, issue 13 point 5): the admin lokal of the institution and the UPP of the unit are
 * told when their certificates are ready to download, and when one was revoked. The list comes as lines.
 */

const lines = (v: string | number | null | undefined): Paragraph[] =>
  String(v ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `• ${l}`);

export const certificateTemplates = {
  certificates_ready: {
    subject: {
      id: (v) => `Piagam ${v.competition} siap diunduh`,
      en: (v) => `Certificates of ${v.competition} ready to download`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Penyelenggara ${v.competition} telah menerbitkan ${v.count} piagam untuk ${v.institution}:`,
        ...lines(v.certificates),
        'Piagam dapat diunduh sebagai PDF setelah masuk ke Sinovik. Setiap piagam memuat kode QR dan alamat untuk memeriksa keasliannya.',
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The organizer of ${v.competition} has issued ${v.count} certificates for ${v.institution}:`,
        ...lines(v.certificates),
        'Download them as PDF after signing in to Sinovik. Each certificate carries a QR code and an address to check that it is genuine.',
        link(v.link),
      ],
    },
  },
  certificate_revoked: {
    subject: {
      id: (v) => `Piagam ${v.number} dicabut`,
      en: (v) => `Certificate ${v.number} revoked`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Penyelenggara ${v.competition} mencabut piagam ${v.number} (${v.title}, ${v.institution}) pada ${v.revokedAt}.`,
        `Alasan: ${v.reason}`,
        'Alamat verifikasinya kini menyatakan piagam ini dicabut.',
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The organizer of ${v.competition} revoked certificate ${v.number} (${v.title}, ${v.institution}) on ${v.revokedAt}.`,
        `Reason: ${v.reason}`,
        'Its verification address now says that it is revoked.',
      ],
    },
  },
} satisfies Record<string, Template>;
