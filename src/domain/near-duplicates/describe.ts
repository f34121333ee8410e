import { t, type Text } from '../errors.js';
import type { Verdict } from './compare.js';

/*
 * What a stored match is called and how its scores read for the secretariat (issue 14 point 5): the kind
 * of a pair (against a past proposal: renamed / repeat / copied passage; within this year: copied within),
 * and the scores in words — "judul berbeda, 82% jawaban sama" — never bare numbers. Pure: no I/O.
 */

export type MatchKind = 'renamed' | 'repeat' | 'copied_passage' | 'copied_within';
export const MATCH_KINDS: readonly MatchKind[] = ['renamed', 'repeat', 'copied_passage', 'copied_within'];

export type MatchStatus = 'open' | 'confirmed_same' | 'dismissed';
export const MATCH_STATUSES: readonly MatchStatus[] = ['open', 'confirmed_same', 'dismissed'];

/** The kind of a pair found against a past proposal (compare.ts's verdict), or among this year's. */
export function kindOf(verdict: Verdict, within: boolean): MatchKind {
  if (within) return 'copied_within';
  return verdict === 'same' ? 'repeat' : verdict === 'renamed' ? 'renamed' : 'copied_passage';
}

export const KIND_LABELS: Record<MatchKind, Text> = {
  renamed: t('Proposal lama dengan judul baru', 'A past proposal renamed'),
  repeat: t('Inovasi yang sama diajukan lagi', 'The same innovation entered again'),
  copied_passage: t('Bagian disalin dari proposal lama', 'A passage copied from a past proposal'),
  copied_within: t(
    'Teks sama dengan proposal lain tahun ini',
    "Text shared with another of this year's proposals",
  ),
};

export interface StoredScores {
  title: number;
  answers: number;
  containment: number;
  passageWords: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "judul berbeda, 82% jawaban sama; bagian terpanjang yang sama 64 kata". */
export function scoresInWords(s: StoredScores): Text {
  const title =
    s.title >= 0.999
      ? t('judul sama', 'same title')
      : s.title >= 0.6
        ? t('judul mirip', 'similar title')
        : t('judul berbeda', 'different title');
  const inside =
    s.containment > s.answers + 0.1
      ? t(
          `, ${pct(s.containment)} isi salah satunya ada di yang lain`,
          `, ${pct(s.containment)} of one inside the other`,
        )
      : t('', '');
  const passage = s.passageWords
    ? t(
        `; bagian terpanjang yang sama ${s.passageWords} kata`,
        `; longest shared passage ${s.passageWords} words`,
      )
    : t('', '');
  return t(
    `${title.id}, ${pct(s.answers)} jawaban sama${inside.id}${passage.id}`,
    `${title.en}, ${pct(s.answers)} of the answers the same${inside.en}${passage.en}`,
  );
}

/** What confirming a match means for eligibility, said in the confirmation dialog and the API. */
export const CONFIRM_CONSEQUENCE = t(
  'Kedua proposal akan dianggap inovasi yang sama: penghargaan proposal lain (Top 99, Top Terpuji) dihitung sebagai penghargaan inovasi ini dalam syarat kelompok (mis. kelompok umum menolak inovasi yang pernah menjadi Top Terpuji atau dua kali Top 99).',
  "Both proposals will count as the same innovation: the other proposal's awards (Top 99, Top Terpuji) count as this innovation's in the group rules (e.g. the general group refuses an innovation that was a Top Terpuji or twice in the Top 99).",
);
