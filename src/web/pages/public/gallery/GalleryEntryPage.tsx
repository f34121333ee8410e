import { Link, useLocation, useParams } from 'react-router';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft } from '@tabler/icons-react';
import type { GalleryEntry } from '../../../../contracts/gallery.js';
import { api, ApiError } from '../../../api/client.js';
import { AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { useLang } from '../../../i18n/index.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { AwardBadges, regionText } from './GalleryCard.js';
import { ReplicationSection } from './ReplicationSection.js';
import { GalleryEntryOwner } from './GalleryEntryOwner.js';

/** /galeri/:slug: one innovation's public page (issue 14); an address not in the gallery is the 404 page. */
export function GalleryEntryPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { pick } = useLang();
  // The search the reader came from (the list passes it), else the gallery itself.
  const from = (useLocation().state as { search?: string } | null)?.search;
  const entry = useQuery({
    queryKey: ['gallery-entry', slug],
    queryFn: () => api<GalleryEntry>('GET', `/public/gallery/${encodeURIComponent(slug)}`),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 1,
  });
  if (entry.error instanceof ApiError && entry.error.status === 404)
    return (
      <Stack gap={0}>
        <NotFoundPage />
        <Anchor component={Link} to="/galeri" fw={600}>
          {t('gallery.entry.backToGallery')}
        </Anchor>
      </Stack>
    );
  const e = entry.data;
  const region = e ? regionText(e) : '';
  const facts: [string, string][] = e
    ? [
        ...(e.acronym ? [[t('gallery.entry.acronym'), e.acronym] as [string, string]] : []),
        [t('gallery.entry.competition'), e.competition.name],
        [t('gallery.entry.year'), String(e.year)],
        ...(e.category ? [[t('gallery.entry.category'), pick(e.category.name)] as [string, string]] : []),
        [t('gallery.entry.group'), pick(e.group.name)],
        [t('gallery.entry.institution'), e.institution.name],
        [t('gallery.entry.participantType'), t(`gallery.types.${e.participantType}`)],
        ...(region ? [[t('gallery.entry.region'), region] as [string, string]] : []),
      ]
    : [];
  return (
    <AdminPage>
      <Anchor
        component={Link}
        to={from !== undefined ? `/galeri${from ? `?${from}` : ''}` : '/galeri'}
        size="sm"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t(from !== undefined ? 'gallery.entry.back' : 'gallery.entry.backToGallery')}
        </Group>
      </Anchor>
      <AdminQueryState isLoading={entry.isLoading} error={entry.error} onRetry={() => entry.refetch()}>
        {e && (
          <>
            <Stack gap="xs">
              <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                {e.title}
              </Title>
              <AwardBadges awards={e.awards} />
            </Stack>
            <Paper withBorder p="md" radius="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" style={{ margin: 0 }}>
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <Text component="dt" size="sm" fw={600}>
                      {label}
                    </Text>
                    <Text component="dd" m={0}>
                      {value}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            </Paper>
            <section aria-labelledby="gallery-summary">
              <Title order={2} size="h3" id="gallery-summary" mb="xs">
                {t('gallery.entry.summary')}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{e.summary}</Text>
            </section>
            {/* Whether it still runs and whom to ask, then who replicated it and the request. */}
            <GalleryEntryOwner entry={e} />
            <ReplicationSection slug={e.slug} owner={e.institution.name} />
            <Anchor component={Link} to={`/kompetisi/${e.competition.id}/hasil`}>
              {t('gallery.entry.results', { name: e.competition.name })}
            </Anchor>
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
