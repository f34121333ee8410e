/**
 * Which scope each role takes, and the problems of a scope given for a role: one table used by the
 * `create-user` CLI and by the system administrator's user screens, so both accept exactly the same
 * grants. Pure: the caller looks up what the given ids name and passes what it found.
 */
import { ROLE_LABELS } from '../contracts/users.js';
import type { FieldProblem, Text } from './errors.js';
import type { Role } from './policy.js';

export type ScopeField = 'institutionId' | 'unitId' | 'competitionId';

export interface RoleScope {
  /** `fromUnit`: taken from the unit; when given as well it must be the unit's institution. */
  institution: 'required' | 'fromUnit' | 'no';
  unit: 'required' | 'no';
  competition: 'optional' | 'no';
}

/** Every role, in the order people choose them. */
export const ROLES: readonly Role[] = [
  'system_admin',
  'data_steward',
  'secretariat',
  'local_admin',
  'upp',
  'evaluator',
  'panelist',
];

/**
 * system_admin and data_steward act installation-wide (no scope); a secretariat for its organizer
 * institution; an admin lokal for its institution; a proposer (UPP) for one unit of an institution;
 * evaluators and panelists for one competition or, without one, for every competition.
 */
export const ROLE_SCOPES: Record<Role, RoleScope> = {
  system_admin: { institution: 'no', unit: 'no', competition: 'no' },
  data_steward: { institution: 'no', unit: 'no', competition: 'no' },
  secretariat: { institution: 'required', unit: 'no', competition: 'no' },
  local_admin: { institution: 'required', unit: 'no', competition: 'no' },
  upp: { institution: 'fromUnit', unit: 'required', competition: 'no' },
  evaluator: { institution: 'no', unit: 'no', competition: 'optional' },
  panelist: { institution: 'no', unit: 'no', competition: 'optional' },
};

export interface GivenScope {
  institutionId?: number | null;
  unitId?: number | null;
  competitionId?: number | null;
}

/** What the given ids name, as the caller found them (undefined: not given; null: given, not found). */
export interface FoundScope {
  institution?: { id: number; name: string } | null;
  unit?: { id: number; name: string; institutionId: number } | null;
  competition?: { id: number; name: string } | null;
}

/** A grant's scope once checked: the ids to store (a proposer's institution comes from its unit). */
export interface ResolvedScope {
  institutionId: number | null;
  unitId: number | null;
  competitionId: number | null;
}

const FIELD_NAMES: Record<ScopeField, Text> = {
  institutionId: { id: 'instansi', en: 'an institution' },
  unitId: { id: 'unit', en: 'a unit' },
  competitionId: { id: 'kompetisi', en: 'a competition' },
};

const given = (v: number | null | undefined): v is number => v !== null && v !== undefined;

/** The scopes a role takes, as field names (for forms that show only those). */
export function scopeFieldsOf(role: Role): { field: ScopeField; required: boolean }[] {
  const s = ROLE_SCOPES[role];
  const fields: { field: ScopeField; required: boolean }[] = [];
  if (s.institution !== 'no') fields.push({ field: 'institutionId', required: true });
  if (s.unit !== 'no') fields.push({ field: 'unitId', required: true });
  if (s.competition !== 'no') fields.push({ field: 'competitionId', required: false });
  return fields;
}

/**
 * The problems of a scope given for a role, one per field (bilingual, stable codes): a required scope
 * missing (`scope_required`), a scope the role does not take (`scope_not_allowed`), an id that names
 * nothing (`scope_not_found`), a unit of another institution (`unit_not_in_institution`). Empty when the
 * scope is right; then `resolveScope` gives the ids to store.
 */
export function scopeProblems(
  role: Role,
  input: GivenScope,
  found: FoundScope = {},
): Partial<Record<ScopeField, FieldProblem>> {
  const s = ROLE_SCOPES[role];
  const label = ROLE_LABELS[role];
  const problems: Partial<Record<ScopeField, FieldProblem>> = {};
  const required = (field: ScopeField) => {
    problems[field] = {
      code: 'scope_required',
      message: {
        id: `Peran ${label.id} memerlukan ${FIELD_NAMES[field].id}.`,
        en: `The role ${label.en} needs ${FIELD_NAMES[field].en}.`,
      },
    };
  };
  const notAllowed = (field: ScopeField) => {
    problems[field] = {
      code: 'scope_not_allowed',
      message: {
        id: `Peran ${label.id} tidak memakai ${FIELD_NAMES[field].id}.`,
        en: `The role ${label.en} does not take ${FIELD_NAMES[field].en}.`,
      },
    };
  };
  const notFound = (field: ScopeField, id: number) => {
    problems[field] = {
      code: 'scope_not_found',
      message: {
        id: `${capitalize(FIELD_NAMES[field].id)} dengan nomor ${id} tidak ditemukan.`,
        en: `There is no ${FIELD_NAMES[field].en.replace(/^an? /, '')} with number ${id}.`,
      },
    };
  };

  if (s.institution === 'required' && !given(input.institutionId)) required('institutionId');
  if (s.institution === 'no' && given(input.institutionId)) notAllowed('institutionId');
  if (s.unit === 'required' && !given(input.unitId)) required('unitId');
  if (s.unit === 'no' && given(input.unitId)) notAllowed('unitId');
  if (s.competition === 'no' && given(input.competitionId)) notAllowed('competitionId');

  if (!problems.institutionId && given(input.institutionId) && found.institution === null)
    notFound('institutionId', input.institutionId);
  if (!problems.unitId && given(input.unitId) && found.unit === null) notFound('unitId', input.unitId);
  if (!problems.competitionId && given(input.competitionId) && found.competition === null)
    notFound('competitionId', input.competitionId);

  if (!problems.unitId && !problems.institutionId && found.unit && given(input.institutionId)) {
    if (found.unit.institutionId !== input.institutionId)
      problems.unitId = {
        code: 'unit_not_in_institution',
        message: {
          id: `Unit ${found.unit.name} bukan bagian dari ${found.institution?.name ?? 'instansi ini'}.`,
          en: `The unit ${found.unit.name} does not belong to ${found.institution?.name ?? 'this institution'}.`,
        },
      };
  }
  return problems;
}

/** The ids a right scope stores: only what the role takes, a proposer's institution from its unit. */
export function resolveScope(role: Role, input: GivenScope, found: FoundScope = {}): ResolvedScope {
  const s = ROLE_SCOPES[role];
  const institutionId =
    s.institution === 'required'
      ? (input.institutionId ?? null)
      : s.institution === 'fromUnit'
        ? (found.unit?.institutionId ?? input.institutionId ?? null)
        : null;
  return {
    institutionId,
    unitId: s.unit === 'no' ? null : (input.unitId ?? null),
    competitionId: s.competition === 'no' ? null : (input.competitionId ?? null),
  };
}

/** Two grants are the same when role and every scope id agree. */
export function sameGrant(a: { role: Role } & ResolvedScope, b: { role: Role } & ResolvedScope): boolean {
  return (
    a.role === b.role &&
    a.institutionId === b.institutionId &&
    a.unitId === b.unitId &&
    a.competitionId === b.competitionId
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
