import { link, type Template } from './template-kit.js';

/** The mails of the assignment of reviewers (issue 12 point 3): new proposals to score, one withdrawn. */
export const assignmentTemplates = {
  reviews_assigned: {
    subject: {
      id: (v) => `${v.count} proposal ditugaskan kepada Anda: ${v.stage}`,
      en: (v) => `${v.count} proposals assigned to you: ${v.stage}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Sekretariat ${v.competition} menugaskan ${v.count} proposal baru kepada Anda untuk tahap ${v.stage}. Kini Anda menilai ${v.total} proposal pada tahap ini.`,
        `Batas penilaian: ${v.closesAt}.`,
        'Buka daftar penilaian Anda:',
        link(v.link),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The secretariat of ${v.competition} assigned ${v.count} new proposals to you for the ${v.stage} stage. You now score ${v.total} proposals in this stage.`,
        `Scoring closes: ${v.closesAt}.`,
        'Open your scoring list:',
        link(v.link),
      ],
    },
  },
  review_withdrawn: {
    subject: {
      id: (v) => `Penugasan ${v.code} ditarik: ${v.stage}`,
      en: (v) => `Assignment ${v.code} withdrawn: ${v.stage}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Sekretariat ${v.competition} menarik penugasan proposal ${v.code} dari Anda pada tahap ${v.stage}. Alasan: ${v.reason}`,
        'Penilaian Anda atas proposal ini (jika ada) tidak lagi dihitung. Daftar penilaian Anda:',
        link(v.link),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The secretariat of ${v.competition} withdrew the proposal ${v.code} from you in the ${v.stage} stage. Reason: ${v.reason}`,
        'Your scoring of it (if any) no longer counts. Your scoring list:',
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
