import { describe, expect, it } from 'vitest';
import { matchesSearch, participationLines, participationTotals } from './participation-view.js';

const GROUPS = [
  { id: 1, key: 'umum', quota: 10 },
  { id: 2, key: 'replikasi', quota: 5 },
  { id: 3, key: 'khusus', quota: null },
];

describe('participation view', () => {
  const subjects = [
    { id: 10, name: 'Pemerintah Kabupaten Tangerang' },
    { id: 11, name: 'Pemerintah Kota Sleman' },
    { id: 12, name: 'Kementerian Uji' },
    { id: 13, name: 'PT Uji (Persero)' },
  ];
  const lines = participationLines(
    subjects,
    [
      { ownerId: 10, groupId: 1, state: 'forwarded', n: 2 },
      { ownerId: 10, groupId: 1, state: 'received', n: 1 },
      { ownerId: 10, groupId: 2, state: 'forwarded', n: 1 },
      { ownerId: 10, groupId: 1, state: 'draft', n: 4 },
      { ownerId: 11, groupId: 1, state: 'draft', n: 1 },
      { ownerId: 11, groupId: 2, state: 'sent_to_local_admin', n: 2 },
      { ownerId: 13, groupId: 1, state: 'withdrawn', n: 1 },
    ],
    GROUPS,
    'institution',
  );

  it('counts forwarded per group against the quota, the rest as in progress', () => {
    expect(lines.map((l) => [l.subject.id, l.status, l.forwarded, l.inProgress, l.remindable])).toEqual([
      [10, 'forwarded', 4, 4, false],
      [11, 'in_progress', 0, 3, true],
      [12, 'nothing', 0, 0, true],
      [13, 'in_progress', 0, 1, true],
    ]);
    expect(lines[0]!.groups).toEqual([
      { key: 'umum', forwarded: 3, quota: 10 },
      { key: 'replikasi', forwarded: 1, quota: 5 },
      { key: 'khusus', forwarded: 0, quota: null },
    ]);
  });

  it('totals every status', () =>
    expect(participationTotals(lines)).toEqual({ all: 4, forwarded: 1, inProgress: 2, nothing: 1 }));

  it('a unit is reminded only when it has nothing at all', () => {
    const units = participationLines(
      [{ id: 1 }, { id: 2 }],
      [{ ownerId: 1, groupId: 1, state: 'draft', n: 1 }],
      GROUPS,
      'unit',
    );
    expect(units.map((u) => [u.status, u.remindable])).toEqual([
      ['in_progress', false],
      ['nothing', true],
    ]);
  });

  const SEARCH: [string, string, boolean][] = [
    ['Pemerintah Kabupaten Sleman', 'Kab. Sleman', true],
    ['Pemerintah Kabupaten Sleman', 'pemkab sleman', true],
    ['Pemerintah Kota Sleman', 'Kab. Sleman', false],
    ['Pemerintah Provinsi Banten', 'Prov. Banten', true],
    ['Pemerintah Provinsi Banten', 'pemprov bant', true],
    ['Pemerintah Kabupaten Tangerang', 'tangerang', true],
    ['Pemerintah Kabupaten Tangerang', 'bekasi', false],
    ['Dinas Kependudukan', '', true],
  ];
  for (const [name, query, yes] of SEARCH)
    it(`"${query}" ${yes ? 'finds' : 'does not find'} ${name}`, () =>
      expect(matchesSearch(name, query)).toBe(yes));
});
