import { link, type Vars } from './template-kit.js';

/*
 * Field verification's mails (issue 13 point 3) to the admin lokal and the UPP of a finalist: an OPEN
 * visit planned, changed or cancelled, with its date, hour and zone. A closed visit sends nothing.
 */

const when = (v: Vars, locale: 'id' | 'en') => (locale === 'id' ? `${v.startsAt}` : `${v.startsAtEn}`);

export const fieldTemplates = {
  field_visit_planned: {
    subject: {
      id: (v: Vars) => `Jadwal verifikasi lapangan ${v.code}: ${v.startsAt}`,
      en: (v: Vars) => `Field verification of ${v.code} scheduled: ${v.startsAtEn}`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Tim verifikasi ${v.program} akan melakukan verifikasi lapangan terbuka atas inovasi "${v.title}" (${v.code}) pada ${when(v, 'id')}, di ${v.address}.`,
        'Mohon pastikan penanggung jawab inovasi, data pendukung asli dan lokasi layanan dapat ditunjukkan.',
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The verification team of ${v.program} will make an open field verification of the innovation "${v.title}" (${v.code}) on ${when(v, 'en')}, at ${v.address}.`,
        "Please make sure the innovation's lead, the original supporting documents and the place of the service can be shown.",
        link(v.link),
      ],
    },
  },
  field_visit_changed: {
    subject: {
      id: (v: Vars) => `Perubahan jadwal verifikasi lapangan ${v.code}: ${v.startsAt}`,
      en: (v: Vars) => `Field verification of ${v.code} changed: ${v.startsAtEn}`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Jadwal verifikasi lapangan atas inovasi "${v.title}" (${v.code}) pada ${v.program} berubah. Jadwal yang berlaku: ${when(v, 'id')}, di ${v.address}.`,
        `Jadwal sebelumnya (${v.previous}) tidak berlaku lagi.`,
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The field verification of the innovation "${v.title}" (${v.code}) of ${v.program} has changed. It now takes place on ${when(v, 'en')}, at ${v.address}.`,
        `The earlier schedule (${v.previousEn}) no longer holds.`,
        link(v.link),
      ],
    },
  },
  field_visit_cancelled: {
    subject: {
      id: (v: Vars) => `Verifikasi lapangan ${v.code} dibatalkan`,
      en: (v: Vars) => `Field verification of ${v.code} cancelled`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Verifikasi lapangan atas inovasi "${v.title}" (${v.code}) pada ${v.program} yang dijadwalkan ${v.startsAt} dibatalkan.`,
        'Anda tidak perlu menyiapkan kunjungan tersebut.',
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The field verification of the innovation "${v.title}" (${v.code}) of ${v.program} scheduled for ${v.startsAtEn} is cancelled.`,
        'There is nothing to prepare for that visit.',
        link(v.link),
      ],
    },
  },
};
