import { Alert, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CompareResponse } from '../../../../contracts/proposal-versions.js';
import type { ProposalDetail } from '../../../../contracts/proposals.js';
import { api } from '../../../api/client.js';
import { DiffView } from './DiffView.js';

/** Two versions compared word by word (the older first whatever the order picked). */
export function VersionCompare({ detail, ids }: { detail: ProposalDetail; ids: [number, number] }) {
  const { t } = useTranslation();
  const [from, to] = ids[0] < ids[1] ? ids : [ids[1], ids[0]];
  const q = useQuery({
    queryKey: ['proposal', detail.id, 'compare', from, to],
    queryFn: () =>
      api<CompareResponse>('GET', `/proposals/${detail.id}/revisions/compare?from=${from}&to=${to}`),
  });
  if (q.error) return <Alert color="red">{t('versions.loadFailed')}</Alert>;
  if (!q.data) return null;
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} size="h4">
        {t('versions.compareTitle', { a: q.data.from.number, b: q.data.to.number })}
      </Title>
      <DiffView diff={q.data.diff} detail={detail} headingOrder={4} />
    </Stack>
  );
}
