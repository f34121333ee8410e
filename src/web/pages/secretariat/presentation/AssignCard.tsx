import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import type { PresentationView } from './types.js';

/**
 * Placing the finalists: "Jadwalkan otomatis" (the API keeps the hand moves that still hold), the hand
 * move, and the finalists still without a slot with the reason in words.
 */
export function AssignCard({
  d,
  onAssigned,
  onMove,
}: {
  d: PresentationView;
  onAssigned: (placed: number, left: number) => void;
  onMove: () => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const assign = useMutation({
    mutationFn: () =>
      api<{ placed: number; unplaced: unknown[] }>(
        'POST',
        `/competitions/${d.competition.id}/presentation/assign`,
      ),
    onSuccess: (r) => onAssigned(r.placed, r.unplaced.length),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presentation-assign">
      <Title order={2} size="h3" id="presentation-assign" mb="sm">
        {t('presentation.assign.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('presentation.assign.hint')}</Text>
        {assign.error && (
          <AdminNotice tone="danger" role="alert">
            {apiErrorMessages(assign.error, lang).general}
          </AdminNotice>
        )}
        <Group>
          {d.abilities.edit && (
            <Button disabled={!d.abilities.assign} loading={assign.isPending} onClick={() => assign.mutate()}>
              {t('presentation.assign.button')}
            </Button>
          )}
          {d.abilities.move && (
            <Button variant="default" onClick={onMove}>
              {t('presentation.move.button')}
            </Button>
          )}
        </Group>
        {d.unplaced.length === 0 ? (
          d.finalists > 0 && (
            <Text size="sm" fw={600} data-testid="all-placed">
              {t('presentation.assign.allPlaced', { count: d.finalists })}
            </Text>
          )
        ) : (
          <AdminNotice
            tone="warning"
            title={t('presentation.assign.unplacedTitle', { count: d.unplaced.length })}
          >
            <List size="sm" data-testid="unplaced">
              {d.unplaced.map((u) => (
                <List.Item key={u.proposalId}>
                  <Text size="sm" fw={600}>
                    {u.title}
                  </Text>
                  <Text size="sm">{pick(u.message)}</Text>
                </List.Item>
              ))}
            </List>
          </AdminNotice>
        )}
      </Stack>
    </Paper>
  );
}
