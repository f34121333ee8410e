import { describe, expect, it } from 'vitest';
import type { AssignmentProposal, AssignmentReviewer } from './model.js';
import { assignReviewers } from './solve.js';

const reviewer = (id: number, over: Partial<AssignmentReviewer> = {}): AssignmentReviewer => ({
  id,
  capacity: null,
  currentLoad: 0,
  expertise: [],
  conflictInstitutionIds: [],
  ...over,
});
const proposal = (id: number, over: Partial<AssignmentProposal> = {}): AssignmentProposal => ({
  id,
  institutionId: 1,
  categoryKey: 'a',
  regionCode: '32',
  need: 2,
  excludedReviewerIds: [],
  ...over,
});
const pairsOf = (result: ReturnType<typeof assignReviewers>) =>
  result.pairs.map((p) => [p.proposalId, p.reviewerId]);

describe('assignReviewers', () => {
  it('puts balance before expertise, even when balancing costs three expertise misses', () => {
    // Three proposals, each with two allowed reviewers; the experts' choice leaves D idle (loads 2,1,1,0),
    // the balanced one shifts every proposal one step along the chain (1,1,1,1) at three misses.
    const result = assignReviewers({
      reviewers: [
        reviewer(1, { currentLoad: 1, expertise: ['a'], conflictInstitutionIds: [2, 3] }),
        reviewer(2, { expertise: ['b'], conflictInstitutionIds: [3] }),
        reviewer(3, { expertise: ['c'], conflictInstitutionIds: [1] }),
        reviewer(4, { conflictInstitutionIds: [1, 2] }),
      ],
      proposals: [
        proposal(11, { institutionId: 1, categoryKey: 'a', need: 1 }),
        proposal(12, { institutionId: 2, categoryKey: 'b', need: 1 }),
        proposal(13, { institutionId: 3, categoryKey: 'c', need: 1 }),
      ],
    });
    expect(pairsOf(result)).toEqual([
      [11, 2],
      [12, 3],
      [13, 4],
    ]);
    expect(result.ok && result.cost).toMatchObject({ expertiseMisses: 3, maxLoad: 1, minLoad: 1 });
  });

  it('prefers the reviewers with the category when the balance is the same', () => {
    const result = assignReviewers({
      reviewers: [
        reviewer(1),
        reviewer(2, { expertise: ['a'] }),
        reviewer(3),
        reviewer(4, { expertise: ['a'] }),
      ],
      proposals: [proposal(11, { need: 2 })],
    });
    expect(pairsOf(result)).toEqual([
      [11, 2],
      [11, 4],
    ]);
    expect(result.ok && result.pairs.every((p) => p.expertiseMatch)).toBe(true);
  });

  it('late proposals: existing loads count, existing pairs stay, only the new proposals get pairs', () => {
    const result = assignReviewers({
      reviewers: [
        reviewer(1, { currentLoad: 5 }),
        reviewer(2, { currentLoad: 3 }),
        reviewer(3, { currentLoad: 3 }),
      ],
      proposals: [proposal(40, { need: 2 })],
    });
    expect(pairsOf(result)).toEqual([
      [40, 2],
      [40, 3],
    ]);
    expect(result.ok && result.loads).toEqual([
      { reviewerId: 1, before: 5, after: 5, capacity: null },
      { reviewerId: 2, before: 3, after: 4, capacity: null },
      { reviewerId: 3, before: 3, after: 4, capacity: null },
    ]);
  });

  it('a third reviewer after a gap: need 1, the two on it excluded, even when they are the experts and idle', () => {
    const result = assignReviewers({
      reviewers: [
        reviewer(1, { expertise: ['a'] }),
        reviewer(2, { expertise: ['a'] }),
        reviewer(3, { currentLoad: 4 }),
      ],
      proposals: [proposal(7, { need: 1, excludedReviewerIds: [1, 2] })],
    });
    expect(pairsOf(result)).toEqual([[7, 3]]);
  });

  it('never gives a reviewer its own institution, a declared one, or a proposal from its region under a regional rule', () => {
    const result = assignReviewers({
      reviewers: [
        reviewer(1, { conflictInstitutionIds: new Set([9]) }),
        reviewer(2, { conflictsWithRegion: (code) => code === '32' }),
        reviewer(6, { conflictRegionCodes: ['32'] }),
        reviewer(3),
        reviewer(4, { currentLoad: 1 }),
      ],
      proposals: [proposal(5, { institutionId: 9, regionCode: '32' })],
    });
    expect(pairsOf(result)).toEqual([
      [5, 3],
      [5, 4],
    ]);
  });

  it('splits a large class of interchangeable proposals so each gets distinct reviewers, loads within one', () => {
    const proposals = Array.from({ length: 50 }, (_, i) => proposal(100 + i, { need: 3 }));
    const reviewers = Array.from({ length: 7 }, (_, j) => reviewer(1 + j));
    const result = assignReviewers({ reviewers, proposals });
    if (!result.ok) throw new Error('expected an assignment');
    for (const p of proposals) {
      const mine = result.pairs.filter((x) => x.proposalId === p.id).map((x) => x.reviewerId);
      expect(new Set(mine).size).toBe(3);
    }
    expect(result.loads.map((l) => l.after).sort()).toEqual([21, 21, 21, 21, 22, 22, 22]);
  });

  it('assigns nothing when a proposal has too few conflict-free reviewers, and names only it', () => {
    const result = assignReviewers({
      reviewers: [
        reviewer(1, { conflictInstitutionIds: [2] }),
        reviewer(2),
        reviewer(3, { conflictInstitutionIds: [2] }),
      ],
      proposals: [proposal(10), proposal(11, { institutionId: 2 })],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.pairs).toEqual([]);
    expect(result.unserved).toEqual([
      {
        proposalId: 11,
        reason: { kind: 'too_few_reviewers', eligible: 1, need: 2 },
        message: {
          id: 'Hanya 1 penilai yang boleh menilai usulan ini (tanpa konflik kepentingan); usulan ini memerlukan 2.',
          en: 'Only 1 reviewer may judge this proposal (free of conflicts of interest); it needs 2.',
        },
      },
    ]);
    expect(result.message).toEqual({
      id: '1 usulan tidak dapat diberi penilai sesuai aturan; tidak ada penugasan yang dibuat.',
      en: '1 proposal cannot be given reviewers under the rules; nothing was assigned.',
    });
  });

  it('names a proposal whose eligible reviewers are at capacity', () => {
    const result = assignReviewers({
      reviewers: [
        reviewer(1, { capacity: 3, currentLoad: 3 }),
        reviewer(2),
        reviewer(3, { conflictInstitutionIds: [1] }),
      ],
      proposals: [proposal(10)],
    });
    expect(!result.ok && result.unserved.map((u) => [u.proposalId, u.reason])).toEqual([
      [10, { kind: 'reviewers_full', eligible: 2, withRoom: 1, need: 2 }],
    ]);
  });

  it('names the group that competes for too few places, not the proposal that can be served beside it', () => {
    const result = assignReviewers({
      reviewers: [
        reviewer(1, { capacity: 1 }),
        reviewer(2, { capacity: 1 }),
        reviewer(3, { conflictInstitutionIds: [1] }),
      ],
      proposals: [
        proposal(10, { need: 1 }),
        proposal(11, { need: 1 }),
        proposal(12, { need: 1 }),
        proposal(13, { need: 1, institutionId: 2 }),
      ],
    });
    if (result.ok) throw new Error('expected a shortage');
    const shortage = { kind: 'shortage', groupSize: 3, groupNeed: 3, placesLeft: 2, reviewerIds: [1, 2] };
    expect(result.unserved.map((u) => [u.proposalId, u.reason])).toEqual([
      [10, shortage],
      [11, shortage],
      [12, shortage],
    ]);
    expect(result.unserved[0].message.en).toBe(
      'This proposal and 2 others need 3 more reviews, but the reviewers allowed to judge them can take only 2 more. Raise a capacity or add a reviewer.',
    );
  });

  it('does nothing for proposals that need nobody', () => {
    const result = assignReviewers({ reviewers: [reviewer(1)], proposals: [proposal(10, { need: 0 })] });
    expect(result).toMatchObject({ ok: true, pairs: [], cost: { pairs: 0, maxLoad: 0, minLoad: 0 } });
  });

  it('refuses an instance whose costs would pass the exact range of a double rather than answer wrongly', () => {
    expect(() =>
      assignReviewers({
        reviewers: [reviewer(1, { currentLoad: 100_000_000 })],
        proposals: [proposal(1, { need: 1 })],
      }),
    ).toThrow(/too large/);
  });

  it('refuses input that cannot be right (a reviewer twice, a negative need)', () => {
    expect(() => assignReviewers({ reviewers: [reviewer(1), reviewer(1)], proposals: [] })).toThrow(/twice/);
    expect(() =>
      assignReviewers({ reviewers: [reviewer(1)], proposals: [proposal(1, { need: -1 })] }),
    ).toThrow(/bad need/);
  });
});
