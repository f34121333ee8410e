import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminPage } from '../../components/AdminPage.js';
import { ROLES } from '../../../domain/role-scopes.js';
import type { AdminUserDetail, AdminUserListResponse } from '../../../contracts/user-admin.js';
import { grantBody, RoleScopeFields, useGrantLabel, UserStatusBadge, type RoleChoice } from './userParts.js';
import {
  AdminListBody,
  AdminSearchFilter,
  AdminSelectFilter,
  useAdminList,
} from '../../components/AdminList.js';
import { AdminFormDialog } from '../../components/AdminFormDialog.js';

const PAGE_SIZE = 25;

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
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
  return (
    <AdminFormDialog
      title={t('users.createTitle')}
      onClose={onClose}
      mutation={create}
      size="lg"
      submitLabel={t('users.createSubmit')}
      intro={
        <Text size="sm" c="dark.6">
          {t('users.createIntro')}
        </Text>
      }
    >
      {(err) => (
        <>
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
        </>
      )}
    </AdminFormDialog>
  );
}

/** The system administrator's list of every account: search, filter by role and status, paged. */
export function UsersPage() {
  const { t } = useTranslation();
  const grantLabel = useGrantLabel();
  const [creating, setCreating] = useState(false);
  const filters = useAdminList<AdminUserListResponse, 'q' | 'role' | 'status'>({
    key: ['admin-users'],
    path: '/admin/users',
    filters: ['q', 'role', 'status'],
    typed: ['q'],
    pageSize: PAGE_SIZE,
  });
  const data = filters.list.data;
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
        <AdminSearchFilter
          filters={filters}
          name="q"
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={null}
          type="search"
        />
        <AdminSelectFilter
          filters={filters}
          name="role"
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          data={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
        />
        <AdminSelectFilter
          filters={filters}
          name="status"
          label={t('users.status')}
          placeholder={t('users.allStatuses')}
          data={[
            { value: 'active', label: t('users.statusActive') },
            { value: 'inactive', label: t('users.statusInactive') },
          ]}
        />
      </SimpleGrid>
      <Stack gap={0}>
        <AdminListBody
          list={filters.list}
          page={filters.page}
          onPage={filters.setPage}
          empty={t('users.empty')}
          rowKey={(u) => u.id}
          minWidth={860}
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
      </Stack>
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
    </AdminPage>
  );
}
