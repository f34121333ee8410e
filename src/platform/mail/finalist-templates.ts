import { link, type Paragraph, type Template, type Vars } from './template-kit.js';

/*
 * The final finalists' list (issue 12 point 8): each admin lokal of an institution with candidate proposals
 * is told each proposal's outcome: finalist, not selected, or removed after an upheld objection. The lists
 * come as lines ("\n"), each a paragraph of text.
 */

const lines = (v: string | number | null | undefined): Paragraph[] =>
  String(v ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `• ${l}`);

const part = (count: unknown, head: string, list: unknown): Paragraph[] =>
  Number(count) > 0 ? [`${head} (${String(count)}):`, ...lines(list as string)] : [];

export const finalistTemplates = {
  finalists_final_published: {
    subject: {
      id: (v) => `Daftar finalis akhir ${v.competition}: ${v.institution}`,
      en: (v) => `Final finalists of ${v.competition}: ${v.institution}`,
    },
    body: {
      id: (v: Vars) => [
        `Yth. ${v.name},`,
        `Penyelenggara ${v.competition} telah menetapkan daftar finalis akhir berdasarkan ${v.decreeNumber} pada ${v.publishedAt}, setelah uji publik. Berikut hasil proposal ${v.institution}.`,
        ...part(v.finalistCount, 'Finalis', v.finalists),
        ...part(
          v.removedCount,
          'Dikeluarkan dari daftar finalis karena keberatan uji publik diterima',
          v.removed,
        ),
        ...part(v.notSelectedCount, 'Tidak terpilih sebagai finalis', v.notSelected),
        'Pengumuman lengkap:',
        link(v.link),
      ],
      en: (v: Vars) => [
        `Dear ${v.name},`,
        `The organizer of ${v.competition} has fixed the final list of finalists under ${v.decreeNumber} on ${v.publishedAt}, after the public review. These are the outcomes of the proposals of ${v.institution}.`,
        ...part(v.finalistCount, 'Finalists', v.finalists),
        ...part(v.removedCount, 'Removed from the finalists after an upheld objection', v.removed),
        ...part(v.notSelectedCount, 'Not selected as finalists', v.notSelected),
        'The full announcement:',
        link(v.link),
      ],
    },
  },
} satisfies Record<string, Template>;
