import { comparePair, type NearDuplicateMatch } from './compare.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { prepareProposal, type PreparedProposal, type ProposalText } from './prepare.js';

/*
 * The two checks of issue 14 point 5, over an index (near-duplicate-index.ts) and the exact comparison
 * (compare.ts):
 *  - this year's proposals against the past ones: a past proposal renamed, a repeat (`same`), a passage
 *    copied from a past proposal; `a` is this year's proposal, `b` the past one;
 *  - this year's proposals among themselves: text copied between two of them; `a` comes before `b` in the
 *    given order and each pair is reported once.
 * The past proposals' texts are asked for only for the candidates (`pastText`), each once. Pure: no I/O.
 */

const byStrength = (x: NearDuplicateMatch, y: NearDuplicateMatch) =>
  x.a - y.a ||
  y.scores.answersJaccard - x.scores.answersJaccard ||
  y.scores.longestPassageWords - x.scores.longestPassageWords ||
  x.b - y.b;

export function findAgainstPast(
  current: readonly PreparedProposal[],
  past: NearDuplicateIndex,
  pastText: (id: number) => ProposalText | undefined,
): NearDuplicateMatch[] {
  const prepared = new Map<number, PreparedProposal | null>();
  const pastOne = (id: number) => {
    if (!prepared.has(id)) {
      const text = pastText(id);
      prepared.set(id, text ? prepareProposal(text) : null);
    }
    return prepared.get(id) ?? null;
  };
  const matches: NearDuplicateMatch[] = [];
  for (const p of current)
    for (const c of past.candidates(p.fingerprint, (id) => id !== p.id)) {
      const other = pastOne(c.id);
      const match = other && comparePair(p, other);
      if (match) matches.push(match);
    }
  return matches.sort(byStrength);
}

export function findWithin(proposals: readonly PreparedProposal[]): NearDuplicateMatch[] {
  const position = new Map<number, number>();
  proposals.forEach((p, i) => {
    if (position.has(p.id)) throw new Error(`proposal ${p.id} given twice`);
    position.set(p.id, i);
  });
  const index = NearDuplicateIndex.build(proposals.map((p) => ({ id: p.id, fingerprint: p.fingerprint })));
  const matches: NearDuplicateMatch[] = [];
  proposals.forEach((p, i) => {
    for (const c of index.candidates(p.fingerprint, (id) => position.get(id)! > i)) {
      const match = comparePair(p, proposals[position.get(c.id)!]);
      if (match) matches.push(match);
    }
  });
  return matches.sort(
    (x, y) => position.get(x.a)! - position.get(y.a)! || byStrength({ ...x, a: 0 }, { ...y, a: 0 }),
  );
}
