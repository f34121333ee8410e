/*
 * Synthetic Indonesian-like proposals for the near-duplicate tests: seeded, so every run sees the same
 * texts. Sentences of common Indonesian words mixed with words built from Indonesian syllables, the rarer
 * ones drawn less often (a rough Zipf curve), and edits that rewrite a text the way a re-submission does.
 */

import type { ProposalText } from './prepare.js';

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'yang dan di ke dari untuk dengan pada dalam ini itu oleh secara juga tidak dapat akan telah sudah setiap ' +
  'warga pelayanan desa inovasi masyarakat data kantor petugas aplikasi layanan daerah kabupaten kecamatan ' +
  'pemerintah dinas program kegiatan sistem informasi kesehatan pendidikan anak ibu sekolah puskesmas'
).split(' ');
const SYLLABLES = (
  'ka ta pa la ma na sa ra ba da ga ja wa ya ke te pe le me ne se re be de ge ki ti pi li mi ni si ri bi ' +
  'di ku tu pu lu mu nu su ru bu du ko to po lo mo no so ro bo do an ang kan lah nya pen per ber ter'
).split(' ');

export function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

function word(random: () => number, vocab: readonly string[]): string {
  if (random() < 0.35) return COMMON[Math.floor(random() * COMMON.length)];
  return vocab[Math.floor(vocab.length * random() ** 2)];
}

/** About `words` words in sentences of 8–20, each capitalized and ending with a period. */
export function soup(words: number, random: () => number, vocab: readonly string[]): string {
  const sentences: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(random() * 13));
    const s = Array.from({ length: n }, () => word(random, vocab)).join(' ');
    sentences.push(`${s[0].toUpperCase()}${s.slice(1)}.`);
    left -= n;
  }
  return sentences.join(' ');
}

export function syntheticProposal(
  id: number,
  random: () => number,
  vocab: readonly string[],
  wordsPerAnswer = 120,
): ProposalText {
  return {
    id,
    title: `Sistem Informasi ${soup(4, random, vocab).replace(/\.$/, '')}`,
    answers: ['ringkasan', 'kebaruan', 'manfaat'].map((key) => ({
      key,
      text: soup(wordsPerAnswer, random, vocab),
    })),
  };
}

/** A light re-submission: two sentences swapped, about one word in `every` replaced. */
export function lightlyEdited(
  text: string,
  random: () => number,
  vocab: readonly string[],
  every = 25,
): string {
  const sentences = text.split(/(?<=\.) /);
  if (sentences.length > 2) {
    const i = Math.floor(random() * (sentences.length - 1));
    [sentences[i], sentences[i + 1]] = [sentences[i + 1], sentences[i]];
  }
  return sentences
    .join(' ')
    .split(' ')
    .map((w) => (random() < 1 / every ? word(random, vocab) : w))
    .join(' ');
}
