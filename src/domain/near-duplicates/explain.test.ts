import { describe, expect, it } from 'vitest';
import { mergeRuns, sharedPassages, sharedRuns } from './explain.js';
import { prepareAnswer } from './shingles.js';

const answers = (...texts: string[]) => texts.map((text, i) => prepareAnswer({ key: `s${i}`, text }));

const A = 'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas';

describe('shared passages', () => {
  it('a shared run of shingles is one passage, mapped to the exact characters in each text', () => {
    const a = answers(`Awal lain sekali. ${A}. Akhir berbeda.`);
    const b = answers(`Pembuka: ${A}!`);
    const [p] = sharedPassages(a, b);
    expect(a[0].text.slice(p.a.start, p.a.end)).toBe(A);
    expect(b[0].text.slice(p.b.start, p.b.end)).toBe(A);
    expect([p.a.words, p.b.words]).toEqual([15, 15]);
  });

  it('one changed word splits the run of shingles but not the passage', () => {
    const a = answers(A);
    const b = answers(A.replace('tujuh', 'seven'));
    expect(sharedRuns(a, b)).toHaveLength(2);
    const passages = sharedPassages(a, b);
    expect(passages.map((p) => [p.a.start, p.a.end, p.b.start, p.b.end])).toEqual([
      [0, A.length, 0, A.length],
    ]);
  });

  it('a sentence moved elsewhere is its own passage, on its own place in each text', () => {
    const first = 'kader desa mencatat berat badan balita setiap bulan di posyandu';
    const second = 'orang tua menerima pengingat imunisasi lewat pesan singkat dari puskesmas';
    const a = answers(`${first}. ${second}.`);
    const b = answers(`${second}. ${first}.`);
    const ps = sharedPassages(a, b).map((p) => [
      a[0].text.slice(p.a.start, p.a.end),
      b[0].text.slice(p.b.start, p.b.end),
    ]);
    expect(ps).toEqual([
      [first, first],
      [second, second],
    ]);
  });

  it('a passage may lie in another section of the other proposal; runs never span two sections', () => {
    const a = answers('x y z', A);
    const b = answers(`${A.split(' ').slice(0, 6).join(' ')}`, `${A.split(' ').slice(6).join(' ')}`);
    const spans = mergeRuns(sharedRuns(a, b));
    expect(spans.map((s) => [s.aAnswer, s.bAnswer])).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  it('phrases shorter than 8 words are not shown; tiny and empty answers share nothing', () => {
    expect(
      sharedPassages(
        answers('dalam rangka meningkatkan kualitas pelayanan kami'),
        answers('dalam rangka meningkatkan kualitas pelayanan mereka'),
      ),
    ).toEqual([]);
    expect(sharedPassages(answers('', 'dua kata'), answers('', 'dua kata'))).toEqual([]);
  });
});
