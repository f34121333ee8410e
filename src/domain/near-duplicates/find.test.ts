import { describe, expect, it } from 'vitest';
import { comparePair } from './compare.js';
import { findAgainstPast, findWithin } from './find.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { prepareProposal, type ProposalText } from './prepare.js';
import { seeded, syntheticProposal, vocabulary } from './soup.fixtures.js';
import {
  COPIED_FROM,
  COPIED_PARAGRAPH,
  COPIER,
  PAST_WINNER,
  RENAMED,
  REPEAT,
  SISTEM_DESA,
  SISTEM_KIA,
} from './texts.fixtures.js';

/** 300 past proposals in Indonesian-like text, with the past winner among them. */
function pastYears(): Map<number, ProposalText> {
  const random = seeded(2026);
  const vocab = vocabulary(3000, random);
  const past = new Map<number, ProposalText>();
  for (let id = 1; id <= 300; id++) past.set(id, syntheticProposal(id, random, vocab));
  past.set(PAST_WINNER.id, PAST_WINNER);
  return past;
}

function indexOf(past: Map<number, ProposalText>): NearDuplicateIndex {
  return NearDuplicateIndex.build(
    [...past.values()].map((p) => ({ id: p.id, fingerprint: prepareProposal(p).fingerprint })),
  );
}

describe('near-duplicates against past years', () => {
  it('finds a renamed past winner (new title, sentences swapped, words changed) with a high score, asking only for the candidates’ texts', () => {
    const past = pastYears();
    const asked: number[] = [];
    const matches = findAgainstPast([prepareProposal(RENAMED)], indexOf(past), (id) => {
      asked.push(id);
      return past.get(id);
    });
    expect(matches.map((m) => [m.a, m.b, m.verdict])).toEqual([[RENAMED.id, PAST_WINNER.id, 'renamed']]);
    const { scores } = matches[0];
    expect(scores.answersJaccard).toBeGreaterThanOrEqual(0.6);
    expect(scores.containmentAInB).toBeGreaterThanOrEqual(0.75);
    expect(scores.title).toBeLessThan(0.6);
    expect(asked).toEqual([PAST_WINNER.id]);
    // The passages: the summary's unchanged start (one changed word inside), the two swapped sentences, the
    // novelty answer (one changed word inside).
    const text = (p: ProposalText, key: string) => p.answers.find((a) => a.key === key)!.text;
    const sides = matches[0].passages.map((p) => [
      text(RENAMED, p.a.answerKey).slice(p.a.start, p.a.end),
      text(PAST_WINNER, p.b.answerKey).slice(p.b.start, p.b.end),
    ]);
    expect(sides).toHaveLength(4);
    expect(sides[0][0]).toMatch(/^Banyak warga lanjut usia di kecamatan pantai .* keliling$/);
    expect(sides[0][1]).toMatch(/^Banyak warga lanjut usia di kecamatan pesisir .* keliling$/);
    expect(sides[1]).toEqual([
      'Selama dua tahun pelaksanaan, lebih dari lima ribu warga lansia telah memiliki dokumen kependudukan yang sah',
      'Selama dua tahun pelaksanaan, lebih dari empat ribu warga lansia telah memiliki dokumen kependudukan yang sah',
    ]);
    // It ends before the changed "tiga" → "dua": the two words after it are fewer than a shingle.
    expect(sides[2][0]).toBe(
      'Data sidik jari, foto dan tanda tangan direkam di tempat, lalu kartu dicetak di kantor kecamatan dan diantar oleh kader desa dalam',
    );
    expect(sides[3]).toEqual([
      text(RENAMED, 'kebaruan').slice(0, -1),
      text(PAST_WINNER, 'kebaruan').slice(0, -1),
    ]);
  });

  it('the same innovation entered again under its own name, spelled differently, is `same` (a repeat winner)', () => {
    const past = pastYears();
    const matches = findAgainstPast([prepareProposal(REPEAT)], indexOf(past), (id) => past.get(id));
    expect(matches.map((m) => [m.a, m.b, m.verdict, m.scores.answersJaccard])).toEqual([
      [REPEAT.id, PAST_WINNER.id, 'same', 1],
    ]);
    expect(matches[0].scores.title).toBeGreaterThanOrEqual(0.6);
  });

  it('does not flag this year’s new innovations that resemble no past one', () => {
    const past = pastYears();
    const random = seeded(7);
    const vocab = vocabulary(3000, random);
    const fresh = Array.from({ length: 50 }, (_, i) =>
      prepareProposal(syntheticProposal(1000 + i, random, vocab)),
    );
    expect(
      findAgainstPast([...fresh, prepareProposal(SISTEM_DESA)], indexOf(past), (id) => past.get(id)),
    ).toEqual([]);
  });
});

