import { Link, useSearchParams } from 'react-router';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft } from '@tabler/icons-react';
import type { GalleryStats } from '../../../../contracts/gallery-data.js';
import { api } from '../../../api/client.js';
import { AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { useLang } from '../../../i18n/index.js';
import { BarChart, type Bar } from './BarChart.js';
import { GalleryFilters } from './GalleryFilters.js';
import { ReplicationStats } from './ReplicationStats.js';
import { filterQuery, withParam } from './galleryParams.js';

/**
 * /galeri/statistik: the gallery's statistics (issue 14 point 6) — the entries counted by year, category,
 * province, type of institution and award, with the gallery's filters kept in the address; each chart a
 * hand-drawn SVG with its data table, each value linking to the gallery filtered to it.
 */
export function GalleryStatsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [params, setParams] = useSearchParams();
  const query = filterQuery(params);
  const stats = useQuery({
    queryKey: ['gallery-stats', query],
    queryFn: () => api<GalleryStats>('GET', `/public/gallery/stats${query ? `?${query}` : ''}`),
    placeholderData: keepPreviousData,
  });
  const s = stats.data;
  const to = (key: string, value: string) => `/galeri?${withParam(new URLSearchParams(query), key, value)}`;
  const charts: { key: ChartKey; bars: Bar[]; note?: string }[] = s
    ? [
        {
          key: 'years',
          bars: s.years.map((y) => ({
            key: String(y.year),
            label: String(y.year),
            count: y.count,
            to: to('year', String(y.year)),
          })),
        },
        {
          key: 'categories',
          bars: s.categories.map((c) => ({
            key: c.key,
            label: pick(c.name),
            count: c.count,
            to: to('category', c.key),
          })),
          ...(s.withoutCategory
            ? { note: t('galleryData.stats.withoutCategory', { count: s.withoutCategory }) }
            : {}),
        },
        {
          key: 'provinces',
          bars: s.provinces.map((p) => ({
            key: p.code,
            label: p.name,
            count: p.count,
            to: to('province', p.code),
          })),
          ...(s.withoutProvince
            ? { note: t('galleryData.stats.withoutProvince', { count: s.withoutProvince }) }
            : {}),
        },
        {
          key: 'participantTypes',
          bars: s.participantTypes.map((p) => ({
            key: p.type,
            label: t(`gallery.types.${p.type}`),
            count: p.count,
            to: to('participantType', p.type),
          })),
        },
        {
          key: 'awards',
          bars: s.awards.map((a) => ({
            key: a.level,
            label: t(`gallery.awards.${a.level}`),
            count: a.count,
            to: to('award', a.level),
          })),
          note: t('galleryData.stats.awardsNote'),
        },
      ]
    : [];
  return (
    <AdminPage>
      <Anchor component={Link} to="/galeri" fw={600}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('galleryData.backToGallery')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('galleryData.stats.title')}</Title>
        <Text>{t('galleryData.stats.intro')}</Text>
      </Stack>
      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('gallery.filtersTitle')}>
        <GalleryFilters
          value={(k) => params.get(k) ?? ''}
          onChange={(k, v) => setParams(withParam(params, k, v))}
        />
      </Paper>
      <AdminQueryState isLoading={stats.isLoading} error={stats.error} onRetry={() => stats.refetch()}>
        {s && (
          <>
            <Text role="status" aria-live="polite" fw={700} size="lg">
              {t('galleryData.stats.total', { count: s.total })}
            </Text>
            {charts.map((c) => (
              <Paper key={c.key} withBorder p="md" radius="md">
                <BarChart
                  title={t(`galleryData.stats.charts.${c.key}`)}
                  bars={c.bars}
                  of={s.total}
                  {...(c.note ? { note: c.note } : {})}
                />
              </Paper>
            ))}
            <Anchor component={Link} to={`/galeri/data${query ? `?${query}` : ''}`} fw={600}>
              {t('galleryData.links.data')}
            </Anchor>
          </>
        )}
      </AdminQueryState>
      <ReplicationStats />
    </AdminPage>
  );
}

type ChartKey = 'years' | 'categories' | 'provinces' | 'participantTypes' | 'awards';
