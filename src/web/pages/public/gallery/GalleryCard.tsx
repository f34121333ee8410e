import { Fragment } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GalleryEntry, GalleryItem } from '../../../../contracts/gallery.js';

/** The award levels as people read them ("Top 45 Inovasi Pelayanan Publik Terpuji"), best first. */
export function AwardBadges({ awards }: { awards: GalleryEntry['awards'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {awards.map((a) => (
        <Badge
          component="li"
          key={a}
          color={a === 'TOP99' ? 'gray.7' : 'teal.9'}
          variant="filled"
          radius="sm"
          h="auto"
          py={4}
          style={{ textTransform: 'none', whiteSpace: 'normal' }}
        >
          {t(`gallery.awards.${a}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** "Kota Bandung, Jawa Barat": the regency/city and the province when known. */
export function regionText(e: Pick<GalleryEntry, 'province' | 'regency'>): string {
  return [e.regency?.name, e.province?.name].filter(Boolean).join(', ');
}

/** The search's passage: the text as text, each hit in <mark> (never as HTML). */
export function Snippet({ segments }: { segments: NonNullable<GalleryItem['snippet']> }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>,
      )}
    </>
  );
}

/** One innovation in the gallery's list; its title leads to its page, remembering the search. */
export function GalleryCard({ item, search }: { item: GalleryItem; search: string }) {
  const { t } = useTranslation();
  // "Pemerintah Kabupaten Tangerang · Banten": the regency is not said twice.
  const region = regionText(
    item.regency && item.institution.name.includes(item.regency.name) ? { ...item, regency: null } : item,
  );
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap={6}>
        <Text size="sm" c="dark.6">
          {item.competition.name.includes(String(item.year))
            ? item.competition.name
            : `${item.competition.name} · ${item.year}`}
        </Text>
        <Anchor
          component={Link}
          to={`/galeri/${item.slug}`}
          state={{ search }}
          fw={700}
          size="lg"
          c="sinovik.9"
          style={{ overflowWrap: 'anywhere' }}
        >
          {item.title}
          {item.acronym && ` (${item.acronym})`}
        </Anchor>
        <Text size="sm">
          {item.institution.name}
          {region && ` · ${region}`}
        </Text>
        {item.snippet && item.snippet.length > 0 && (
          <Text size="sm" c="dark.7">
            <VisuallyHidden>{t('gallery.matched')}: </VisuallyHidden>
            <Snippet segments={item.snippet} />
          </Text>
        )}
        <Group gap={6}>
          {item.awards.length > 0 && <AwardBadges awards={item.awards} />}
          {item.status !== 'continuing' && (
            <Badge
              color={item.status === 'halted' ? 'red.9' : '#7a4a00'}
              variant="filled"
              radius="sm"
              style={{ textTransform: 'none' }}
            >
              {t(`galleryOwner.badge.${item.status}`)}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
