import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReplicationStats as Stats } from '../../../../contracts/replication.js';
import { api } from '../../../api/client.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { BarChart, type Bar } from './BarChart.js';

/**
 * The "Replikasi" section of /galeri/statistik (issue 14 point 3): the most replicated innovations (each
 * linking to its page), the owner institutions replicated most, and the provinces of the replicating
 * institutions — the whole gallery's counts from GET /api/public/gallery/stats/replication, the same ones
 * each innovation's page shows. One bar chart with its data table per list, as the other charts.
 */
export function ReplicationStats() {
  const { t } = useTranslation();
  const stats = useQuery({
    queryKey: ['gallery-stats-replication'],
    queryFn: () => api<Stats>('GET', '/public/gallery/stats/replication'),
  });
  const s = stats.data;
  const charts: { key: 'innovations' | 'institutions' | 'provinces'; bars: Bar[]; note?: string }[] = s
    ? [
        {
          key: 'innovations',
          bars: s.innovations.map((i) => ({
            key: i.slug,
            label: i.title,
            count: i.count,
            to: `/galeri/${i.slug}`,
            linkLabel: t('galleryData.stats.replication.openInnovation', { title: i.title }),
          })),
        },
        {
          key: 'institutions',
          bars: s.institutions.map((i) => ({ key: i.name, label: i.name, count: i.count })),
        },
        {
          key: 'provinces',
          bars: s.provinces.map((p) => ({ key: p.code, label: p.name, count: p.count })),
          ...(s.withoutProvince
            ? {
                note: t('galleryData.stats.replication.withoutProvince', { count: s.withoutProvince }),
              }
            : {}),
        },
      ]
    : [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="replication-stats-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} id="replication-stats-title">
            {t('galleryData.stats.replication.title')}
          </Title>
          <Text>{t('galleryData.stats.replication.intro')}</Text>
        </Stack>
        <AdminQueryState isLoading={stats.isLoading} error={stats.error} onRetry={() => stats.refetch()}>
          {s &&
            (s.total === 0 ? (
              <Text fw={600}>{t('galleryData.stats.replication.none')}</Text>
            ) : (
              <>
                <Text fw={700}>{t('galleryData.stats.replication.total', { count: s.total })}</Text>
                {charts.map((c) => (
                  <BarChart
                    key={c.key}
                    level={3}
                    counting="replications"
                    title={t(`galleryData.stats.replication.charts.${c.key}`)}
                    bars={c.bars}
                    openColumn={t('galleryData.stats.replication.openColumn')}
                    {...(c.note ? { note: c.note } : {})}
                  />
                ))}
              </>
            ))}
        </AdminQueryState>
      </Stack>
    </Paper>
  );
}
