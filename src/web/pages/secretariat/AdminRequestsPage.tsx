import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Tabs, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import type { adminRequestListResponse } from '../../../contracts/admin-requests.js';
import type { z } from 'zod';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminListBody, useAdminList } from '../../components/AdminList.js';

type ListResponse = z.infer<typeof adminRequestListResponse>;
const STATUSES = ['pending', 'approved', 'rejected'] as const;
type Status = (typeof STATUSES)[number];

export function AdminRequestsPage() {
  const { t } = useTranslation();
  const filters = useAdminList<ListResponse, 'status'>({
    key: ['admin-requests'],
    path: '/admin-requests',
    filters: ['status'],
    defaults: { status: 'pending' },
    apiParams: (v) => ({
      status: (STATUSES as readonly string[]).includes(v.status) ? v.status : 'pending',
    }),
    history: 'push',
  });
  const { list } = filters;
  const status = (
    (STATUSES as readonly string[]).includes(filters.values.status) ? filters.values.status : 'pending'
  ) as Status;

  const counts = useQueries({
    queries: STATUSES.map((s) => ({
      queryKey: ['admin-requests', s, 1],
      queryFn: () => api<ListResponse>('GET', `/admin-requests?status=${s}&page=1`),
    })),
  });

  const content = (
    <AdminListBody
      list={list}
      page={filters.page}
      onPage={filters.setPage}
      empty={t(`secretariat.requests.empty.${status}`)}
      rowKey={(r) => r.id}
      minWidth={760}
      columns={[
        {
          header: t('secretariat.requests.institution'),
          primary: true,
          cell: (r) => (
            <>
              <Text size="sm" fw={600}>
                {r.institution.name}
              </Text>
              {r.status === 'pending' && r.existingAdmins > 0 && (
                <Text size="xs" c="#8a4b00">
                  {t('secretariat.requests.hasAdmins', { count: r.existingAdmins })}
                </Text>
              )}
            </>
          ),
        },
        {
          header: t('secretariat.requests.applicant'),
          cell: (r) => (
            <>
              <Text size="sm">{r.name}</Text>
              <Text size="xs" c="dark.6">
                {r.position}
              </Text>
            </>
          ),
        },
        {
          header: t('secretariat.requests.contact'),
          style: { whiteSpace: 'nowrap' },
          cell: (r) => (
            <>
              <Anchor href={`mailto:${r.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {r.email}
              </Anchor>
              <Text size="xs" c="dark.6">
                {r.phone}
              </Text>
            </>
          ),
        },
        {
          header: t('secretariat.requests.submittedAt'),
          cell: (r) => <AdminInstant iso={r.createdAt} />,
        },
        { header: t('secretariat.requests.status'), cell: (r) => <AdminStatusBadge status={r.status} /> },
        {
          header: t('secretariat.actions'),
          bare: true,
          cell: (r) => {
            const label = t(
              r.status === 'pending' ? 'secretariat.requests.review' : 'secretariat.requests.view',
            );
            return (
              <Button
                component={Link}
                to={`/sekretariat/permohonan-admin/${r.id}`}
                size="xs"
                variant={r.status === 'pending' ? 'filled' : 'light'}
                aria-label={`${label}: ${r.name}, ${r.institution.name}`}
              >
                {label}
              </Button>
            );
          },
        },
      ]}
    />
  );

  return (
    <AdminPage gap="md">
      <div>
        <Title order={1}>{t('secretariat.requests.title')}</Title>
        <Text c="dark.6">{t('secretariat.requests.intro')}</Text>
      </div>
      <Tabs value={status} onChange={(v) => filters.set({ status: v ?? 'pending' })}>
        <Tabs.List>
          {STATUSES.map((s, i) => (
            <Tabs.Tab key={s} value={s}>
              <Group gap={6} wrap="nowrap">
                <span>{t(`secretariat.requests.tabs.${s}`)}</span>
                {counts[i].data && (
                  <Badge
                    size="sm"
                    variant="filled"
                    color={s === 'pending' && counts[i].data!.total > 0 ? 'sinovik' : 'gray.7'}
                  >
                    {counts[i].data!.total}
                  </Badge>
                )}
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {STATUSES.map((s) => (
          <Tabs.Panel key={s} value={s} pt="md">
            {s === status && content}
          </Tabs.Panel>
        ))}
      </Tabs>
    </AdminPage>
  );
}