describe('near-duplicates among this year’s proposals', () => {
  it('finds a copied 60-word paragraph as copied_passage, with its exact offsets in both proposals', () => {
    expect(COPIED_PARAGRAPH.split(' ')).toHaveLength(60);
    const matches = findWithin([COPIER, SISTEM_DESA, COPIED_FROM, SISTEM_KIA].map(prepareProposal));
    expect(matches.map((m) => [m.a, m.b, m.verdict])).toEqual([
      [COPIER.id, COPIED_FROM.id, 'copied_passage'],
    ]);
    const [m] = matches;
    expect(m.scores.answersJaccard).toBeLessThan(0.5);
    expect(m.scores.longestPassageWords).toBe(60);
    const inCopier = COPIER.answers[0].text.indexOf(COPIED_PARAGRAPH);
    expect(m.passages).toEqual([
      {
        a: { answerKey: 'ringkasan', start: inCopier, end: inCopier + COPIED_PARAGRAPH.length, words: 60 },
        b: { answerKey: 'keberlanjutan', start: 0, end: COPIED_PARAGRAPH.length, words: 60 },
      },
    ]);
  });

  it('does not flag two different innovations with a common title word and the same boilerplate lines', () => {
    const [desa, kia] = [SISTEM_DESA, SISTEM_KIA].map(prepareProposal);
    expect(findWithin([desa, kia])).toEqual([]);
    expect(comparePair(desa, kia)).toBeNull();
    expect(comparePair(kia, desa)).toBeNull();
  });

  it('reports each pair once, in the given order, and refuses a proposal given twice', () => {
    const within = findWithin([COPIED_FROM, PAST_WINNER, COPIER, REPEAT].map(prepareProposal));
    expect(within.map((m) => [m.a, m.b, m.verdict])).toEqual([
      [COPIED_FROM.id, COPIER.id, 'copied_passage'],
      [PAST_WINNER.id, REPEAT.id, 'same'],
    ]);
    expect(() => findWithin([prepareProposal(COPIER), prepareProposal(COPIER)])).toThrow(/given twice/);
  });

  it('empty and tiny answers match nothing, even when identical', () => {
    const tiny = (id: number): ProposalText => ({
      id,
      title: 'Si Jempol',
      answers: [
        { key: 'ringkasan', text: 'Tidak ada.' },
        { key: 'kebaruan', text: '' },
      ],
    });
    const none = (id: number): ProposalText => ({ id, title: '', answers: [] });
    const prepared = [tiny(1), tiny(2), none(3), none(4)].map(prepareProposal);
    expect(prepared[0].fingerprint).toEqual({ signature: null, marks: new Uint32Array(0) });
    expect(findWithin(prepared)).toEqual([]);
    expect(comparePair(prepared[0], prepared[1])).toBeNull();
    const index = NearDuplicateIndex.build(prepared.map((p) => ({ id: p.id, fingerprint: p.fingerprint })));
    expect(index.candidates(prepared[0].fingerprint)).toEqual([]);
  });
});
