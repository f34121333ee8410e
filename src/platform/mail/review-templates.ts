import { link, type Template } from './template-kit.js';

/** The review engine's mails (issue 12): the reminder to a reviewer with unsubmitted work. */
export const reviewTemplates = {
  review_reminder: {
    subject: {
      id: (v) => `Pengingat: ${v.count} penilaian ${v.stage} belum dikirim`,
      en: (v) => `Reminder: ${v.count} ${v.stageEn} evaluation${v.count === 1 ? '' : 's'} not yet submitted`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Tahap ${v.stage} pada ${v.competition} ditutup pada ${v.closesAt}.`,
        `${v.count} proposal yang ditugaskan kepada Anda belum dikirim penilaiannya. Setelah tahap ditutup, penilaian tidak dapat diubah atau dikirim lagi.`,
        link(v.link),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The stage ${v.stageEn} of ${v.competition} closes at ${v.closesAt}.`,
        `${v.count} proposal${v.count === 1 ? '' : 's'} assigned to you ${v.count === 1 ? 'has' : 'have'} no submitted evaluation yet. Once the stage closes, evaluations can no longer change or be submitted.`,
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
