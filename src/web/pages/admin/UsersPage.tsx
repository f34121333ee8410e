import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Anchor,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminDataTable } from '../../components/AdminDataTable.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { ADMIN_SCOPE, AdminNotice, AdminPage } from '../../components/AdminPage.js';
import { AdminPager } from '../../components/AdminPager.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { ROLES } from '../../../domain/role-scopes.js';
import type { AdminUserDetail, AdminUserListResponse } from '../../../contracts/user-admin.js';
import { grantBody, RoleScopeFields, useGrantLabel, UserStatusBadge, type RoleChoice } from './userParts.js';

const PAGE_SIZE = 25;

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'id' | 'en'>('id');
  const [choice, setChoice] = useState<RoleChoice>({
    role: 'evaluator',
    institution: null,
    unit: null,
    competition: null,
  });
  const create = useMutation({
    mutationFn: () =>
      api<AdminUserDetail>('POST', '/admin/users', { name, email, locale, ...grantBody(choice) }),
    onSuccess: (res) => {
      notifications.show({ color: 'green', message: t('users.created', { email: res.user.email }) });
      void qc.invalidateQueries({ queryKey: ['admin-users'] });
      qc.setQueryData(['admin-user', res.user.id], res);
      onClose();
      navigate(`/admin/pengguna/${res.user.id}`);
    },
  });
  const err = create.error ? apiErrorMessages(create.error, lang) : null;
  return (
    <Modal
      className={ADMIN_SCOPE}
      opened
      onClose={onClose}
      title={t('users.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dark.6">
            {t('users.createIntro')}
          </Text>
          {err && (
            <AdminNotice tone="danger" role="alert">
              {err.general}
            </AdminNotice>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={255}
              error={err?.fields.name}
              data-autofocus
            />
            <TextInput
              label={t('users.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              maxLength={254}
              error={err?.fields.email}
            />
          </SimpleGrid>
          <Select
            label={t('users.language')}
            data={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
            value={locale}
            onChange={(v) => v && setLocale(v as 'id' | 'en')}
            allowDeselect={false}
            error={err?.fields.locale}
          />
          <RoleScopeFields value={choice} onChange={setChoice} errors={err?.fields ?? {}} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The system administrator's list of every account: search, filter by role and status, paged. */
export function UsersPage() {
  const { t } = useTranslation();
  const grantLabel = useGrantLabel();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const params = new URLSearchParams({ q, role: role ?? '', status: status ?? '', page: String(page) });
  params.set('pageSize', String(PAGE_SIZE));
  const list = useQuery({
    queryKey: ['admin-users', q, role, status, page],
    queryFn: () => api<AdminUserListResponse>('GET', `/admin/users?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  return (
    <AdminPage gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('users.title')}</Title>
          <Text c="dark.6" size="sm" maw={760}>
            {t('users.intro')}
          </Text>
        </div>
        {data?.abilities.create && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          type="search"
        />
        <Select
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          clearable
          clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
          data={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <Select
          label={t('users.status')}
          placeholder={t('users.allStatuses')}
          clearable
          clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
          data={[
            { value: 'active', label: t('users.statusActive') },
            { value: 'inactive', label: t('users.statusInactive') },
          ]}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
      </SimpleGrid>
      <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        {data && data.items.length === 0 && <Text c="dark.6">{t('users.empty')}</Text>}
        {data && data.items.length > 0 && (
          <Stack gap={0}>
            <AdminDataTable
              rows={data.items}
              rowKey={(u) => u.id}
              minWidth={860}
              dim={list.isPlaceholderData}
              columns={[
                {
                  header: t('users.name'),
                  primary: true,
                  cell: (u) => (
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/admin/pengguna/${u.id}`} fw={600} size="sm">
                        {u.name}
                      </Anchor>
                      <Text size="xs" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
                        {u.email}
                      </Text>
                    </Stack>
                  ),
                },
                {
                  header: t('users.roles'),
                  cell: (u) =>
                    u.grants.length === 0 ? (
                      <Text size="sm" c="dark.6">
                        {t('users.noRoles')}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {u.grants.map((g) => (
                          <Text key={g.id} size="sm">
                            {grantLabel(g)}
                          </Text>
                        ))}
                      </Stack>
                    ),
                },
                { header: t('users.status'), cell: (u) => <UserStatusBadge user={u} /> },
                {
                  header: t('users.lastLogin'),
                  cell: (u) => (
                    <AdminInstant iso={u.lastLoginAt} timeZone="Asia/Jakarta" empty={t('users.never')} />
                  ),
                },
              ]}
            />
            <AdminPager total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPage} />
          </Stack>
        )}
      </AdminQueryState>
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
    </AdminPage>
  );
}
