import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conflictedInstitutions,
  conflictPredicate,
  conflictReasons,
  parseRegionalRule,
  reasonText,
  REGIONAL_RULES,
  type InstitutionFacts,
  type RegionalRule,
  type ReviewerConflictFacts,
} from './conflicts.js';

const reviewer = (over: Partial<ReviewerConflictFacts> = {}): ReviewerConflictFacts => ({
  affiliationInstitutionId: null,
  regionCode: null,
  conflicts: [],
  ...over,
});
const inst = (
  id: number,
  regionCode: string | null = null,
  parentId: number | null = null,
): InstitutionFacts => ({
  id,
  regionCode,
  parentId,
});

// Institutions of the examples: a ministry (no region), Jawa Barat (32), its regency Bandung (32.04),
// the city of Bandung (32.73), Jawa Tengah (33), and a BUMD owned by Jawa Barat.
const KEMENTERIAN = inst(1);
const JABAR = inst(2, '32');
const KAB_BANDUNG = inst(3, '32.04');
const KOTA_BANDUNG = inst(4, '32.73');
const JATENG = inst(5, '33');
const BUMD_JABAR = inst(6, '32', 2);

describe('conflicts: the reasons', () => {
  const table: [string, ReviewerConflictFacts, InstitutionFacts, RegionalRule, string[]][] = [
    ['no facts: no conflict', reviewer(), JABAR, 'same_province', []],
    ['own institution', reviewer({ affiliationInstitutionId: 3 }), KAB_BANDUNG, 'none', ['own_institution']],
    [
      'an institution under the affiliation',
      reviewer({ affiliationInstitutionId: 2 }),
      BUMD_JABAR,
      'none',
      ['parent_institution'],
    ],
    [
      'declared row',
      reviewer({ conflicts: [{ institutionId: 5, source: 'declared', note: 'alumni' }] }),
      JATENG,
      'none',
      ['declared'],
    ],
    [
      'organizer row',
      reviewer({ conflicts: [{ institutionId: 5, source: 'organizer', note: null }] }),
      JATENG,
      'none',
      ['organizer'],
    ],
    [
      'found row',
      reviewer({ conflicts: [{ institutionId: 5, source: 'found', note: null }] }),
      JATENG,
      'none',
      ['found'],
    ],
    [
      'a row for another institution does not count',
      reviewer({ conflicts: [{ institutionId: 4, source: 'declared', note: null }] }),
      JATENG,
      'none',
      [],
    ],
    [
      'province rule: a regency of the province',
      reviewer({ regionCode: '32' }),
      KAB_BANDUNG,
      'same_province',
      ['same_province'],
    ],
    [
      'province rule: a reviewer in a regency, the province itself',
      reviewer({ regionCode: '32.73' }),
      JABAR,
      'same_province',
      ['same_province'],
    ],
    ['province rule: another province', reviewer({ regionCode: '32.73' }), JATENG, 'same_province', []],
    [
      'province rule: a ministry never conflicts by region',
      reviewer({ regionCode: '32' }),
      KEMENTERIAN,
      'same_province',
      [],
    ],
    ['province rule off: no regional conflict', reviewer({ regionCode: '32' }), KAB_BANDUNG, 'none', []],
    [
      'regency rule: same regency',
      reviewer({ regionCode: '32.04' }),
      KAB_BANDUNG,
      'same_regency',
      ['same_regency'],
    ],
    [
      'regency rule: another regency of the province',
      reviewer({ regionCode: '32.04' }),
      KOTA_BANDUNG,
      'same_regency',
      [],
    ],
    [
      'regency rule: a regency reviewer and the province government',
      reviewer({ regionCode: '32.04' }),
      JABAR,
      'same_regency',
      [],
    ],
    [
      'regency rule: a province-level reviewer and the province government',
      reviewer({ regionCode: '32' }),
      JABAR,
      'same_regency',
      ['same_regency'],
    ],
    ['a reviewer without region', reviewer(), KAB_BANDUNG, 'same_province', []],
    [
      'several reasons at once',
      reviewer({
        affiliationInstitutionId: 3,
        regionCode: '32.04',
        conflicts: [{ institutionId: 3, source: 'declared', note: null }],
      }),
      KAB_BANDUNG,
      'same_province',
      ['own_institution', 'declared', 'same_province'],
    ],
  ];
  for (const [name, r, i, rule, kinds] of table)
    it(name, () => {
      expect(conflictReasons(r, i, rule).map((x) => x.kind)).toEqual(kinds);
      expect(conflictPredicate(r, rule)(i)).toBe(kinds.length > 0);
    });

  it('sees the parent of the affiliation when the affiliation facts are given', () => {
    const r = reviewer({ affiliationInstitutionId: 6 });
    expect(conflictReasons(r, JABAR, 'none', BUMD_JABAR).map((x) => x.kind)).toEqual(['child_institution']);
    expect(conflictPredicate(r, 'none', BUMD_JABAR)(JABAR)).toBe(true);
    expect(conflictReasons(r, JABAR, 'none')).toEqual([]);
  });

  it('names the region in the regional reason', () => {
    const [reason] = conflictReasons(reviewer({ regionCode: '32.04' }), KAB_BANDUNG, 'same_province');
    expect(reason).toEqual({ kind: 'same_province', region: '32' });
    expect(reasonText(reason!)).toEqual({
      id: 'Satu provinsi dengan afiliasinya (wilayah 32)',
      en: 'Same province as their affiliation (region 32)',
    });
  });

  it('puts the note in the words of a stored reason', () => {
    expect(reasonText({ kind: 'declared', note: 'Pernah menjadi konsultan' })).toEqual({
      id: 'Dinyatakan sendiri oleh penilai: Pernah menjadi konsultan',
      en: 'Declared by the reviewer: Pernah menjadi konsultan',
    });
  });

  it('reads an unknown stored rule as none', () => {
    expect(parseRegionalRule('same_regency')).toBe('same_regency');
    expect(parseRegionalRule('everywhere')).toBe('none');
    expect(parseRegionalRule(undefined)).toBe('none');
  });
});

