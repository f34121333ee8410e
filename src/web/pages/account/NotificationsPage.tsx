import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../domain/time.js';
import type { NotificationItem, NotificationListResponse } from '../../../contracts/mail.js';
import { api } from '../../api/client.js';
import { browserTimeZone } from '../../components/Deadline.js';
import { apiErrorMessages } from '../../components/forms.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';

type Notification = NotificationItem;

const PAGE_SIZE = 20;

function NotificationItem({
  n,
  onRead,
  busy,
}: {
  n: Notification;
  onRead: (n: Notification, then?: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const unread = !n.readAt;
  const titleId = `notification-${n.id}`;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      bg={unread ? 'sinovik.0' : undefined}
      style={{ borderLeft: unread ? '4px solid var(--mantine-color-sinovik-7)' : undefined }}
      aria-labelledby={titleId}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            {unread && (
              <Badge color="sinovik.7" variant="filled" size="sm" style={{ textTransform: 'none' }}>
                {t('account.notifications.unread')}
              </Badge>
            )}
            <Text id={titleId} fw={unread ? 800 : 600}>
              {pick(n.title)}
            </Text>
          </Group>
          <Text size="xs" c="gray.7" component="time" dateTime={n.createdAt}>
            {formatInstant(n.createdAt, browserTimeZone(), lang)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {pick(n.body)}
        </Text>
        {(n.link || unread) && (
          <Group gap="xs">
            {n.link && (
              <Button size="xs" onClick={() => onRead(n, n.link ?? undefined)} disabled={busy}>
                {t('account.notifications.open')}
              </Button>
            )}
            {unread && (
              <Button size="xs" variant="default" onClick={() => onRead(n)} disabled={busy}>
                {t('account.notifications.markRead')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** In-app notices: unread first in attention, each opening the thing it is about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);

  const list = useQuery({
    queryKey: ['notifications', 'list', filter, page],
    queryFn: () =>
      api<NotificationListResponse>(
        'GET',
        `/notifications?page=${page}&pageSize=${PAGE_SIZE}${filter === 'unread' ? '&unread=1' : ''}`,
      ),
  });

  const closeButtonProps = { 'aria-label': t('common.close') };
  const fail = (err: unknown) =>
    toasts.show({ color: 'red', message: apiErrorMessages(err, lang).general, closeButtonProps });

  const markRead = useMutation({
    mutationFn: (id: number) => api('POST', `/notifications/${id}/read`),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const markAll = useMutation({
    mutationFn: () => api('POST', '/notifications/read-all'),
    onSuccess: () =>
      toasts.show({ color: 'green', message: t('account.notifications.allRead'), closeButtonProps }),
    onError: fail,
    onSettled: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });

  const open = async (n: Notification, then?: string) => {
    if (!n.readAt) {
      try {
        await markRead.mutateAsync(n.id);
      } catch (err) {
        // Opening the target matters more than the read mark.
        if (!then) fail(err);
      }
    }
    if (!then) return;
    if (then.startsWith('/')) navigate(then);
    else window.location.assign(then);
  };

  const data = list.data;
  const pageSize = data?.pageSize || PAGE_SIZE;
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const unreadCount = data?.unreadCount ?? 0;

  return (
    <Stack gap="md" maw={860} py="md" className="public-scope">
      <Group justify="space-between" align="center" wrap="wrap">
        <Group gap="sm" align="center">
          <Title order={1}>{t('account.notifications.title')}</Title>
          {unreadCount > 0 && (
            <Badge color="red.8" variant="filled" style={{ textTransform: 'none' }}>
              {t('account.notifications.unreadCount', { n: unreadCount })}
            </Badge>
          )}
        </Group>
        <Button
          variant="light"
          onClick={() => markAll.mutate()}
          loading={markAll.isPending}
          disabled={unreadCount === 0}
        >
          {t('account.notifications.markAllRead')}
        </Button>
      </Group>
      <SegmentedControl
        aria-label={t('account.notifications.filterLabel')}
        value={filter}
        onChange={(v) => {
          setFilter(v as 'all' | 'unread');
          setPage(1);
        }}
        data={[
          { value: 'all', label: t('account.notifications.filterAll') },
          { value: 'unread', label: t('account.notifications.filterUnread') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isLoading ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : list.isError ? (
        <Alert role="alert" color="red">
          {t('account.notifications.loadError')} {apiErrorMessages(list.error, lang).general}
        </Alert>
      ) : !data || data.items.length === 0 ? (
        <Paper withBorder p="xl" radius="md" ta="center">
          <Text c="gray.7">
            {filter === 'unread' ? t('account.notifications.emptyUnread') : t('account.notifications.empty')}
          </Text>
        </Paper>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((n) => (
            <NotificationItem
              key={n.id}
              n={n}
              onRead={(x, then) => void open(x, then)}
              busy={markRead.isPending}
            />
          ))}
        </Stack>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({
              'aria-label': `${t('account.notifications.pages')}: ${control}`,
            })}
          />
        </Group>
      )}
    </Stack>
  );
}
