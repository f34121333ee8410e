import { Link } from 'react-router';
import { Anchor, Stack } from '@mantine/core';
import { AdminNotice } from '../../components/AdminPage.js';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { myTeamsResponse } from '../../../contracts/review-team.js';
import type { z } from 'zod';

type MyTeams = z.infer<typeof myTeamsResponse>;

/** On a reviewer's home: each review team they sit on, and whether its profile is still to be completed. */
export function ReviewerProfileNotice() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['me', 'review-teams'],
    queryFn: () => api<MyTeams>('GET', '/me/review-teams'),
  });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('reviewTeam.home.title')}>
      {items.map((i) => {
        const vars = {
          team: t(`reviewTeam.tabs.${i.team}`),
          competition: i.competition.name,
        };
        const to = `/penilai/kompetisi/${i.competition.id}/profil${i.team === 'panel' ? '?tim=panel' : ''}`;
        return (
          <AdminNotice
            key={`${i.team}-${i.competition.id}`}
            tone={i.profileComplete ? 'success' : 'warning'}
            title={i.profileComplete ? undefined : t('reviewTeam.home.title')}
          >
            {i.profileComplete ? t('reviewTeam.home.complete', vars) : t('reviewTeam.home.missing', vars)}{' '}
            <Anchor component={Link} to={to} fw={600}>
              {i.profileComplete ? t('reviewTeam.home.view') : t('reviewTeam.home.open')}
            </Anchor>
          </AdminNotice>
        );
      })}
    </Stack>
  );
}
