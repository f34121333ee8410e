import { describe, expect, it } from 'vitest';
import { selectFinalists } from './select.js';
import type { FinalistCandidate, FinalistsInput } from './types.js';

const c = (id: number, score: number, over: Partial<FinalistCandidate> = {}): FinalistCandidate => ({
  id,
  score,
  groupKey: 'umum',
  categoryKey: 'pendidikan',
  participantType: 'pemerintah_kabupaten',
  regionCode: '33.01',
  ...over,
});

const base = (over: Partial<FinalistsInput>): FinalistsInput => ({
  candidates: [],
  passMark: 85,
  perGroup: { umum: 3 },
  quotas: [],
  threeTRegions: ['91.01'],
  ...over,
});

describe('selectFinalists: cases', () => {
  it('without binding quotas takes the plain top N by score, then id, and runs no solver', async () => {
    const r = await selectFinalists(
      base({
        candidates: [c(5, 90), c(2, 90), c(3, 88), c(4, 87), c(1, 84)],
        quotas: [{ key: 'max-k', dimension: 'category', value: 'kesehatan', max: 1 }],
      }),
    );
    expect(r.feasible).toBe(true);
    if (!r.feasible) return;
    expect(r.selected).toEqual([2, 5, 3]);
    expect(r.plainTop).toEqual([2, 5, 3]);
    expect(r.stats.method).toBe('plain');
    expect(r.explanations.find((e) => e.id === 4)).toMatchObject({ reason: 'below_cut', rankInGroup: 4 });
    expect(r.explanations.find((e) => e.id === 1)!.text.id).toBe(
      'Peringkat 5 di kelompok umum (nilai 84,00): di bawah nilai batas lulus 85,00.',
    );
  });

  it('names a group by its display name when the input gives one ("kelompok Umum"), by its key otherwise', async () => {
    const r = await selectFinalists(
      base({
        candidates: [c(1, 95), c(2, 90, { groupKey: 'replikasi' })],
        perGroup: { umum: 3, replikasi: 1 },
        groupLabels: { umum: { id: 'Umum', en: 'General' } },
      }),
    );
    expect(r.feasible).toBe(true);
    if (!r.feasible) return;
    const of = (id: number) => r.explanations.find((e) => e.id === id)!.text;
    expect(of(1)).toEqual({
      id: 'Peringkat 1 di kelompok Umum (nilai 95,00): masuk 3 besar.',
      en: 'Rank 1 in group General (score 95.00): within the top 3.',
    });
    expect(of(2).id).toBe('Peringkat 1 di kelompok replikasi (nilai 90,00): masuk 1 besar.');
  });

  it('a 3T minimum puts in a proposal below the cut and names the quota; the one it displaced says why', async () => {
    const r = await selectFinalists(
      base({
        candidates: [c(1, 95), c(2, 93), c(3, 91), c(4, 86, { regionCode: '91.01' })],
        quotas: [{ key: 'min-3t', dimension: 'is3T', value: 'true', min: 1 }],
      }),
    );
    expect(r.feasible).toBe(true);
    if (!r.feasible) return;
    expect(r.stats.method).toBe('mip');
    expect(r.selected).toEqual([1, 2, 4]);
    expect(r.addedByQuotas).toEqual([4]);
    expect(r.removedByQuotas).toEqual([3]);
    const in4 = r.explanations.find((e) => e.id === 4)!;
    expect(in4).toMatchObject({ reason: 'quota_min', quotas: ['min-3t'], rankInGroup: 4, selected: true });
    expect(in4.text.id).toBe(
      'Peringkat 4 di kelompok umum (nilai 86,00): di bawah batas 3 besar, masuk karena kuota minimum daerah 3T (minimal 1).',
    );
    expect(in4.text.en).toBe(
      'Rank 4 in group umum (score 86.00): below the top-3 cut, selected by the minimum for 3T regions (at least 1).',
    );
    const out3 = r.explanations.find((e) => e.id === 3)!;
    expect(out3).toMatchObject({
      reason: 'displaced',
      quotas: ['min-3t'],
      selected: false,
      inPlainTop: true,
    });
    expect(r.quotas).toEqual([
      expect.objectContaining({ key: 'min-3t', min: 1, available: 1, plainCount: 0, selectedCount: 1 }),
    ]);
  });

  it('a category maximum keeps out a proposal above the cut ("maximum for kategori Kesehatan reached")', async () => {
    const kes = { categoryKey: 'kesehatan' };
    const r = await selectFinalists(
      base({
        candidates: [c(1, 99, kes), c(2, 98, kes), c(3, 97, kes), c(4, 90), c(5, 89)],
        quotas: [
          {
            key: 'max-kes',
            dimension: 'category',
            value: 'kesehatan',
            max: 2,
            label: { id: 'kategori Kesehatan', en: 'category Kesehatan' },
          },
        ],
      }),
    );
    expect(r.feasible).toBe(true);
    if (!r.feasible) return;
    expect(r.selected).toEqual([1, 2, 4]);
    const out = r.explanations.find((e) => e.id === 3)!;
    expect(out).toMatchObject({ reason: 'quota_max', quotas: ['max-kes'] });
    expect(out.text.en).toBe(
      'Rank 3 in group umum (score 97.00): above the top-3 cut, not selected: the maximum for category Kesehatan (at most 2) was reached.',
    );
    expect(r.explanations.find((e) => e.id === 4)).toMatchObject({
      reason: 'freed_place',
      quotas: ['max-kes'],
    });
  });

  it('breaks equal scores by id inside the quotas too', async () => {
    const r = await selectFinalists(
      base({
        perGroup: { umum: 2 },
        candidates: [
          c(9, 90, { regionCode: '91.01' }),
          c(7, 90, { regionCode: '91.01' }),
          c(1, 95),
          c(2, 94),
        ],
        quotas: [{ key: 'min-3t', dimension: 'is3T', value: 'true', min: 1 }],
      }),
    );
    expect(r.feasible && r.selected).toEqual([1, 7]);
  });

  it('counts a quota within one group when it is scoped to it', async () => {
    const r = await selectFinalists(
      base({
        perGroup: { umum: 1, replikasi: 1 },
        candidates: [
          c(1, 95),
          c(2, 90, { groupKey: 'replikasi', participantType: 'pemerintah_kota' }),
          c(3, 88, { participantType: 'pemerintah_kota' }),
        ],
        quotas: [
          {
            key: 'min-kota-umum',
            dimension: 'participantType',
            value: 'pemerintah_kota',
            group: 'umum',
            min: 1,
          },
        ],
      }),
    );
    expect(r.feasible && r.selected).toEqual([2, 3]);
  });

  it('models only the candidates the optimum can need', async () => {
    const many = Array.from({ length: 50 }, (_, i) => c(i + 1, 99 - i / 10));
    const r = await selectFinalists(
      base({
        candidates: [...many, c(100, 86, { regionCode: '91.01' })],
        quotas: [{ key: 'min-3t', dimension: 'is3T', value: 'true', min: 1 }],
      }),
    );
    expect(r.feasible && r.selected).toEqual([1, 2, 100]);
    expect(r.stats).toMatchObject({ candidates: 51, eligible: 51, modelled: 4, method: 'mip', solves: 2 });
  });
});

