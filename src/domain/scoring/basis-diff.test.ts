import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBases, plainTopN, ranksOf } from './basis-diff.js';

describe('compareBases', () => {
  it('lists a proposal whose pass status normalization changes, with both scores and ranks', () => {
    const { changed, rows } = compareBases(
      [
        { proposalId: 1, raw: 86, normalized: 84 },
        { proposalId: 2, raw: 84, normalized: 87 },
        { proposalId: 3, raw: 90, normalized: 91 },
        { proposalId: 4, raw: null, normalized: null },
      ],
      { passMark: 85 },
    );
    expect(changed).toEqual([
      {
        proposalId: 1,
        raw: { score: 86, rank: 2, passes: true, shortlisted: null },
        normalized: { score: 84, rank: 3, passes: false, shortlisted: null },
        changes: ['pass'],
      },
      {
        proposalId: 2,
        raw: { score: 84, rank: 3, passes: false, shortlisted: null },
        normalized: { score: 87, rank: 2, passes: true, shortlisted: null },
        changes: ['pass'],
      },
    ]);
    expect(rows.find((r) => r.proposalId === 4)!.raw).toEqual({
      score: null,
      rank: null,
      passes: null,
      shortlisted: null,
    });
  });

  it('lists the shortlist changes of the plain top N per group (ties by id)', () => {
    const groupOf = new Map([
      [1, 'umum'],
      [2, 'umum'],
      [3, 'umum'],
      [4, 'replikasi'],
    ]);
    const short = plainTopN(
      groupOf,
      new Map([
        ['umum', 2],
        ['replikasi', 1],
      ]),
    );
    const { changed } = compareBases(
      [
        { proposalId: 1, raw: 80, normalized: 70 },
        { proposalId: 2, raw: 75, normalized: 75 },
        { proposalId: 3, raw: 70, normalized: 75 },
        { proposalId: 4, raw: 50, normalized: 40 },
      ],
      { passMark: null, shortlist: short },
    );
    expect(
      changed.map((r) => [r.proposalId, r.changes, r.raw.shortlisted, r.normalized.shortlisted]),
    ).toEqual([
      [1, ['shortlist'], true, false],
      [3, ['shortlist'], false, true],
    ]);
  });

  it('flags exactly the proposals whose pass or shortlist status differs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), {
          maxLength: 25,
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 8 }),
        (pairs, passMark, n) => {
          const rows = pairs.map(([raw, normalized], i) => ({ proposalId: i + 1, raw, normalized }));
          const groupOf = new Map(rows.map((r) => [r.proposalId, r.proposalId % 2 ? 'a' : 'b']));
          const short = plainTopN(
            groupOf,
            new Map([
              ['a', n],
              ['b', n],
            ]),
          );
          const { changed } = compareBases(rows, { passMark, shortlist: short });
          // independently: the sets under each basis, then their symmetric difference
          const passRaw = new Set(rows.filter((r) => r.raw >= passMark).map((r) => r.proposalId));
          const passNorm = new Set(rows.filter((r) => r.normalized >= passMark).map((r) => r.proposalId));
          const top = (pick: 'raw' | 'normalized', g: string) =>
            rows
              .filter((r) => groupOf.get(r.proposalId) === g)
              .sort((x, y) => y[pick] - x[pick] || x.proposalId - y.proposalId)
              .slice(0, n)
              .map((r) => r.proposalId);
          const shortRaw = new Set([...top('raw', 'a'), ...top('raw', 'b')]);
          const shortNorm = new Set([...top('normalized', 'a'), ...top('normalized', 'b')]);
          const expected = rows
            .filter(
              (r) =>
                passRaw.has(r.proposalId) !== passNorm.has(r.proposalId) ||
                shortRaw.has(r.proposalId) !== shortNorm.has(r.proposalId),
            )
            .map((r) => r.proposalId);
          expect(changed.map((r) => r.proposalId)).toEqual(expected);
        },
      ),
    );
  });

  it('ranks by score, then id', () => {
    expect([
      ...ranksOf(
        new Map([
          [3, 80],
          [1, 80],
          [2, 90],
        ]),
      ).entries(),
    ]).toEqual([
      [2, 1],
      [1, 2],
      [3, 3],
    ]);
  });
});
