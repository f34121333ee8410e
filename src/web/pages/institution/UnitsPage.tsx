import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import {
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type InstitutionResponse,
  type Unit,
  type UnitKind,
  type UnitListResponse,
} from '../../../contracts/institutions.js';
import {
  ROLE_LABELS,
  type InstitutionUser,
  type InstitutionUsersResponse,
} from '../../../contracts/users.js';
import { AdminPage, AdminNotice } from '../../components/AdminPage.js';
import { AdminFormDialog } from '../../components/AdminFormDialog.js';
import { RemoveUnitButton, UppAccountActions } from './AccountActions.js';

/* ---------------------------------------------------------------- units */

function UnitModal({
  institutionId,
  unit,
  units,
  onClose,
}: {
  institutionId: number;
  unit: Unit | null;
  units: Unit[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const qc = useQueryClient();
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'upp');
  const [parent, setParent] = useState<string | null>(unit?.parentUnitId ? String(unit.parentUnitId) : null);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, kind, parentUnitId: parent ? Number(parent) : null };
      return unit
        ? api<{ unit: Unit }>('PATCH', `/units/${unit.id}`, body)
        : api<{ unit: Unit }>('POST', `/institutions/${institutionId}/units`, body);
    },
    onSuccess: async (res) => {
      await qc.invalidateQueries({ queryKey: ['units', institutionId] });
      await qc.invalidateQueries({ queryKey: ['institution-users', institutionId] });
      notifications.show({
        color: 'green',
        message: t(unit ? 'institution.units.updated' : 'institution.units.created', { name: res.unit.name }),
      });
      onClose();
    },
  });
  const parents = units
    .filter((u) => u.kind === 'pd' && u.id !== unit?.id)
    .map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <AdminFormDialog
      title={unit ? t('institution.units.editTitle') : t('institution.units.addTitle')}
      onClose={onClose}
      mutation={save}
    >
      {(err) => (
        <>
          <TextInput
            label={t('institution.units.name')}
            description={t('institution.units.nameHint')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err?.fields.name}
            data-autofocus
          />
          <Select
            label={t('institution.units.kind')}
            data={UNIT_KINDS.map((k) => ({
              value: k,
              label: `${k.toUpperCase()} — ${pick(UNIT_KIND_LABELS[k])}`,
            }))}
            value={kind}
            onChange={(v) => setKind((v as UnitKind) ?? 'upp')}
            allowDeselect={false}
            required
            error={err?.fields.kind}
          />
          {parents.length > 0 && (
            <Select
              label={t('institution.units.parent')}
              description={t('institution.units.parentHint')}
              placeholder={t('institution.units.noParent')}
              data={parents}
              value={parent}
              onChange={setParent}
              clearable
              clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
              searchable
              error={err?.fields.parentUnitId}
            />
          )}
        </>
      )}
    </AdminFormDialog>
  );
}

