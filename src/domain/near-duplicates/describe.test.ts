import { describe, expect, it } from 'vitest';
import { kindOf, scoresInWords } from './describe.js';
import { snippetOf } from './snippet.js';

describe('a match in words', () => {
  it('names the kind from the verdict and where the other proposal is', () => {
    expect(kindOf('renamed', false)).toBe('renamed');
    expect(kindOf('same', false)).toBe('repeat');
    expect(kindOf('copied_passage', false)).toBe('copied_passage');
    expect(kindOf('same', true)).toBe('copied_within');
  });

  it('says the scores as the secretariat reads them', () => {
    expect(scoresInWords({ title: 0.21, answers: 0.82, containment: 0.85, passageWords: 0 }).id).toBe(
      'judul berbeda, 82% jawaban sama',
    );
    expect(scoresInWords({ title: 0.7, answers: 0.12, containment: 0.4, passageWords: 64 })).toEqual({
      id: 'judul mirip, 12% jawaban sama, 40% isi salah satunya ada di yang lain; bagian terpanjang yang sama 64 kata',
      en: 'similar title, 12% of the answers the same, 40% of one inside the other; longest shared passage 64 words',
    });
    expect(scoresInWords({ title: 1, answers: 1, containment: 1, passageWords: 120 }).id).toBe(
      'judul sama, 100% jawaban sama; bagian terpanjang yang sama 120 kata',
    );
  });
});

describe('one side of a passage', () => {
  const text = 'Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas';
  it('cuts the passage and a little context at word boundaries', () => {
    const start = text.indexOf('lima');
    const end = text.indexOf(' tujuh');
    expect(snippetOf(text, start, end, 10)).toEqual({
      before: '… empat ',
      shared: 'lima enam',
      after: ' tujuh …',
    });
    expect(snippetOf(text, 0, 4)).toEqual({ before: '', shared: 'Satu', after: text.slice(4) });
  });
});
