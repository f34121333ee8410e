import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { prepareProposal, type Fingerprint } from './prepare.js';
import { lightlyEdited, seeded, soup, syntheticProposal, vocabulary } from './soup.fixtures.js';

describe('the index of past proposals', () => {
  const random = seeded(1414);
  const vocab = vocabulary(3000, random);
  const past = Array.from({ length: 1500 }, (_, i) => syntheticProposal(i + 1, random, vocab));
  const index = NearDuplicateIndex.build(
    past.map((p) => ({ id: p.id, fingerprint: prepareProposal(p).fingerprint })),
  );

  it('finds every lightly edited re-submission of 60 past proposals first, among 1,500', () => {
    for (let n = 0; n < 60; n++) {
      const source = past[n * 25];
      const edited = prepareProposal({
        ...source,
        id: 90_000 + n,
        answers: source.answers.map((a) => ({ ...a, text: lightlyEdited(a.text, random, vocab) })),
      });
      const [first] = index.candidates(edited.fingerprint);
      expect(first?.id).toBe(source.id);
      expect(first.estimate).toBeGreaterThan(0.4);
    }
  });

  it('meets few of the others: unrelated proposals are rarely candidates', () => {
    let candidates = 0;
    for (let n = 0; n < 100; n++)
      candidates += index.candidates(
        prepareProposal(syntheticProposal(50_000 + n, random, vocab)).fingerprint,
      ).length;
    expect(candidates / 100).toBeLessThan(1);
  });

  it('a paragraph copied into a long proposal makes it a candidate by its marks, though the signatures differ', () => {
    const source = past[700];
    const paragraph = source.answers[1].text.split(' ').slice(10, 50).join(' ');
    const copier = prepareProposal({
      id: 80_000,
      title: 'Lain',
      answers: [
        { key: 'ringkasan', text: `${soup(400, random, vocab)} ${paragraph} ${soup(400, random, vocab)}` },
      ],
    });
    const found = index.candidates(copier.fingerprint).find((c) => c.id === source.id);
    expect(found?.sharedMarks).toBeGreaterThanOrEqual(2);
    expect(found!.estimate).toBeLessThan(0.2);
  });

  it('ignores a mark shared by more proposals than the boilerplate bound, and keeps its own filter', () => {
    const shared: Fingerprint = { signature: null, marks: Uint32Array.from([1, 2]) };
    const many = NearDuplicateIndex.build(
      Array.from({ length: 80 }, (_, i) => ({
        id: i,
        fingerprint: i < 51 ? shared : { signature: null, marks: Uint32Array.from([2, 3]) },
      })),
    );
    expect(many.boilerplateAbove).toBe(50);
    // Mark 1 is in 51 proposals (boilerplate), mark 2 in all 80: nothing is shared that counts.
    expect(many.candidates(shared)).toEqual([]);
    const few = NearDuplicateIndex.build(
      Array.from({ length: 5 }, (_, i) => ({ id: i, fingerprint: shared })),
    );
    expect(few.candidates(shared, (id) => id !== 0).map((c) => [c.id, c.sharedMarks])).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 2],
    ]);
  });
});