describe('selectFinalists: quotas that cannot be met', () => {
  it('names a minimum above the passing candidates it counts, and selects nothing', async () => {
    const r = await selectFinalists(
      base({
        candidates: [c(1, 95), c(2, 80, { regionCode: '91.01' })],
        quotas: [{ key: 'min-3t', dimension: 'is3T', value: 'true', min: 1 }],
      }),
    );
    expect(r.feasible).toBe(false);
    if (r.feasible) return;
    expect(r.selected).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ key: 'min-3t', reason: 'not_enough_candidates', min: 1, available: 0 }),
    ]);
    expect(r.text.id).toContain('Kuota daerah 3T: minimum 1, tetapi hanya 0 usulan yang lulus nilai batas.');
    expect(r.text.en).toContain('nothing is selected');
  });

  it('names a minimum above its maximum, and a minimum above the places', async () => {
    const r = await selectFinalists(
      base({
        perGroup: { umum: 1 },
        candidates: [c(1, 95), c(2, 94)],
        quotas: [
          { key: 'a', dimension: 'category', value: 'pendidikan', min: 2, max: 1 },
          { key: 'b', dimension: 'participantType', value: 'pemerintah_kabupaten', min: 2 },
        ],
      }),
    );
    expect(!r.feasible && r.problems.map((p) => [p.key, p.reason, p.places])).toEqual([
      ['a', 'min_above_max', 1],
      ['b', 'not_enough_places', 1],
    ]);
  });

  it('names a minimum that the maximums forbid', async () => {
    const r = await selectFinalists(
      base({
        candidates: [c(1, 95, { regionCode: '91.01' }), c(2, 94, { regionCode: '91.01' }), c(3, 93)],
        quotas: [
          { key: 'min-3t', dimension: 'is3T', value: 'true', min: 2 },
          { key: 'max-papua', dimension: 'province', value: '91', max: 1 },
        ],
      }),
    );
    expect(!r.feasible && r.problems.map((p) => [p.key, p.reason])).toEqual([
      ['min-3t', 'min_against_limits'],
    ]);
  });

  it('says when each quota alone can be met but not all together', async () => {
    const r = await selectFinalists(
      base({
        perGroup: { umum: 2 },
        candidates: [
          c(1, 95, { categoryKey: 'a' }),
          c(2, 94, { categoryKey: 'a' }),
          c(3, 93, { categoryKey: 'b' }),
          c(4, 92, { categoryKey: 'b' }),
        ],
        quotas: [
          { key: 'min-a', dimension: 'category', value: 'a', min: 2 },
          { key: 'min-b', dimension: 'category', value: 'b', min: 1 },
        ],
      }),
    );
    expect(!r.feasible && r.problems.map((p) => [p.key, p.reason])).toEqual([
      ['min-a', 'combination'],
      ['min-b', 'combination'],
    ]);
  });
});
