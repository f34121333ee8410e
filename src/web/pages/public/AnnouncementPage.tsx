import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import type { z } from 'zod';
import type { announcementResponse } from '../../../contracts/announcements.js';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminPager } from '../../components/AdminPager.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { formatAt } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';
import { AnnouncementTable } from '../secretariat/selection/AnnouncementTable.js';

type Announcement = z.infer<typeof announcementResponse>;
const PAGE_SIZE = 50;

/** /kompetisi/:id/pengumuman/:kind: a published announcement, open to anyone: letter, date, text, the list. */
export function AnnouncementPage() {
  const { id, kind } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q.trim()) params.set('q', q.trim());
  const view = useQuery({
    queryKey: ['announcement', id, kind, params.toString()],
    queryFn: () => api<Announcement>('GET', `/competitions/${id}/announcements/${kind}?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
  const d = view.data;
  const a = d?.announcement;
  return (
    <AdminPage>
      <Anchor component={Link} to={`/kompetisi/${id}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('publication.public.back')}
        </Group>
      </Anchor>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && a && (
          <>
            <div>
              <Text c="dark.6" size="sm">
                {d.competition.name}
              </Text>
              <Title order={1}>{pick({ id: a.titleId, en: a.titleEn })}</Title>
            </div>
            <Paper withBorder p="md">
              <Stack gap={6}>
                <Text size="sm">
                  <strong>{t('publication.public.letter')}:</strong> {a.letterNumber}
                </Text>
                <Text size="sm">
                  <strong>{t('publication.public.date')}:</strong>{' '}
                  {formatAt(a.publishedAt, d.competition.timeZone, lang)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {pick({ id: a.bodyId, en: a.bodyEn })}
                </Text>
                <Group>
                  <Button
                    component="a"
                    href={`/api/competitions/${id}/announcements/${kind}/pdf`}
                    variant="default"
                    h="auto"
                    py={8}
                    styles={{ label: { whiteSpace: 'normal' } }}
                    leftSection={<IconFileTypePdf size={16} aria-hidden />}
                  >
                    {t('publication.public.pdf')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="announcement-list">
              <Title order={2} size="h3" id="announcement-list" mb="sm">
                {kind?.startsWith('finalists_')
                  ? t('finalists.public.listTitle')
                  : t('publication.public.listTitle')}{' '}
                ({a.entries})
              </Title>
              <TextInput
                type="search"
                label={t('publication.public.search')}
                value={search}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setSearch(v);
                  setPage(1);
                }}
                mb="xs"
                maw={480}
              />
              <Text size="sm" c="dark.6" mb="xs" aria-live="polite">
                {t('publication.public.matching', { count: d.matching })}
              </Text>
              {d.rows.length ? (
                <AnnouncementTable
                  rows={d.rows}
                  offset={(d.page - 1) * d.pageSize}
                  {...(kind === 'finalists_provisional'
                    ? { objectionHref: (pid: number) => `/kompetisi/${id}/uji-publik?finalis=${pid}` }
                    : {})}
                />
              ) : (
                <Text c="dark.6">{t('publication.public.empty')}</Text>
              )}
              <AdminPager total={d.matching} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
            </Paper>
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
