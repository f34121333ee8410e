import { link, type Template, type Vars } from './template-kit.js';

/*
 * The presentation and interview (issue 13 point 2): the invitation letter (and its re-issue after a
 * rescheduling or a move), and the refusal of a rescheduling request. To the admin lokal of the finalist's
 * institution and the UPP of its unit, each in its language.
 */

export const presentationTemplates = {
  presentation_invitation: {
    subject: {
      id: (v) => `Undangan presentasi dan wawancara ${v.competition}: ${v.code} (${v.letterNumber})`,
      en: (v) =>
        `Invitation to the presentation and interview, ${v.competition}: ${v.code} (${v.letterNumber})`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        Number(v.revision) > 1
          ? `Jadwal presentasi dan wawancara proposal ${v.code} — ${v.title} telah diubah. Surat undangan baru bernomor ${v.letterNumber} menggantikan surat sebelumnya.`
          : `Proposal ${v.code} — ${v.title} dari ${v.institution} diundang mengikuti presentasi dan wawancara dengan Tim Panel Independen (surat nomor ${v.letterNumber}).`,
        `Waktu: ${v.slot}`,
        `Tempat: ${v.place}`,
        `Batas unggah bahan paparan dan tautan video: ${v.uploadDeadline}`,
        'Surat undangan (PDF) dan unggahan bahan:',
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        Number(v.revision) > 1
          ? `The presentation and interview of proposal ${v.code} — ${v.title} has been rescheduled. The new invitation letter number ${v.letterNumber} replaces the previous one.`
          : `Proposal ${v.code} — ${v.title} of ${v.institution} is invited to present and be interviewed by the independent panel (letter number ${v.letterNumber}).`,
        `Time: ${v.slotEn}`,
        `Place: ${v.placeEn}`,
        `Upload deadline for the slides and video link: ${v.uploadDeadlineEn}`,
        'The invitation letter (PDF) and the upload:',
        link(v.link),
      ],
    },
  },
  presentation_reschedule_refused: {
    subject: {
      id: (v) => `Permintaan perubahan jadwal ${v.code} ditolak`,
      en: (v) => `Rescheduling request for ${v.code} refused`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Sekretariat ${v.competition} menolak permintaan perubahan jadwal presentasi proposal ${v.code} — ${v.title}. Jadwal tetap: ${v.slot}.`,
        `Alasan: ${v.reason}`,
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The secretariat of ${v.competition} refused the request to reschedule the presentation of proposal ${v.code} — ${v.title}. The slot stays: ${v.slotEn}.`,
        `Reason: ${v.reason}`,
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
