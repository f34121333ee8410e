import { Link, useParams } from 'react-router';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { SlotTime } from './SlotTime.js';
import type { PanelSessions } from './types.js';

/** /panel/kompetisi/:id/sesi — the presentation sessions the panelist sits in (phone first). */
export function PanelSessionsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['presentation', 'panel', id],
    queryFn: () => api<PanelSessions>('GET', `/panel/competitions/${id}/sessions`),
  });
  const d = q.data;
  return (
    <AdminPage>
      <div>
        <Title order={1}>{t('presentationParticipant.panel.listTitle')}</Title>
        <Text c="dark.6">
          {d ? `${d.competition.name} · ` : ''}
          {t('presentationParticipant.panel.listIntro')}
        </Text>
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()} />
      {d && d.sessions.length === 0 && <Text>{t('presentationParticipant.panel.empty')}</Text>}
      <Stack gap="sm">
        {d?.sessions.map((s) => (
          <Card key={s.id} withBorder padding="sm" component="article" aria-labelledby={`session-${s.id}`}>
            <Stack gap={4}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Title order={2} size="h4" id={`session-${s.id}`}>
                  {s.name}
                </Title>
                <Group gap={4}>
                  <Badge color="indigo.9" variant="filled" radius="sm" style={{ textTransform: 'none' }}>
                    {t(`presentationParticipant.mode.${s.mode}`)}
                  </Badge>
                  <Badge color="dark" variant="outline" radius="sm" style={{ textTransform: 'none' }}>
                    {t('presentationParticipant.panel.finalists', { count: s.finalists })}
                  </Badge>
                </Group>
              </Group>
              <SlotTime startsAt={s.startsAt} endsAt={s.endsAt} timeZone={d.competition.timeZone} size="md" />
              {s.room && (
                <Text size="sm">
                  {t('presentationParticipant.room')}: {s.room}
                </Text>
              )}
              {s.meetingUrl && (
                <Text size="sm">
                  {t('presentationParticipant.link')}:{' '}
                  <Anchor href={s.meetingUrl} target="_blank" rel="noopener noreferrer">
                    {s.meetingUrl}
                  </Anchor>
                </Text>
              )}
              <Anchor component={Link} to={`/panel/kompetisi/${id}/sesi/${s.id}`} fw={600}>
                {t('presentationParticipant.panel.open')}: {s.name}
              </Anchor>
            </Stack>
          </Card>
        ))}
      </Stack>
    </AdminPage>
  );
}
