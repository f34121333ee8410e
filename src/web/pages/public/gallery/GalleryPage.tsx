import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconSearch } from '@tabler/icons-react';
import type { GalleryListResponse } from '../../../../contracts/gallery.js';
import { api } from '../../../api/client.js';
import { AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { GalleryCard } from './GalleryCard.js';
import { GalleryFilters } from './GalleryFilters.js';
import { GalleryPager } from './GalleryPager.js';
import { apiQuery, FILTER_KEYS, withParam } from './galleryParams.js';

/**
 * /galeri: the public gallery of innovations (issue 14) — the Indonesian search, the filters and the sort,
 * all kept in the address so a search can be shared and Back returns to it; the list in pages.
 */
export function GalleryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [typed, setTyped] = useState(q);
  // Back and Forward change the address: the box follows it.
  useEffect(() => setTyped(q), [q]);
  const query = apiQuery(params);
  const list = useQuery({
    queryKey: ['gallery', query],
    queryFn: () => api<GalleryListResponse>('GET', `/public/gallery${query ? `?${query}` : ''}`),
    placeholderData: keepPreviousData,
  });
  const d = list.data;
  // While a new search loads, the previous list stays on screen (no jump) but is not announced as its answer.
  const stale = list.isPlaceholderData;
  const go = (next: URLSearchParams) => setParams(next);
  const search = (e: FormEvent) => {
    e.preventDefault();
    const next = withParam(params, 'q', typed);
    // A new search is read by relevance unless another order was chosen for it.
    if (!typed.trim() && next.get('sort') === 'relevance') next.delete('sort');
    go(next);
  };
  const corrected = d?.corrections.length ? correctedQuery(q, d.corrections) : null;
  const sorts = q ? (['relevance', 'year', 'award'] as const) : (['year', 'award'] as const);
  const activeFilters = FILTER_KEYS.filter((k) => params.get(k)).length;
  const wide = useMediaQuery('(min-width: 48em)');
  const [open, setOpen] = useState<boolean | null>(null);
  const filtersOpen = open ?? (Boolean(wide) || activeFilters > 0);

  return (
    <AdminPage>
      <Stack gap={4}>
        <Title order={1}>{t('gallery.title')}</Title>
        <Text>{t('gallery.intro')}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/galeri/statistik" fw={600}>
            {t('galleryData.links.stats')}
          </Anchor>
          <Anchor component={Link} to="/galeri/data" fw={600}>
            {t('galleryData.links.data')}
          </Anchor>
        </Group>
      </Stack>
      <form role="search" onSubmit={search}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            type="search"
            label={t('gallery.searchLabel')}
            description={t('gallery.searchHint')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            leftSection={<IconSearch size={16} aria-hidden />}
          />
          <Button type="submit">{t('gallery.searchButton')}</Button>
        </Group>
      </form>
      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('gallery.filtersTitle')}>
        {/* Folded on a phone (the list comes first) unless a filter is on; open on a wide screen. */}
        <details open={filtersOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <Text component="summary" fw={700} style={{ cursor: 'pointer' }} py={4}>
            {activeFilters ? t('gallery.filtersActive', { count: activeFilters }) : t('gallery.filtersTitle')}
          </Text>
          <Stack gap="sm" mt="xs">
            <GalleryFilters
              value={(k) => params.get(k) ?? ''}
              onChange={(k, v) => go(withParam(params, k, v))}
            />
            {activeFilters > 0 && (
              <Group>
                <Button
                  variant="subtle"
                  onClick={() => {
                    const next = new URLSearchParams(params);
                    for (const k of FILTER_KEYS) next.delete(k);
                    next.delete('page');
                    go(next);
                  }}
                >
                  {t('gallery.clearFilters')}
                </Button>
              </Group>
            )}
          </Stack>
        </details>
      </Paper>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack role="status" aria-live="polite" gap={2} style={{ flex: '1 1 14rem' }}>
          {d && stale && <Text fw={600}>{t('gallery.searching')}</Text>}
          {d && !stale && (
            <Text fw={600}>
              {!q
                ? t('gallery.count', { count: d.total })
                : d.complete
                  ? t('gallery.countFor', { count: d.total, q })
                  : t(`gallery.capped.${d.sort}`, { count: d.total, q })}
            </Text>
          )}
          {/* A word too common to read whole: the list holds its most relevant entries, not all of them. */}
          {d && !stale && q && !d.complete && <Text size="sm">{t('gallery.capped.hint')}</Text>}
        </Stack>
        <NativeSelect
          label={t('gallery.sort')}
          value={d?.sort ?? params.get('sort') ?? (q ? 'relevance' : 'year')}
          onChange={(e) => go(withParam(params, 'sort', e.currentTarget.value))}
          data={sorts.map((s) => ({ value: s, label: t(`gallery.sortBy.${s}`) }))}
        />
      </Group>
      {corrected && corrected !== q && (
        <Text>
          {t('gallery.didYouMean')}{' '}
          <Anchor component={Link} to={`/galeri?${withParam(params, 'q', corrected).toString()}`} fw={600}>
            {corrected}
          </Anchor>
        </Text>
      )}
      <AdminQueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        {d && d.items.length === 0 && (
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4">
              {t('gallery.emptyTitle')}
            </Title>
            <Text size="sm" mt={4}>
              {t('gallery.emptyText')}
            </Text>
          </Paper>
        )}
        {d && d.items.length > 0 && (
          <>
            <Stack
              gap="sm"
              component="ol"
              aria-busy={stale}
              style={{ listStyle: 'none', padding: 0, margin: 0, opacity: stale ? 0.6 : 1 }}
            >
              {d.items.map((item) => (
                <GalleryCard key={item.slug} item={item} search={params.toString()} />
              ))}
            </Stack>
            <GalleryPager
              page={d.page}
              pages={Math.max(1, Math.ceil(d.total / d.pageSize))}
              onPage={(p) => go(withParam(params, 'page', p > 1 ? String(p) : ''))}
            />
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}

/** The query with each word the search read as another written word replaced by it ("kependudkan" → "kependudukan"). */
function correctedQuery(q: string, corrections: GalleryListResponse['corrections']): string {
  const byWord = new Map(corrections.map((c) => [c.word, c.correctedTo[0] ?? c.word]));
  const replaced = q
    .split(/\s+/)
    .map((w) => byWord.get(w.toLowerCase()) ?? w)
    .join(' ');
  return replaced !== q ? replaced : corrections.map((c) => c.correctedTo[0] ?? c.word).join(' ');
}
