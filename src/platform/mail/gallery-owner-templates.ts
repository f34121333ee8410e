import { link, type Template, type Vars } from './template-kit.js';

/*
 * The owner's side of the gallery (issue 14 points 1 and 4): the UPP of the unit is told when its
 * institution shows or withdraws its innovation in the public gallery; once a year each institution's
 * admin lokal are asked to confirm its public innovations as continuing or halted.
 */

export const galleryOwnerTemplates = {
  gallery_consent_given: {
    subject: {
      id: (v) => `Inovasi ${v.code} kini tampil di galeri publik`,
      en: (v) => `Innovation ${v.code} is now in the public gallery`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `${v.by} (admin lokal ${v.institution}) menyetujui inovasi "${v.title}" (${v.code}) tampil di galeri inovasi publik: judul, ringkasan, jawaban, instansi dan wilayah dapat dibaca siapa saja. Persetujuan ini dapat ditarik kembali.`,
        'Halaman inovasi di galeri:',
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `${v.by} (admin lokal of ${v.institution}) consented to show the innovation "${v.title}" (${v.code}) in the public innovation gallery: its title, summary, answers, institution and region can be read by anyone. The consent can be withdrawn.`,
        'The innovation’s page in the gallery:',
        link(v.link),
      ],
    },
  },
  gallery_consent_withdrawn: {
    subject: {
      id: (v) => `Inovasi ${v.code} ditarik dari galeri publik`,
      en: (v) => `Innovation ${v.code} withdrawn from the public gallery`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `${v.by} (admin lokal ${v.institution}) menarik persetujuan tampil di galeri untuk inovasi "${v.title}" (${v.code}). Inovasi ini tidak lagi dapat dilihat atau dicari publik.`,
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `${v.by} (admin lokal of ${v.institution}) withdrew the consent to show the innovation "${v.title}" (${v.code}) in the gallery. The public can no longer see or find it.`,
      ],
    },
  },
  gallery_status_prompt: {
    subject: {
      id: (v) => `Konfirmasi tahunan ${v.year}: apakah inovasi ${v.institution} masih berjalan?`,
      en: (v) => `Yearly confirmation ${v.year}: are the innovations of ${v.institution} still running?`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Galeri inovasi publik menampilkan ${v.count} inovasi ${v.institution}. Mohon konfirmasi untuk tahun ${v.year} apakah setiap inovasi masih berjalan atau sudah berhenti (dengan alasannya):`,
        String(v.list ?? ''),
        `Inovasi yang belum dikonfirmasi ditandai "Belum dikonfirmasi" di galeri.`,
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The public innovation gallery shows ${v.count} innovations of ${v.institution}. Please confirm for ${v.year} whether each is still running or has halted (with the reason):`,
        String(v.list ?? ''),
        'Innovations not confirmed are flagged "Not confirmed" in the gallery.',
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
