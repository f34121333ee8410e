import { Button, Group, Paper, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { competitionChecksResponse } from '../../../../contracts/near-duplicates.js';
import { api } from '../../../api/client.js';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';

type Summary = z.infer<typeof competitionChecksResponse>;

/**
 * The competition's near-duplicate check on the administrative queue (issue 14 point 5): its state, the
 * matches by decision, and "Periksa kemiripan" (202: the check runs in the background; polled until done).
 */
export function NearDuplicateSummary({
  competitionId,
  timeZone,
}: {
  competitionId: number;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const key = ['near-duplicates-summary', competitionId];
  const view = useQuery({
    queryKey: key,
    queryFn: () => api<Summary>('GET', `/competitions/${competitionId}/near-duplicates`),
    refetchInterval: (q) =>
      q.state.data?.run.status === 'pending' || q.state.data?.run.status === 'running' ? 3000 : false,
  });
  const check = useMutation({
    mutationFn: () => api('POST', `/competitions/${competitionId}/near-duplicates/check`),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
  const d = view.data;
  if (!d) return null;
  const busy = d.run.status === 'pending' || d.run.status === 'running';
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('adminCheck.nearDup.title')}>
      <Group justify="space-between" gap="xs">
        <div>
          <Text fw={600}>{t('adminCheck.nearDup.title')}</Text>
          <Text size="sm" role="status">
            {busy
              ? t('adminCheck.nearDup.checking')
              : d.run.status === 'failed'
                ? t('adminCheck.nearDup.failed')
                : d.run.status === 'done'
                  ? `${t('adminCheck.nearDup.counts', d.counts)} · ${t('adminCheck.nearDup.lastRun', {
                      at: formatAt(d.run.finishedAt, timeZone, lang),
                    })}`
                  : t('adminCheck.nearDup.never')}
          </Text>
        </div>
        {d.abilities.check && (
          <Button
            variant="default"
            size="sm"
            loading={check.isPending}
            disabled={busy}
            onClick={() => check.mutate()}
          >
            {t('adminCheck.nearDup.check')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
