import { link, type Paragraph, type Template, type Vars } from './template-kit.js';

/*
 * The notices of a published stage's results (issue 12 point 1; the finalists next): each admin lokal is
 * told its institution's proposals' results. The lists come as lines ("\n"), each a paragraph of text.
 */

const lines = (v: string | number | null | undefined): Paragraph[] =>
  String(v ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `• ${l}`);

const passedId = (v: Vars) =>
  Number(v.passedCount) > 0
    ? [`Lolos seleksi administrasi (${v.passedCount}):`, ...lines(v.passed)]
    : ['Tidak ada proposal instansi Anda yang lolos seleksi administrasi.'];
const passedEn = (v: Vars) =>
  Number(v.passedCount) > 0
    ? [`Passed the administrative check (${v.passedCount}):`, ...lines(v.passed)]
    : ["None of your institution's proposals passed the administrative check."];

export const publicationTemplates = {
  admin_results_published: {
    subject: {
      id: (v) => `Hasil seleksi administrasi ${v.competition}: ${v.institution}`,
      en: (v) => `Administrative check results of ${v.competition}: ${v.institution}`,
    },
    body: {
      id: (v) => [
        `Yth. ${v.name},`,
        `Penyelenggara ${v.competition} telah mengumumkan hasil seleksi administrasi dengan surat nomor ${v.letterNumber} pada ${v.publishedAt}. Berikut hasil proposal ${v.institution}.`,
        ...passedId(v),
        ...(Number(v.disqualifiedCount) > 0
          ? [`Didiskualifikasi (${v.disqualifiedCount}), beserta alasannya:`, ...lines(v.disqualified)]
          : []),
        'Proposal yang didiskualifikasi tidak dicantumkan dalam pengumuman publik. Rincian hasil tampil pada setiap proposal:',
        link(v.link),
      ],
      en: (v) => [
        `Dear ${v.name},`,
        `The organizer of ${v.competition} has announced the results of the administrative check (letter ${v.letterNumber}, ${v.publishedAt}). These are the results of the proposals of ${v.institution}.`,
        ...passedEn(v),
        ...(Number(v.disqualifiedCount) > 0
          ? [`Disqualified (${v.disqualifiedCount}), with the reasons:`, ...lines(v.disqualified)]
          : []),
        'Disqualified proposals are not listed in the public announcement. Each proposal shows its result:',
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
