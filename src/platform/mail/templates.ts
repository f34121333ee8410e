/**
 * Mail templates in Bahasa Indonesia and English. Each renders a subject, a plain-text body and a
 * simple HTML body. Deadlines and instants are formatted by the caller (with hour and zone).
 */
import { link, type Locale, type Template, type Vars } from './template-kit.js';
import { accountTemplates } from './account-templates.js';
import { objectionTemplates } from './objection-templates.js';
import { publicationTemplates } from './publication-templates.js';
import { assignmentTemplates } from './assignment-templates.js';
import { reviewTemplates } from './review-templates.js';
import { adminCheckTemplates } from './admin-check-templates.js';
import { finalistTemplates } from './finalist-templates.js';
import { certificateTemplates } from './certificate-templates.js';
import { resultsTemplates } from './results-templates.js';
import { publicRatingTemplates } from './public-rating-templates.js';
import { fieldTemplates } from './field-templates.js';
import { presentationTemplates } from './presentation-templates.js';
import { replicationTemplates } from './replication-templates.js';
import { galleryOwnerTemplates } from './gallery-owner-templates.js';
import { erasureTemplates } from './erasure-templates.js';

export type { Locale } from './template-kit.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * What the stored copy of a message shows instead of a secret link (reset, first password): the
 * link itself reaches only the recipient's mailbox (see outbox.ts).
 */
export const REDACTED_LINK: Record<Locale, string> = {
  id: '[tautan rahasia — hanya dikirim ke penerima]',
  en: '[secret link — sent to the recipient only]',
};

