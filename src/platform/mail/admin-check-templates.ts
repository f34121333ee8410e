import { link, type Template } from './template-kit.js';

/**
 * The mails of the administrative check (issue 12 point 1): a completion request to the admin lokal,
 * listing what to complete and by when (the caller formats the deadline with hour and zone; `items` is one
 * item per line).
 */
export const adminCheckTemplates = {
  completion_requested: {
    subject: {
      id: (v) => `Proposal ${v.code} perlu dilengkapi sampai ${v.deadline}`,
      en: (v) => `Proposal ${v.code} must be completed by ${v.deadline}`,
    },
    body: {
      id: (v) =>
        [
          `Yth. ${v.name},`,
          `Dalam seleksi administrasi ${v.program}, penyelenggara meminta proposal "${v.title}" (${v.code}) dilengkapi. Yang harus dilengkapi:`,
          String(v.itemsId ?? ''),
          v.note ? `Catatan penyelenggara: “${v.note}”` : '',
          `Batas waktu: ${v.deadline}. Hanya bagian yang disebut di atas yang dapat diubah; setelah selesai, pilih "Kirim kelengkapan". Proposal yang tidak dilengkapi sampai batas waktu dapat didiskualifikasi.`,
          link(v.link),
        ].filter((p) => p !== ''),
      en: (v) =>
        [
          `Dear ${v.name},`,
          `In the administrative check of ${v.program}, the organizer asks for the proposal "${v.title}" (${v.code}) to be completed. To complete:`,
          String(v.itemsEn ?? ''),
          v.note ? `The organizer's note: “${v.note}”` : '',
          `Deadline: ${v.deadline}. Only the parts named above can be changed; when done, choose "Send the completion". A proposal not completed by the deadline may be disqualified.`,
          link(v.link),
        ].filter((p) => p !== ''),
    },
  },
} satisfies Record<string, Template>;