function UnitsSection({ institutionId, data }: { institutionId: number; data: UnitListResponse }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [modal, setModal] = useState<{ unit: Unit | null } | null>(null);
  const byId = new Map(data.items.map((u) => [u.id, u]));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="units-title">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={2} size="h3" id="units-title">
            {t('institution.units.title')}
          </Title>
          <Text size="sm" c="dark.6">
            {t('institution.units.intro')}
          </Text>
        </div>
        {data.abilities.manage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ unit: null })}>
            {t('institution.units.add')}
          </Button>
        )}
      </Group>
      {data.items.length === 0 ? (
        <Text c="dark.6" py="sm">
          {t('institution.units.empty')}
        </Text>
      ) : (
        <AdminDataTable
          rows={data.items}
          rowKey={(u) => u.id}
          minWidth={560}
          columns={[
            {
              header: t('institution.units.name'),
              primary: true,
              cell: (u) => (
                <Text size="sm" fw={600}>
                  {u.name}
                </Text>
              ),
            },
            {
              header: t('institution.units.kind'),
              cell: (u) => `${u.kind.toUpperCase()} — ${pick(UNIT_KIND_LABELS[u.kind])}`,
            },
            {
              header: t('institution.units.parent'),
              cell: (u) => (u.parentUnitId ? (byId.get(u.parentUnitId)?.name ?? '—') : '—'),
            },
            { header: t('institution.units.userCount'), cell: (u) => u.userCount },
            ...(data.abilities.manage
              ? [
                  {
                    header: t('institution.actions'),
                    bare: true,
                    cell: (u: Unit) => (
                      <Group gap={6} wrap="wrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setModal({ unit: u })}
                          aria-label={`${t('institution.units.rename')}: ${u.name}`}
                        >
                          {t('institution.units.rename')}
                        </Button>
                        <RemoveUnitButton unit={u} institutionId={institutionId} />
                      </Group>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {modal && (
        <UnitModal
          key={modal.unit?.id ?? 'new'}
          institutionId={institutionId}
          unit={modal.unit}
          units={data.items}
          onClose={() => setModal(null)}
        />
      )}
    </Card>
  );
}

/* ---------------------------------------------------------------- users */

function userStatus(u: InstitutionUser): 'inactive' | 'invited' | 'incomplete' | 'active' {
  if (!u.active) return 'inactive';
  if (u.invitationPending) return 'invited';
  if (u.mustCompleteProfile) return 'incomplete';
  return 'active';
}

function ResendButton({ user }: { user: InstitutionUser }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const resend = useMutation({
    mutationFn: () => api<{ expiresAt: string }>('POST', `/users/${user.id}/resend-invitation`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['institution-users'] });
      notifications.show({ color: 'green', message: t('institution.users.resent', { email: user.email }) });
    },
    onError: (err) => notifications.show({ color: 'red', message: apiErrorMessages(err, lang).general }),
  });
  return (
    <Button
      size="xs"
      variant="light"
      loading={resend.isPending}
      onClick={() => resend.mutate()}
      aria-label={`${t('institution.users.resend')}: ${user.email}`}
    >
      {t('institution.users.resend')}
    </Button>
  );
}

function UsersSection({
  data,
  canResend,
  units,
}: {
  data: InstitutionUsersResponse;
  canResend: boolean;
  units: Unit[];
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="users-title">
      <Title order={2} size="h3" id="users-title">
        {t('institution.users.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="xs">
        {t('institution.users.intro')}
      </Text>
      {data.items.length === 0 ? (
        <Text c="dark.6" py="sm">
          {t('institution.users.empty')}
        </Text>
      ) : (
        <AdminDataTable
          rows={data.items}
          rowKey={(u) => u.id}
          minWidth={900}
          columns={[
            {
              header: t('institution.users.name'),
              primary: true,
              cell: (u) => (
                <>
                  <Text size="sm" fw={600}>
                    {u.name}
                  </Text>
                  {u.position && (
                    <Text size="xs" c="dark.6">
                      {u.position}
                    </Text>
                  )}
                </>
              ),
            },
            {
              header: t('institution.users.email'),
              style: { whiteSpace: 'nowrap' },
              cell: (u) => (
                <>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {u.email}
                  </Text>
                  {u.phone && (
                    <Text size="xs" c="dark.6">
                      {u.phone}
                    </Text>
                  )}
                </>
              ),
            },
            { header: t('institution.users.role'), cell: (u) => pick(ROLE_LABELS[u.role]) },
            { header: t('institution.users.unit'), cell: (u) => u.unitName ?? '—' },
            {
              header: t('institution.users.status'),
              cell: (u) => <AdminStatusBadge status={userStatus(u)} />,
            },
            {
              header: t('institution.users.lastLogin'),
              cell: (u) => (
                <AdminInstant iso={u.lastLoginAt} size="xs" empty={t('institution.users.never')} />
              ),
            },
            ...(canResend || data.abilities.manageUpp
              ? [
                  {
                    header: t('institution.actions'),
                    bare: true,
                    cell: (u: InstitutionUser) => (
                      <Group gap={6} wrap="wrap">
                        {canResend && u.invitationPending && u.active && <ResendButton user={u} />}
                        {data.abilities.manageUpp && <UppAccountActions user={u} units={units} />}
                      </Group>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

interface UppDraft {
  email: string;
  name: string;
  unitId: string | null;
  position: string;
  phone: string;
  locale: 'id' | 'en';
}
const emptyUpp: UppDraft = { email: '', name: '', unitId: null, position: '', phone: '', locale: 'id' };

function CreateUppSection({ institutionId, units }: { institutionId: number; units: Unit[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<UppDraft>(emptyUpp);
  const [created, setCreated] = useState<InstitutionUser | null>(null);
  const set = (patch: Partial<UppDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const create = useMutation({
    mutationFn: () =>
      api<{ user: InstitutionUser }>('POST', `/institutions/${institutionId}/users`, {
        email: draft.email,
        name: draft.name,
        unitId: draft.unitId ? Number(draft.unitId) : undefined,
        position: draft.position,
        phone: draft.phone,
        locale: draft.locale,
      }),
    onMutate: () => setCreated(null),
    onSuccess: async (res) => {
      setCreated(res.user);
      setDraft({ ...emptyUpp, unitId: draft.unitId, locale: draft.locale });
      await qc.invalidateQueries({ queryKey: ['institution-users', institutionId] });
      await qc.invalidateQueries({ queryKey: ['units', institutionId] });
    },
  });
  const err = create.error ? apiErrorMessages(create.error, lang) : null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="create-upp-title">
      <Title order={2} size="h3" id="create-upp-title">
        {t('institution.createUpp.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('institution.createUpp.intro')}
      </Text>
      {units.length === 0 ? (
        <AdminNotice tone="warning">{t('institution.createUpp.needUnit')}</AdminNotice>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="sm">
            {created && (
              <AdminNotice
                tone="success"
                role="status"
                icon={<IconCheck size={18} aria-hidden />}
                title={t('institution.createUpp.successTitle')}
                withCloseButton
                onClose={() => setCreated(null)}
              >
                {t('institution.createUpp.success', { name: created.name, email: created.email })}
              </AdminNotice>
            )}
            {err && (
              <AdminNotice tone="danger" role="alert">
                {err.general}
              </AdminNotice>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('institution.users.email')}
                type="email"
                autoComplete="off"
                required
                value={draft.email}
                onChange={(e) => set({ email: e.currentTarget.value })}
                error={err?.fields.email}
              />
              <TextInput
                label={t('institution.users.name')}
                required
                value={draft.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={err?.fields.name}
              />
              <Select
                label={t('institution.users.unit')}
                placeholder={t('institution.createUpp.chooseUnit')}
                data={units.map((u) => ({
                  value: String(u.id),
                  label: `${u.name} (${u.kind.toUpperCase()})`,
                }))}
                value={draft.unitId}
                onChange={(v) => set({ unitId: v })}
                searchable
                required
                error={err?.fields.unitId}
              />
              <TextInput
                label={t('institution.users.position')}
                value={draft.position}
                onChange={(e) => set({ position: e.currentTarget.value })}
                error={err?.fields.position}
              />
              <TextInput
                label={t('institution.users.phone')}
                description={t('institution.createUpp.phoneHint')}
                type="tel"
                value={draft.phone}
                onChange={(e) => set({ phone: e.currentTarget.value })}
                error={err?.fields.phone}
              />
              <Select
                label={t('institution.createUpp.language')}
                data={[
                  { value: 'id', label: 'Bahasa Indonesia' },
                  { value: 'en', label: 'English' },
                ]}
                value={draft.locale}
                onChange={(v) => set({ locale: (v as 'id' | 'en') ?? 'id' })}
                allowDeselect={false}
                error={err?.fields.locale}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('institution.createUpp.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/* ---------------------------------------------------------------- page */

export function UnitsPage() {
  const { t } = useTranslation();
  const { institutionId: raw } = useParams();
  const institutionId = Number(raw);
  const inst = useQuery({
    queryKey: ['institution', institutionId],
    queryFn: () => api<InstitutionResponse>('GET', `/institutions/${institutionId}`),
  });
  const units = useQuery({
    queryKey: ['units', institutionId],
    queryFn: () => api<UnitListResponse>('GET', `/institutions/${institutionId}/units`),
  });
  const users = useQuery({
    queryKey: ['institution-users', institutionId],
    queryFn: () => api<InstitutionUsersResponse>('GET', `/institutions/${institutionId}/users`),
  });
  const canCreate = users.data?.abilities.createUpp ?? false;

  return (
    <AdminPage gap="lg">
      <div>
        <Title order={1}>{t('institution.title')}</Title>
        {inst.data && <Text c="dark.6">{inst.data.institution.name}</Text>}
      </div>
      <AdminQueryState isLoading={units.isLoading} error={units.error} onRetry={() => units.refetch()}>
        {units.data && <UnitsSection institutionId={institutionId} data={units.data} />}
      </AdminQueryState>
      {canCreate && units.data && <CreateUppSection institutionId={institutionId} units={units.data.items} />}
      <AdminQueryState isLoading={users.isLoading} error={users.error} onRetry={() => users.refetch()}>
        {users.data && (
          <UsersSection data={users.data} canResend={canCreate} units={units.data?.items ?? []} />
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
