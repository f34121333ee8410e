import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconDownload } from '@tabler/icons-react';
import type { GalleryEntry } from '../../../../contracts/gallery.js';
import type { GalleryEntryDetail } from '../../../../contracts/gallery-owner.js';
import { useLang } from '../../../i18n/index.js';

const STATUS_COLOR = { continuing: 'teal.9', halted: 'red.9', unconfirmed: '#7a4a00' } as const;

/**
 * What the innovation's institution says about it on its public page (issue 14 points 1 and 4): its status
 * (continuing / halted with the reason / not confirmed, and the year last confirmed), the contact for
 * replication, and the evidence files it opened to the public (each downloaded as a file).
 */
export function GalleryEntryOwner({ entry }: { entry: GalleryEntry }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  if (!('status' in entry)) return null;
  const e = entry as GalleryEntryDetail;
  const s = e.status;
  const statusNote =
    s.status === 'unconfirmed'
      ? `${t('galleryOwner.publicSection.unconfirmedNote')} ${
          s.confirmed
            ? t('galleryOwner.publicSection.lastConfirmedIn', { year: s.year })
            : t('galleryOwner.publicSection.asOf', { year: s.year })
        }`
      : s.confirmed
        ? t('galleryOwner.publicSection.confirmedIn', { year: s.year })
        : t('galleryOwner.publicSection.asOf', { year: s.year });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="gallery-status">
        <Stack gap="xs">
          <Title order={2} size="h3" id="gallery-status">
            {t('galleryOwner.publicSection.statusTitle')}
          </Title>
          <Group gap="xs">
            <Badge
              color={STATUS_COLOR[s.status]}
              variant="filled"
              radius="sm"
              style={{ textTransform: 'none' }}
            >
              {t(`galleryOwner.publicSection.${s.status}`)}
            </Badge>
          </Group>
          <Text size="sm">{statusNote}</Text>
          {s.reason && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {t('galleryOwner.publicSection.reason', { reason: s.reason })}
            </Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="gallery-contact">
        <Stack gap="xs">
          <Title order={2} size="h3" id="gallery-contact">
            {t('galleryOwner.publicSection.contactTitle')}
          </Title>
          {e.contact ? (
            <Stack gap={2}>
              {e.contact.name && <Text fw={600}>{e.contact.name}</Text>}
              {e.contact.position && <Text size="sm">{e.contact.position}</Text>}
              {e.contact.email && (
                <Anchor href={`mailto:${e.contact.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {e.contact.email}
                </Anchor>
              )}
              {e.contact.phone && (
                <Anchor href={`tel:${e.contact.phone}`} size="sm">
                  {e.contact.phone}
                </Anchor>
              )}
            </Stack>
          ) : (
            <Text size="sm">{t('galleryOwner.publicSection.noContact')}</Text>
          )}
        </Stack>
      </Paper>
      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="gallery-evidence"
        style={{ gridColumn: '1 / -1' }}
      >
        <Stack gap="xs">
          <Title order={2} size="h3" id="gallery-evidence">
            {t('galleryOwner.publicSection.evidenceTitle')}
          </Title>
          {e.evidence.length ? (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {e.evidence.map((f) => (
                <li key={f.id}>
                  <Anchor href={f.url} download={f.name} style={{ overflowWrap: 'anywhere' }}>
                    <Group gap={6} component="span" wrap="nowrap">
                      <IconDownload size={16} aria-hidden />
                      {t('galleryOwner.publicSection.download', { name: f.name })}
                    </Group>
                  </Anchor>
                  <Text size="xs" c="dark.6">
                    {[
                      f.section ? pick(f.section) : null,
                      t('galleryOwner.publicSection.size', { size: Math.max(1, Math.round(f.size / 1024)) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </li>
              ))}
            </Stack>
          ) : (
            <Text size="sm">{t('galleryOwner.publicSection.noEvidence')}</Text>
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
