import { link, type Paragraph, type Template, type Vars } from './template-kit.js';

/*
 * The published results (issue 13 point 5): every admin lokal and UPP of a finalist is told its outcome
 * (the award, or finalist), the decree, and the award ceremony's details. Lists come as lines ("\n").
 */

const lines = (v: string | number | null | undefined): Paragraph[] =>
  String(v ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `• ${l}`);

export const resultsTemplates = {
  results_published: {
    subject: {
      id: (v) => `Hasil ${v.competition}: ${v.institution}`,
      en: (v) => `Results of ${v.competition}: ${v.institution}`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Hasil ${v.competition} telah ditetapkan dengan ${v.decreeNumber} dan diumumkan pada ${v.publishedAt}. Berikut hasil finalis ${v.institution}:`,
        ...lines(v.outcomesId),
        `Penganugerahan: ${v.ceremonyAt}, ${v.ceremonyPlace}.`,
        ...(v.ceremonyNotesId ? [String(v.ceremonyNotesId)] : []),
        'Pengumuman hasil lengkap:',
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The results of ${v.competition} were set by ${v.decreeNumber} and published on ${v.publishedAt}. These are the outcomes of the finalists of ${v.institution}:`,
        ...lines(v.outcomesEn),
        `Award ceremony: ${v.ceremonyAt}, ${v.ceremonyPlace}.`,
        ...(v.ceremonyNotesEn ? [String(v.ceremonyNotesEn)] : []),
        'The full results:',
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
