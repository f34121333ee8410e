import { useState } from 'react';
import { Badge, Button, Code, Drawer, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconDownload, IconMail, IconRefresh } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import {
  OUTBOX_STATUSES,
  type OutboxItem,
  type OutboxListResponse,
  type OutboxMessage,
} from '../../../contracts/mail.js';
import { AdminPage, ADMIN_SCOPE, AdminNotice } from '../../components/AdminPage.js';
import {
  AdminListBody,
  AdminSearchFilter,
  AdminSelectFilter,
  useAdminList,
} from '../../components/AdminList.js';

const PAGE_SIZE = 25;
type Filter = 'all' | (typeof OUTBOX_STATUSES)[number];

/** Retries a failed message and refreshes the list and the preview. */
function useRetry() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<OutboxMessage>('POST', `/outbox/${id}/retry`),
    onSuccess: async (res) => {
      qc.setQueryData(['outbox-message', res.id], res);
      await qc.invalidateQueries({ queryKey: ['outbox'] });
      notifications.show({ color: 'green', message: t('secretariat.outbox.retried', { to: res.toAddress }) });
    },
    onError: (err) => notifications.show({ color: 'red', message: apiErrorMessages(err, lang).general }),
  });
}

function Preview({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const retry = useRetry();
  const q = useQuery({
    queryKey: ['outbox-message', id],
    queryFn: () => api<OutboxMessage>('GET', `/outbox/${id}`),
  });
  const m = q.data;
  const [view, setView] = useState<string | null>('html');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Drawer
      className={ADMIN_SCOPE}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={<Text fw={700}>{t('secretariat.outbox.previewTitle')}</Text>}
    >
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {m && (
          <Stack gap="sm">
            <Title order={2} size="h4">
              {m.subject}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <div>
                <Text size="xs" c="dark.6" fw={700}>
                  {t('secretariat.outbox.to')}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dark.6" fw={700}>
                  {t('secretariat.outbox.status')}
                </Text>
                <Group gap="xs">
                  <AdminStatusBadge status={m.status} />
                  <Text size="sm">{t('secretariat.outbox.attemptsN', { count: m.attempts })}</Text>
                </Group>
              </div>
              <div>
                <Text size="xs" c="dark.6" fw={700}>
                  {t('secretariat.outbox.createdAt')}
                </Text>
                <AdminInstant iso={m.createdAt} />
              </div>
              <div>
                <Text size="xs" c="dark.6" fw={700}>
                  {t('secretariat.outbox.sentAt')}
                </Text>
                <AdminInstant iso={m.sentAt} empty={t('secretariat.outbox.notSent')} />
              </div>
              <div>
                <Text size="xs" c="dark.6" fw={700}>
                  {t('secretariat.outbox.template')}
                </Text>
                <Text size="sm">
                  <Code>{m.template}</Code> · {m.locale.toUpperCase()}
                </Text>
              </div>
              {m.messageId && (
                <div>
                  <Text size="xs" c="dark.6" fw={700}>
                    {t('secretariat.outbox.messageId')}
                  </Text>
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {m.messageId}
                  </Text>
                </div>
              )}
            </SimpleGrid>
            {m.lastError && (
              <AdminNotice tone="danger" title={t('secretariat.outbox.lastError')}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.lastError}
                </Text>
              </AdminNotice>
            )}
            <Group gap="xs">
              {m.emlAvailable && (
                <Button
                  component="a"
                  href={`/api/outbox/${m.id}/eml`}
                  download
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} aria-hidden />}
                >
                  {t('secretariat.outbox.downloadEml')}
                </Button>
              )}
              {m.abilities.retry && (
                <Button
                  size="xs"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  loading={retry.isPending}
                  onClick={() => retry.mutate(m.id)}
                >
                  {t('secretariat.outbox.retry')}
                </Button>
              )}
            </Group>
            <Tabs value={view} onChange={setView}>
              <Tabs.List>
                <Tabs.Tab value="html" disabled={!m.htmlBody}>
                  {t('secretariat.outbox.htmlView')}
                </Tabs.Tab>
                <Tabs.Tab value="text">{t('secretariat.outbox.textView')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="html" pt="sm">
                {m.htmlBody ? (
                  <iframe
                    title={t('secretariat.outbox.htmlFrameTitle', { subject: m.subject })}
                    sandbox=""
                    srcDoc={m.htmlBody}
                    style={{ width: '100%', height: '60vh', border: '1px solid #dee2e6', background: '#fff' }}
                  />
                ) : (
                  <Text size="sm" c="dark.6">
                    {t('secretariat.outbox.noHtml')}
                  </Text>
                )}
              </Tabs.Panel>
              <Tabs.Panel value="text" pt="sm">
                <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '60vh' }}>
                  {m.textBody}
                </Code>
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </AdminQueryState>
    </Drawer>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const retry = useRetry();
  const filters = useAdminList<OutboxListResponse, 'status' | 'q' | 'template'>({
    key: ['outbox'],
    path: '/outbox',
    filters: ['status', 'q', 'template'],
    typed: ['q'],
    defaults: { status: 'all' },
    apiParams: (v) => ({ ...v, status: v.status === 'all' ? '' : v.status }),
    pageSize: PAGE_SIZE,
    refetchInterval: 15_000,
  });
  const { list } = filters;
  const status = filters.values.status as Filter;
  const d = list.data;
  const counts = d?.counts;
  const all = counts ? counts.pending + counts.sending + counts.sent + counts.failed : undefined;
  const tabs: { value: Filter; count: number | undefined }[] = [
    { value: 'all', count: all },
    ...OUTBOX_STATUSES.map((s) => ({ value: s as Filter, count: counts?.[s] })),
  ];

  const table = (
    <AdminListBody
      list={list}
      page={filters.page}
      onPage={filters.setPage}
      empty={t('secretariat.outbox.empty')}
      rowKey={(m) => m.id}
      minWidth={820}
      columns={[
        {
          header: t('secretariat.outbox.subject'),
          primary: true,
          style: { maxWidth: 320 },
          cell: (m: OutboxItem) => (
            <>
              <Text size="sm" fw={600}>
                {m.subject}
              </Text>
              <Text size="xs" c="dark.6">
                {m.template} · {m.locale.toUpperCase()}
              </Text>
            </>
          ),
        },
        {
          header: t('secretariat.outbox.to'),
          style: { maxWidth: 240 },
          cell: (m) => (
            <>
              {m.toName && <Text size="sm">{m.toName}</Text>}
              <Text size="xs" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
                {m.toAddress}
              </Text>
            </>
          ),
        },
        {
          header: t('secretariat.outbox.createdAt'),
          cell: (m) => <AdminInstant iso={m.createdAt} size="xs" />,
        },
        {
          header: t('secretariat.outbox.status'),
          cell: (m) => (
            <>
              <AdminStatusBadge status={m.status} />
              {m.attempts > 0 && m.status !== 'sent' && (
                <Text size="xs" c="dark.6">
                  {t('secretariat.outbox.attemptsN', { count: m.attempts })}
                </Text>
              )}
              {m.lastError && (
                <Text size="xs" c="red.9" lineClamp={2} title={m.lastError} maw={240}>
                  {m.lastError}
                </Text>
              )}
            </>
          ),
        },
        {
          header: t('secretariat.actions'),
          bare: true,
          cell: (m) => (
            <Group gap={6} wrap="nowrap">
              <Button
                size="xs"
                variant="light"
                onClick={() => setOpen(m.id)}
                aria-label={`${t('secretariat.outbox.view')}: ${m.subject}`}
              >
                {t('secretariat.outbox.view')}
              </Button>
              {m.abilities.retry && (
                <Button
                  size="xs"
                  color="#8a4b00"
                  variant="outline"
                  loading={retry.isPending && retry.variables === m.id}
                  onClick={() => retry.mutate(m.id)}
                  aria-label={`${t('secretariat.outbox.retry')}: ${m.subject}`}
                >
                  {t('secretariat.outbox.retry')}
                </Button>
              )}
            </Group>
          ),
        },
      ]}
    />
  );

  return (
    <AdminPage gap="md">
      <div>
        <Title order={1}>{t('secretariat.outbox.title')}</Title>
        <Text c="dark.6">{t('secretariat.outbox.intro')}</Text>
      </div>
      {d && (
        <AdminNotice
          tone={d.transport === 'file' ? 'warning' : 'info'}
          icon={<IconMail size={18} aria-hidden />}
        >
          <Text size="sm" fw={700}>
            {t(`secretariat.outbox.transport.${d.transport}.title`)}
          </Text>
          <Text size="sm">{t(`secretariat.outbox.transport.${d.transport}.body`)}</Text>
          {/* The technician's detail stays available, folded away from the people who read the page. */}
          <details>
            <summary>
              <Text span size="sm">
                {t('secretariat.outbox.technicalDetails')}
              </Text>
            </summary>
            <Text size="sm">{t(`secretariat.outbox.transport.${d.transport}.technical`)}</Text>
          </details>
        </AdminNotice>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AdminSearchFilter
          filters={filters}
          name="q"
          label={t('secretariat.outbox.search')}
          placeholder={t('secretariat.outbox.searchPlaceholder')}
        />
        <AdminSelectFilter
          filters={filters}
          name="template"
          label={t('secretariat.outbox.template')}
          placeholder={t('secretariat.outbox.allTemplates')}
          data={d?.templates ?? []}
          searchable
        />
      </SimpleGrid>
      <Tabs value={status} onChange={(v) => filters.set({ status: v ?? 'all' })}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              <Group gap={6} wrap="nowrap">
                <span>{t(`secretariat.outbox.tabs.${tab.value}`)}</span>
                {tab.count !== undefined && (
                  <Badge
                    size="sm"
                    variant="filled"
                    color={tab.value === 'failed' && tab.count > 0 ? 'red.9' : 'gray.7'}
                  >
                    {tab.count}
                  </Badge>
                )}
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="md">
            {tab.value === status && table}
          </Tabs.Panel>
        ))}
      </Tabs>
      {open !== null && <Preview id={open} onClose={() => setOpen(null)} />}
    </AdminPage>
  );
}
