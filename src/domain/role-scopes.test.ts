import { describe, expect, it } from 'vitest';
import { ROLE_SCOPES, ROLES, resolveScope, sameGrant, scopeFieldsOf, scopeProblems } from './role-scopes.js';

const inst = { id: 7, name: 'Pemerintah Kota Uji' };
const unit = { id: 70, name: 'Dinas Uji', institutionId: 7 };
const comp = { id: 3, name: 'KIPP 2026' };

describe('role scopes', () => {
  it('has one entry per role', () => {
    expect(Object.keys(ROLE_SCOPES).sort()).toEqual([...ROLES].sort());
  });

  /** Each role with each scope it may be given: the field codes (or none) the check answers. */
  const TABLE: [string, Parameters<typeof scopeProblems>[1], Record<string, string>][] = [
    ['system_admin', {}, {}],
    ['system_admin', { institutionId: 7 }, { institutionId: 'scope_not_allowed' }],
    ['system_admin', { competitionId: 3 }, { competitionId: 'scope_not_allowed' }],
    ['data_steward', {}, {}],
    ['data_steward', { unitId: 70 }, { unitId: 'scope_not_allowed' }],
    ['secretariat', { institutionId: 7 }, {}],
    ['secretariat', {}, { institutionId: 'scope_required' }],
    ['secretariat', { institutionId: 7, unitId: 70 }, { unitId: 'scope_not_allowed' }],
    ['secretariat', { institutionId: 7, competitionId: 3 }, { competitionId: 'scope_not_allowed' }],
    ['local_admin', { institutionId: 7 }, {}],
    ['local_admin', { institutionId: null }, { institutionId: 'scope_required' }],
    ['upp', { unitId: 70 }, {}],
    ['upp', { institutionId: 7, unitId: 70 }, {}],
    ['upp', { institutionId: 7 }, { unitId: 'scope_required' }],
    ['upp', { unitId: 70, competitionId: 3 }, { competitionId: 'scope_not_allowed' }],
    ['evaluator', {}, {}],
    ['evaluator', { competitionId: 3 }, {}],
    ['evaluator', { institutionId: 7 }, { institutionId: 'scope_not_allowed' }],
    ['panelist', { competitionId: 3 }, {}],
    ['panelist', { unitId: 70 }, { unitId: 'scope_not_allowed' }],
  ];
  it.each(TABLE)('%s with %j → %j', (role, input, codes) => {
    const problems = scopeProblems(role as never, input, {
      institution: input.institutionId ? inst : undefined,
      unit: input.unitId ? unit : undefined,
      competition: input.competitionId ? comp : undefined,
    });
    expect(Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, p!.code]))).toEqual(codes);
  });

  it('explains a missing scope in both languages, naming the role', () => {
    const p = scopeProblems('secretariat', {});
    expect(p.institutionId!.message).toEqual({
      id: 'Peran Sekretariat memerlukan instansi.',
      en: 'The role Secretariat needs an institution.',
    });
  });

  it('refuses ids that name nothing and a unit of another institution', () => {
    expect(
      scopeProblems('local_admin', { institutionId: 8 }, { institution: null }).institutionId,
    ).toMatchObject({ code: 'scope_not_found', message: { en: 'There is no institution with number 8.' } });
    expect(scopeProblems('evaluator', { competitionId: 9 }, { competition: null }).competitionId!.code).toBe(
      'scope_not_found',
    );
    expect(scopeProblems('upp', { unitId: 71 }, { unit: null }).unitId!.code).toBe('scope_not_found');
    const other = scopeProblems(
      'upp',
      { institutionId: 8, unitId: 70 },
      { institution: { id: 8, name: 'Kabupaten Lain' }, unit },
    );
    expect(other.unitId).toEqual({
      code: 'unit_not_in_institution',
      message: {
        id: 'Unit Dinas Uji bukan bagian dari Kabupaten Lain.',
        en: 'The unit Dinas Uji does not belong to Kabupaten Lain.',
      },
    });
  });

  it('stores only what the role takes; a proposer’s institution comes from its unit', () => {
    expect(resolveScope('upp', { unitId: 70 }, { unit })).toEqual({
      institutionId: 7,
      unitId: 70,
      competitionId: null,
    });
    expect(resolveScope('secretariat', { institutionId: 7 })).toEqual({
      institutionId: 7,
      unitId: null,
      competitionId: null,
    });
    expect(resolveScope('evaluator', {})).toEqual({ institutionId: null, unitId: null, competitionId: null });
    expect(resolveScope('panelist', { competitionId: 3 })).toMatchObject({ competitionId: 3 });
  });

  it('lists the fields a form shows for a role', () => {
    expect(scopeFieldsOf('system_admin')).toEqual([]);
    expect(scopeFieldsOf('upp')).toEqual([
      { field: 'institutionId', required: true },
      { field: 'unitId', required: true },
    ]);
    expect(scopeFieldsOf('evaluator')).toEqual([{ field: 'competitionId', required: false }]);
  });

  it('compares grants by role and every scope id', () => {
    const g = { role: 'evaluator' as const, institutionId: null, unitId: null, competitionId: 3 };
    expect(sameGrant(g, { ...g })).toBe(true);
    expect(sameGrant(g, { ...g, competitionId: null })).toBe(false);
    expect(sameGrant(g, { ...g, role: 'panelist' })).toBe(false);
  });
});