const templates = {
  ...accountTemplates,
  ...objectionTemplates,
  ...publicationTemplates,
  ...assignmentTemplates,
  ...reviewTemplates,
  ...adminCheckTemplates,
  ...finalistTemplates,
  ...certificateTemplates,
  ...resultsTemplates,
  ...publicRatingTemplates,
  ...fieldTemplates,
  ...presentationTemplates,
  ...replicationTemplates,
  ...galleryOwnerTemplates,
  ...erasureTemplates,
  proposal_sent: {
    subject: {
      id: (v) => `Proposal ${v.code} dikirim untuk diperiksa`,
      en: (v) => `Proposal ${v.code} sent for your review`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `${v.unit} mengirim proposal "${v.title}" (${v.code}) pada ${v.program} untuk Anda periksa.`,
        'Teruskan proposal ini kepada penyelenggara atau kembalikan dengan catatan perbaikan:',
        link(v.link),
        `Batas pengajuan: ${v.closesAt}.`,
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `${v.unit} sent the proposal "${v.title}" (${v.code}) for ${v.program} for your review.`,
        'Forward it to the organizer, or return it with a note on what to fix:',
        link(v.link),
        `Submission closes: ${v.closesAt}.`,
      ],
    },
  },
  proposal_taken_back: {
    subject: {
      id: (v) => `Proposal ${v.code} ditarik kembali oleh unit`,
      en: (v) => `Proposal ${v.code} taken back by its unit`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `${v.unit} menarik kembali proposal "${v.title}" (${v.code}) pada ${v.program} sebelum Anda memeriksanya. Proposal kembali menjadi draf unit; Anda tidak perlu memprosesnya sampai unit mengirimnya lagi.`,
        link(v.link),
        `Batas pengajuan: ${v.closesAt}.`,
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `${v.unit} took the proposal "${v.title}" (${v.code}) for ${v.program} back before you reviewed it. It is the unit's draft again; there is nothing for you to do until the unit sends it again.`,
        link(v.link),
        `Submission closes: ${v.closesAt}.`,
      ],
    },
  },
  proposal_returned: {
    subject: {
      id: (v) => `Proposal ${v.code} dikembalikan untuk diperbaiki`,
      en: (v) => `Proposal ${v.code} returned for changes`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Admin Lokal mengembalikan proposal "${v.title}" (${v.code}) dengan catatan:`,
        `“${v.note}”`,
        'Perbaiki proposal lalu kirim kembali:',
        link(v.link),
        `Batas pengajuan: ${v.closesAt}.`,
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The local admin returned the proposal "${v.title}" (${v.code}) with this note:`,
        `“${v.note}”`,
        'Make the changes and send it again:',
        link(v.link),
        `Submission closes: ${v.closesAt}.`,
      ],
    },
  },
  // Not the receipt: the organizer receives the proposal at the closing (seed 000 step 3, `proposal_receipt`);
  // until then the admin lokal may still withdraw it. (`receivedAt`: rows queued before the wording changed.)
  proposal_forwarded: {
    subject: {
      id: (v) => `Proposal ${v.code} diteruskan kepada penyelenggara`,
      en: (v) => `Proposal ${v.code} forwarded to the organizer`,
    },
    body: {
      id: (v) =>
        [
          `Yth. ${v.name},`,
          'Proposal berikut telah diteruskan kepada penyelenggara:',
          `Judul: ${v.title}`,
          `Akronim: ${v.acronym}`,
          `ID proposal: ${v.code}`,
          `Program: ${v.program}`,
          `Diteruskan: ${v.forwardedAt ?? v.receivedAt}`,
          v.closesAt
            ? `Penyelenggara menerima proposal ini saat pengajuan ditutup, ${v.closesAt}. Sampai saat itu Anda masih dapat menarik kembali proposal ini.`
            : 'Penyelenggara menerima proposal ini saat pengajuan ditutup. Sampai saat itu Anda masih dapat menarik kembali proposal ini.',
          'E-mail ini bukan tanda terima: tanda terima dikirim setelah pengajuan ditutup.',
        ].filter(Boolean),
      en: (v) =>
        [
          `Dear ${v.name},`,
          'The following proposal has been forwarded to the organizer:',
          `Title: ${v.title}`,
          `Acronym: ${v.acronym}`,
          `Proposal ID: ${v.code}`,
          `Programme: ${v.program}`,
          `Forwarded: ${v.forwardedAt ?? v.receivedAt}`,
          v.closesAt
            ? `The organizer receives this proposal when submission closes, ${v.closesAt}. Until then you can still withdraw it.`
            : 'The organizer receives this proposal when submission closes. Until then you can still withdraw it.',
          'This e-mail is not the receipt: the receipt is sent after submission closes.',
        ].filter(Boolean),
    },
  },
  deadline_extended: {
    subject: {
      id: (v) => `Batas pengajuan ${v.competition} diperpanjang sampai ${v.closesAt}`,
      en: (v) => `${v.competition}: submission deadline extended to ${v.closesAt}`,
    },
    body: {
      id: (v) =>
        [
          `Yth. ${v.name},`,
          `Batas pengajuan proposal ${v.competition} diperpanjang dari ${v.previousClosesAt} menjadi ${v.closesAt}.`,
          `Dasar perpanjangan: surat nomor ${v.letterNumber}.`,
          v.reason ? `Keterangan: ${v.reason}` : '',
          v.movedStages ? `Tahapan berikutnya ikut bergeser: ${v.movedStages}.` : '',
          'Proposal yang belum diteruskan kepada penyelenggara dapat diselesaikan sampai batas baru tersebut.',
          link(v.link),
        ].filter(Boolean),
      en: (v) =>
        [
          `Dear ${v.name},`,
          `The proposal submission deadline of ${v.competition} has been extended from ${v.previousClosesAt} to ${v.closesAt}.`,
          `Decided by letter no. ${v.letterNumber}.`,
          v.reason ? `Note: ${v.reason}` : '',
          v.movedStages ? `The stages after it move as well: ${v.movedStages}.` : '',
          'Proposals not yet forwarded to the organizer can be finished until the new deadline.',
          link(v.link),
        ].filter(Boolean),
    },
  },
  competition_amended: {
    subject: {
      id: (v) => `Adendum ${v.number}: ketentuan ${v.competition} diubah`,
      en: (v) => `Amendment ${v.number}: the rules of ${v.competition} changed`,
    },
    body: {
      id: (v) =>
        [
          `Yth. ${v.name},`,
          `Penyelenggara mengubah ketentuan ${v.competition} melalui adendum nomor ${v.number}. Instansi Anda memiliki proposal dalam kompetisi ini.`,
          `Yang berubah: ${v.changes}`,
          `Alasan: ${v.reason}`,
          'Periksa kembali proposal unit Anda terhadap ketentuan yang baru.',
          `LINK:${v.link}`,
        ].filter(Boolean),
      en: (v) =>
        [
          `Dear ${v.name},`,
          `The organizer changed the rules of ${v.competition} by amendment no. ${v.number}. Your institution has proposals in this competition.`,
          `What changed: ${v.changes}`,
          v.reason ? `Reason: ${v.reason}` : '',
          "Check your units' proposals against the new rules.",
          `LINK:${v.link}`,
        ].filter(Boolean),
    },
  },
  submission_reminder: {
    subject: {
      id: (v) => `Pengingat: pengajuan ${v.competition} ditutup dalam ${v.days} hari`,
      en: (v) => `Reminder: ${v.competition} submission closes in ${v.days} day${v.days === 1 ? '' : 's'}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Pengajuan proposal ${v.competition} ditutup dalam ${v.days} hari, pada ${v.closesAt}.`,
        `${v.count} proposal belum diteruskan kepada penyelenggara. Proposal yang belum diteruskan saat penutupan akan dibekukan dan tidak ikut seleksi.`,
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `Proposal submission for ${v.competition} closes in ${v.days} day${v.days === 1 ? '' : 's'}, at ${v.closesAt}.`,
        `${v.count} proposal${v.count === 1 ? ' is' : 's are'} not yet forwarded to the organizer. Proposals not forwarded at the closing are frozen and take no part in the selection.`,
      ],
    },
  },
  proposal_receipt: {
    subject: {
      id: (v) => `Tanda terima proposal ${v.code}: diterima penyelenggara`,
      en: (v) => `Receipt for proposal ${v.code}: received by the organizer`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        'Pengajuan telah ditutup. Proposal berikut diterima oleh penyelenggara:',
        `Judul: ${v.title}`,
        `Akronim: ${v.acronym}`,
        `ID proposal: ${v.code}`,
        `Program: ${v.program}`,
        `Diterima: ${v.receivedAt}`,
        'Simpan e-mail ini sebagai tanda terima.',
      ],
      en: (v) => [
        `Dear ${v.name},`,
        'Submission has closed. The organizer has received the following proposal:',
        `Title: ${v.title}`,
        `Acronym: ${v.acronym}`,
        `Proposal ID: ${v.code}`,
        `Programme: ${v.program}`,
        `Received: ${v.receivedAt}`,
        'Keep this e-mail as your receipt.',
      ],
    },
  },
  group_invitation: {
    subject: {
      id: (v) => `Undangan kelompok ${v.group}: ${v.competition}`,
      en: (v) => `Invitation to the ${v.group} group: ${v.competition}`,
    },
    body: {
      id: (v) =>
        [
          `Yth. ${v.name},`,
          `${v.institution} diundang mengikuti ${v.competition} pada kelompok ${v.group} (surat undangan nomor ${v.letterNumber}).`,
          v.award ? `Inovasi yang diundang: ${v.award}.` : '',
          `Unit pelayanan (UPP) instansi Anda kini dapat membuat proposal pada kelompok ini dan mengirimkannya kepada Anda sampai ${v.closesAt}.`,
          link(v.link),
        ].filter(Boolean),
      en: (v) =>
        [
          `Dear ${v.name},`,
          `${v.institution} is invited to take part in ${v.competition} in the ${v.group} group (invitation letter no. ${v.letterNumber}).`,
          v.award ? `The innovation invited: ${v.award}.` : '',
          `Your institution's service units (UPP) can now start proposals in this group and send them to you until ${v.closesAt}.`,
          link(v.link),
        ].filter(Boolean),
    },
  },
  group_invitation_revoked: {
    subject: {
      id: (v) => `Undangan kelompok ${v.group} dicabut: ${v.competition}`,
      en: (v) => `Invitation to the ${v.group} group revoked: ${v.competition}`,
    },
    body: {
      id: (v) =>
        [
          `Yth. ${v.name},`,
          `Undangan bagi ${v.institution} untuk mengikuti ${v.competition} pada kelompok ${v.group} (surat undangan nomor ${v.letterNumber}) telah dicabut oleh penyelenggara.`,
          v.award ? `Inovasi yang diundang: ${v.award}.` : '',
          v.stillInvited
            ? 'Undangan lain bagi instansi Anda pada kelompok ini tetap berlaku. Proposal yang hanya didasarkan pada undangan yang dicabut tidak dapat dikirim atau diteruskan kepada penyelenggara.'
            : 'Unit pelayanan (UPP) instansi Anda tidak dapat lagi membuat proposal pada kelompok ini, dan proposal yang sudah dibuat di dalamnya tidak dapat dikirim atau diteruskan kepada penyelenggara.',
          link(v.link),
        ].filter(Boolean),
      en: (v) =>
        [
          `Dear ${v.name},`,
          `The invitation of ${v.institution} to take part in ${v.competition} in the ${v.group} group (invitation letter no. ${v.letterNumber}) has been revoked by the organizer.`,
          v.award ? `The innovation invited: ${v.award}.` : '',
          v.stillInvited
            ? 'Another invitation of your institution into this group still stands. Proposals that rest only on the revoked invitation cannot be sent or forwarded to the organizer.'
            : "Your institution's service units (UPP) can no longer start proposals in this group, and proposals already started in it cannot be sent or forwarded to the organizer.",
          link(v.link),
        ].filter(Boolean),
    },
  },
  // Participation (issue 11 point 7): the organizer reminds an admin lokal, an admin lokal a UPP.
  participation_reminder_institution: {
    subject: {
      id: (v) => `Pengingat: ${v.institution} belum meneruskan proposal ke ${v.competition}`,
      en: (v) => `Reminder: ${v.institution} has not forwarded a proposal to ${v.competition}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Penyelenggara ${v.competition} mengingatkan bahwa ${v.institution} belum meneruskan satu pun proposal kepada penyelenggara.`,
        v.inProgress
          ? `Proposal yang sedang disiapkan unit Anda: ${v.inProgress}. Periksa dan teruskan proposal yang sudah lengkap.`
          : 'Belum ada unit pelayanan (UPP) instansi Anda yang memulai proposal.',
        `Batas pengajuan: ${v.closesAt}.`,
        link(v.link),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The organizer of ${v.competition} reminds you that ${v.institution} has not yet forwarded any proposal to the organizer.`,
        v.inProgress
          ? `Proposals your units are preparing: ${v.inProgress}. Check them and forward those that are complete.`
          : "None of your institution's service units (UPP) has started a proposal yet.",
        `Submission closes: ${v.closesAt}.`,
        link(v.link),
      ],
    },
  },
  participation_reminder_unit: {
    subject: {
      id: (v) => `Pengingat: ${v.unit} belum mengajukan proposal ke ${v.competition}`,
      en: (v) => `Reminder: ${v.unit} has not started a proposal for ${v.competition}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Admin Lokal ${v.institution} mengingatkan bahwa ${v.unit} belum membuat proposal untuk ${v.competition}.`,
        `Batas pengajuan: ${v.closesAt}. Proposal harus dikirim ke Admin Lokal sebelum batas itu agar dapat diteruskan kepada penyelenggara.`,
        link(v.link),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The local admin of ${v.institution} reminds you that ${v.unit} has not started a proposal for ${v.competition}.`,
        `Submission closes: ${v.closesAt}. Send the proposal to your local admin before then so that it can be forwarded to the organizer.`,
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof templates;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FOOTER: Record<Locale, string> = {
  id: 'E-mail ini dikirim otomatis oleh Sinovik; mohon tidak membalas. Pengaduan pelayanan: SP4N-LAPOR! https://www.lapor.go.id',
  en: 'This e-mail was sent automatically by Sinovik; please do not reply. Service complaints: SP4N-LAPOR! https://www.lapor.go.id',
};

/** A link is only made a link when it is a web address; anything else is shown as text. */
const isWebLink = (href: string) => /^https?:\/\//i.test(href);

/**
 * Renders a template in one language. `redact` names variables whose value is a secret: the rendering
 * shows REDACTED_LINK in their place (a link paragraph becomes plain text), for the copy that is stored.
 */
export function renderMail(
  name: TemplateName,
  locale: Locale,
  vars: Vars,
  redact: readonly string[] = [],
): RenderedMail {
  const tpl: Template = templates[name];
  const shown: Vars = { ...vars };
  for (const key of redact) shown[key] = REDACTED_LINK[locale];
  const paragraphs = tpl.body[locale](shown);
  const text =
    paragraphs.map((p) => (typeof p === 'string' ? p : p.link)).join('\n\n') + `\n\n--\n${FOOTER[locale]}\n`;
  const htmlParts = paragraphs.map((p) =>
    typeof p !== 'string' && isWebLink(p.link)
      ? `<p><a href="${escapeHtml(p.link)}" style="background:#1c5d99;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(p.link)}</a></p>`
      : `<p>${escapeHtml(typeof p === 'string' ? p : p.link)}</p>`,
  );
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;color:#1a1a1a;max-width:640px">${htmlParts.join('')}<hr><p style="color:#555;font-size:12px">${escapeHtml(FOOTER[locale])}</p></body></html>`;
  return { subject: tpl.subject[locale](vars), text, html };
}
