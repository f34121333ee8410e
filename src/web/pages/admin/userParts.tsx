import { Badge, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { AdminInstitutionPicker } from '../../components/AdminInstitutionPicker.js';
import { ROLES, ROLE_SCOPES } from '../../../domain/role-scopes.js';
import type { RoleName } from '../../../contracts/users.js';
import type { CompetitionSummary } from '../../../contracts/competitions.js';
import type { UnitListResponse } from '../../../contracts/institutions.js';

type Named = { id: number; name: string } | null;

/** A role with the scope chosen on a form or held in a grant. */
export interface RoleChoice {
  role: RoleName;
  institution: Named;
  unit: Named;
  competition: Named;
}

/** Where a grant applies, in words: "Dinas X, Pemerintah Kota Y", a competition, or everything. */
export function useScopeLabel() {
  const { t } = useTranslation();
  return (g: RoleChoice) => {
    const parts = [g.unit?.name, g.institution?.name, g.competition?.name].filter(Boolean).join(', ');
    if (parts) return parts;
    return ROLE_SCOPES[g.role].competition !== 'no' ? t('users.scopeAllCompetitions') : t('users.scopeAll');
  };
}

/** "Role · scope" for lists and confirmations. */
export function useGrantLabel() {
  const { t } = useTranslation();
  const scope = useScopeLabel();
  return (g: RoleChoice) => `${t(`common.roles.${g.role}`)} · ${scope(g)}`;
}

const TONES = {
  active: { bg: '#e6f4ea', fg: '#1b5e20' },
  inactive: { bg: '#fdecec', fg: '#9b1c1c' },
  invited: { bg: '#fff4d6', fg: '#6b4200' },
  erased: { bg: '#e9ecef', fg: '#343a40' },
};

/**
 * Active, deactivated, waiting for the person to set a password, or erased (UU PDP; dark text on light: AA
 * contrast).
 */
export function UserStatusBadge({
  user,
}: {
  user: { active: boolean; invitationPending: boolean; erasedAt?: string | null };
}) {
  const { t } = useTranslation();
  const status = user.erasedAt
    ? 'erased'
    : !user.active
      ? 'inactive'
      : user.invitationPending
        ? 'invited'
        : 'active';
  const label = {
    active: t('users.statusActive'),
    inactive: t('users.statusInactive'),
    invited: t('users.statusInvited'),
    erased: t('erasure.erasedBadge'),
  }[status];
  return (
    <Badge
      variant="light"
      radius="sm"
      styles={{
        root: {
          background: TONES[status].bg,
          color: TONES[status].fg,
          textTransform: 'none',
          fontWeight: 700,
        },
        label: { overflow: 'visible' },
      }}
    >
      {label}
    </Badge>
  );
}

/** The body of a grant as the API takes it. */
export const grantBody = (c: RoleChoice) => ({
  role: c.role,
  institutionId: c.institution?.id ?? null,
  unitId: c.unit?.id ?? null,
  competitionId: c.competition?.id ?? null,
});

/**
 * A role and the scope it takes (the same table as the server, domain/role-scopes.ts): an institution, a
 * unit of it, a competition (optional), or nothing. Server errors appear next to their field.
 */
export function RoleScopeFields({
  value,
  onChange,
  errors,
}: {
  value: RoleChoice;
  onChange: (v: RoleChoice) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const scope = ROLE_SCOPES[value.role];
  const units = useQuery({
    queryKey: ['units', value.institution?.id],
    queryFn: () => api<UnitListResponse>('GET', `/institutions/${value.institution!.id}/units`),
    enabled: scope.unit !== 'no' && !!value.institution,
  });
  const competitions = useQuery({
    queryKey: ['competitions'],
    queryFn: () => api<{ items: CompetitionSummary[] }>('GET', '/competitions'),
    enabled: scope.competition !== 'no',
    staleTime: 60_000,
  });
  const setRole = (role: RoleName) => {
    const s = ROLE_SCOPES[role];
    onChange({
      role,
      institution: s.institution === 'no' ? null : value.institution,
      unit: s.unit === 'no' ? null : value.unit,
      competition: s.competition === 'no' ? null : value.competition,
    });
  };
  return (
    <Stack gap="sm">
      <Select
        label={t('users.role')}
        data={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
        value={value.role}
        onChange={(v) => v && setRole(v as RoleName)}
        allowDeselect={false}
        required
        error={errors.role}
      />
      {scope.institution === 'no' && scope.competition === 'no' && (
        <Text size="sm" c="dark.6">
          {t('users.noScope')}
        </Text>
      )}
      {scope.institution !== 'no' && (
        <AdminInstitutionPicker
          label={t('users.institution')}
          value={value.institution?.id ?? null}
          valueName={value.institution?.name ?? null}
          onChange={(id, name) =>
            onChange({ ...value, institution: id && name ? { id, name } : null, unit: null })
          }
          required
          error={errors.institutionId}
        />
      )}
      {scope.unit !== 'no' && (
        <Select
          label={t('users.unit')}
          placeholder={value.institution ? t('users.unitPlaceholder') : t('users.chooseInstitutionFirst')}
          disabled={!value.institution}
          searchable
          data={(units.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
          value={value.unit ? String(value.unit.id) : null}
          onChange={(v, option) =>
            onChange({ ...value, unit: v ? { id: Number(v), name: option?.label ?? '' } : null })
          }
          required
          error={errors.unitId}
        />
      )}
      {scope.competition !== 'no' && (
        <Select
          label={t('users.competition')}
          description={t('users.competitionHint')}
          placeholder={t('users.competitionPlaceholder')}
          clearable
          clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
          data={(competitions.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={value.competition ? String(value.competition.id) : null}
          onChange={(v, option) =>
            onChange({ ...value, competition: v ? { id: Number(v), name: option?.label ?? '' } : null })
          }
          error={errors.competitionId}
        />
      )}
    </Stack>
  );
}
