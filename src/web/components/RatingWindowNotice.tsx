import { Link } from 'react-router';
import { Alert, Anchor, Box, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RatingWindowView } from '../../contracts/public-ratings.js';
import { formatInstant } from '../../domain/time.js';
import { api } from '../api/client.js';
import { useLang } from '../i18n/index.js';

/** Where the public-rating window stands, with hour and zone (also on the competition's public page). */
export function RatingWindowNotice({ window: w }: { window: RatingWindowView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const at = (iso: string | null) => (iso ? formatInstant(iso, w.timeZone, lang) : '');
  if (w.state === 'open')
    return <Alert color="blue">{t('public.rating.windowOpen', { closes: at(w.closesAt) })}</Alert>;
  if (w.state === 'before')
    return (
      <Alert color="yellow">
        {t('public.rating.windowBefore', { opens: at(w.opensAt), closes: at(w.closesAt) })}
      </Alert>
    );
  if (w.state === 'closed')
    return <Alert color="gray">{t('public.rating.windowClosed', { closes: at(w.closesAt) })}</Alert>;
  return <Alert color="gray">{t('public.rating.windowOff')}</Alert>;
}

/**
 * The public-rating section of a competition's public page: the window with hour and zone and the link
 * to the rating page; nothing while the organizer has not switched public rating on.
 */
export function PublicRatingSection({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['public-rating-window', competitionId],
    queryFn: () =>
      api<RatingWindowView>('GET', `/public/competitions/${competitionId}/public-ratings/window`),
  });
  if (!q.data || q.data.state === 'off' || q.data.state === 'unscheduled') return null;
  return (
    <Box component="section" aria-labelledby="public-rating-title">
      <Title order={2} id="public-rating-title" mb="sm">
        {t('public.rating.title')}
      </Title>
      <Stack gap="xs" maw={820}>
        <RatingWindowNotice window={q.data} />
        <Anchor component={Link} to={`/kompetisi/${competitionId}/nilai-publik`}>
          {t('public.rating.open')}
        </Anchor>
      </Stack>
    </Box>
  );
}
