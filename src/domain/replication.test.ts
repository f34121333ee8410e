import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  answeredRefusal,
  declineReasonProblem,
  duplicateOpenRefusal,
  replicationCounts,
  replicationStats,
  toSelfRefusal,
} from './replication.js';

const codeOf = (e: AppError | null) => (e ? [e.status, e.code] : null);

describe('replication rules', () => {
  it('refuses a request to one’s own institution, its parent or an institution under it (422)', () => {
    expect(codeOf(toSelfRefusal([5], [5]))).toEqual([422, 'replication_to_self']);
    // The requester is under the owner, and the owner under the requester.
    expect(codeOf(toSelfRefusal([5], [9, 5]))).toEqual([422, 'replication_to_self']);
    expect(codeOf(toSelfRefusal([9, 5, 1], [5, 1]))).toEqual([422, 'replication_to_self']);
    expect(toSelfRefusal([5], [9])).toBeNull();
    // Siblings under one parent are different institutions.
    expect(toSelfRefusal([5, 1], [9, 1])).toBeNull();
  });

  it('refuses a second open request with 409 and says so in both languages', () => {
    const e = duplicateOpenRefusal();
    expect([e.status, e.code]).toEqual([409, 'replication_already_requested']);
    expect(e.text.id).toContain('sudah mengajukan');
    expect(e.text.en).toContain('already asked');
  });

  it('lets only an open request be answered or withdrawn: an answered one is final', () => {
    expect(answeredRefusal('requested')).toBeNull();
    for (const state of ['accepted', 'declined', 'withdrawn'] as const)
      expect(codeOf(answeredRefusal(state))).toEqual([409, 'replication_answered']);
  });

  it('requires a decline reason on the field `reason`', () => {
    for (const blank of [undefined, null, '', '   ']) {
      const e = declineReasonProblem(blank);
      expect(codeOf(e)).toEqual([400, 'validation_failed']);
      expect(e?.fields.reason?.code).toBe('required');
      expect(e?.fields.reason?.message.id).toBe('Tuliskan alasan penolakan.');
    }
    expect(declineReasonProblem('Belum')?.fields.reason?.code).toBe('too_short');
    expect(declineReasonProblem('Anggaran tahun ini belum tersedia.')).toBeNull();
  });

  it('counts replications, distinct institutions and distinct provinces', () => {
    expect(replicationCounts([])).toEqual({ replications: 0, institutions: 0, regions: 0 });
    expect(
      replicationCounts([
        { institutionKey: 'i:1', provinceCode: '32' },
        { institutionKey: 'i:1', provinceCode: '32' },
        { institutionKey: 'i:2', provinceCode: '32' },
        { institutionKey: 'i:3', provinceCode: null },
      ]),
    ).toEqual({ replications: 4, institutions: 3, regions: 1 });
  });
});

describe('replicationStats', () => {
  it('keeps the ten first innovations and institutions, every province, and counts those without a province', () => {
    const innovations = Array.from({ length: 12 }, (_, i) => ({ slug: `s${i}`, count: 12 - i }));
    const institutions = Array.from({ length: 11 }, (_, i) => ({
      institutionId: i,
      name: `I${i}`,
      count: 1,
    }));
    const stats = replicationStats({
      byInnovation: [...innovations, { slug: 'none', count: 0 }],
      byInstitution: institutions,
      byRegion: [
        { provinceCode: '32', name: 'Jawa Barat', count: 70 },
        { provinceCode: '36', name: 'Banten', count: 5 },
      ],
    });
    // 12 + 11 + … + 1 = 78 replications; 75 in a province.
    expect(stats.total).toBe(78);
    expect(stats.innovations.map((i) => i.slug)).toEqual(innovations.slice(0, 10).map((i) => i.slug));
    expect(stats.institutions).toEqual(institutions.slice(0, 10).map((i) => ({ name: i.name, count: 1 })));
    expect(stats.provinces).toEqual([
      { code: '32', name: 'Jawa Barat', count: 70 },
      { code: '36', name: 'Banten', count: 5 },
    ]);
    expect(stats.withoutProvince).toBe(3);
  });
});