// Random instances: region codes of a small world so that collisions happen.
const regionArb = fc.option(
  fc
    .tuple(fc.constantFrom('31', '32', '33'), fc.option(fc.constantFrom('01', '02', '71')))
    .map(([p, r]) => (r ? `${p}.${r}` : p)),
  { nil: null },
);
const institutionArb = fc.record({
  id: fc.integer({ min: 1, max: 12 }),
  regionCode: regionArb,
  parentId: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
});
const reviewerArb = fc.record({
  affiliationInstitutionId: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  regionCode: regionArb,
  conflicts: fc.array(
    fc.record({
      institutionId: fc.integer({ min: 1, max: 12 }),
      source: fc.constantFrom('declared' as const, 'organizer' as const, 'found' as const),
      note: fc.constant(null),
    }),
    { maxLength: 3 },
  ),
});
const ruleArb = fc.constantFrom(...REGIONAL_RULES);

describe('conflicts: properties', () => {
  it('the predicate and the set agree with the reasons', () => {
    fc.assert(
      fc.property(reviewerArb, fc.array(institutionArb, { maxLength: 8 }), ruleArb, (r, list, rule) => {
        const blocked = conflictPredicate(r, rule);
        const set = conflictedInstitutions(r, list, rule);
        for (const i of list) {
          const has = conflictReasons(r, i, rule).length > 0;
          expect(blocked(i)).toBe(has);
          if (has) expect(set.has(i.id)).toBe(true);
        }
      }),
    );
  });

  it('a stricter rule never frees a conflict: none ⊆ same_regency ⊆ same_province, for regency-level codes', () => {
    fc.assert(
      fc.property(reviewerArb, institutionArb, (r, i) => {
        const at = (rule: RegionalRule) => conflictPredicate(r, rule)(i);
        if (at('none')) expect(at('same_regency') && at('same_province')).toBe(true);
        const deep = (c: string | null) => c !== null && c.length >= 5;
        if (deep(r.regionCode) && deep(i.regionCode) && at('same_regency'))
          expect(at('same_province')).toBe(true);
      }),
    );
  });

  it('an institution without a region never conflicts by region', () => {
    fc.assert(
      fc.property(reviewerArb, institutionArb, ruleArb, (r, i, rule) => {
        const kinds = conflictReasons(r, { ...i, regionCode: null }, rule).map((x) => x.kind);
        expect(kinds).not.toContain('same_province');
        expect(kinds).not.toContain('same_regency');
      }),
    );
  });

  it('every reason has words in both languages', () => {
    fc.assert(
      fc.property(reviewerArb, institutionArb, ruleArb, (r, i, rule) => {
        for (const reason of conflictReasons(r, i, rule)) {
          const text = reasonText(reason);
          expect(text.id.length).toBeGreaterThan(0);
          expect(text.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
