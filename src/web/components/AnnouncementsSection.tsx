import { Link } from 'react-router';
import { Anchor, Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { announcementListResponse } from '../../contracts/announcements.js';
import { api } from '../api/client.js';
import { useLang } from '../i18n/index.js';
import { formatAt } from './AdminTime.js';

type AnnouncementList = z.infer<typeof announcementListResponse>;

/** The competition's published announcements on its public page (issue 12): title, letter number, date. */
export function AnnouncementsSection({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const list = useQuery({
    queryKey: ['announcements', competitionId],
    queryFn: () => api<AnnouncementList>('GET', `/competitions/${competitionId}/announcements`),
  });
  const rows = list.data?.rows ?? [];
  if (!rows.length) return null;
  const tz = list.data!.competition.timeZone;
  return (
    <Box component="section" aria-labelledby="announcements-title">
      <Title order={2} id="announcements-title" mb="md">
        {t('public.competition.announcements')}
      </Title>
      <Stack gap="sm">
        {rows.map((a) => (
          <Paper key={a.id} withBorder p="md" radius="md">
            <Anchor component={Link} to={`/kompetisi/${competitionId}/pengumuman/${a.kind}`} fw={700}>
              {pick({ id: a.titleId, en: a.titleEn })}
            </Anchor>
            <Text size="sm" c="gray.8">
              {t('public.competition.announcementMeta', {
                letter: a.letterNumber,
                at: formatAt(a.publishedAt, tz, lang),
                count: a.entries,
              })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
