import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ParticipantVisit } from '../../../contracts/field-verification.js';
import type { ProposalDetail } from '../../../contracts/proposals.js';
import { api } from '../../api/client.js';
import { AdminInstant } from '../AdminInstant.js';

/**
 * The finalist's OPEN field visits (date, hour and zone, address, who) on its proposal page, for its admin
 * lokal and UPP. The API lists open visits only: a closed visit is never known here. Nothing shows while
 * there is none.
 */
export function FieldVisitsCard({ detail }: { detail: ProposalDetail }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['proposal', detail.id, 'field-visits'],
    queryFn: () => api<{ items: ParticipantVisit[] }>('GET', `/proposals/${detail.id}/field-visits`),
    enabled: detail.state === 'finalist',
  });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="field-visits-title"
      data-testid="participant-field-visits"
    >
      <Title order={2} size="h3" id="field-visits-title" mb="xs">
        {t('field.participant.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('field.participant.intro')}
      </Text>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((v) => (
          <li key={v.id}>
            <Card withBorder padding="sm">
              <Stack gap={4}>
                <Group gap="xs">
                  <Badge
                    color={
                      v.status === 'cancelled' ? 'gray.8' : v.status === 'submitted' ? 'teal.9' : 'blue.9'
                    }
                    variant="outline"
                    style={{ textTransform: 'none' }}
                  >
                    {t(`field.status.${v.status}`)}
                  </Badge>
                </Group>
                <AdminInstant iso={v.startsAt} timeZone={v.timeZone} />
                <Text size="sm">
                  {t('field.where')}: {v.address}
                </Text>
                <Text size="sm">
                  {t('field.participant.who')}: {v.verifiers.join(', ')}
                </Text>
              </Stack>
            </Card>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
